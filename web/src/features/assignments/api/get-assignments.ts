import { AssignmentSchema, pageOf } from '@duidingspool/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { type AssignmentListParams, assignmentKeys } from './keys.ts';

const AssignmentPageSchema = pageOf(AssignmentSchema);

/** `GET /assignments`: the specialist's own assignments (coordinator: all). */
export function getAssignments(params: AssignmentListParams, signal?: AbortSignal) {
  return apiRequest('/assignments', {
    query: { page: params.page, pageSize: params.pageSize, status: params.status, open: params.open === undefined ? undefined : String(params.open) },
    schema: AssignmentPageSchema,
    signal,
  });
}

/** Query options of a page of assignments. */
export const assignmentsQueryOptions = (params: AssignmentListParams) =>
  queryOptions({
    queryKey: assignmentKeys.list(params),
    queryFn: ({ signal }) => getAssignments(params, signal),
    placeholderData: keepPreviousData,
  });

/** A page of assignments. */
export function useAssignments(params: AssignmentListParams) {
  return useQuery(assignmentsQueryOptions(params));
}
