import { AssignmentSchema } from '@duidingspool/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { assignmentKeys } from './keys.ts';

/** `GET /assignments/{id}`: one assignment. */
export function getAssignment(id: string, signal?: AbortSignal) {
  return apiRequest(`/assignments/${encodeURIComponent(id)}`, { schema: AssignmentSchema, signal });
}

/** Query options of one assignment. */
export const assignmentQueryOptions = (id: string) => queryOptions({ queryKey: assignmentKeys.detail(id), queryFn: ({ signal }) => getAssignment(id, signal) });

/** One assignment (disabled while `id` is undefined). */
export function useAssignment(id: string | undefined) {
  return useQuery({ ...assignmentQueryOptions(id ?? ''), enabled: !!id });
}
