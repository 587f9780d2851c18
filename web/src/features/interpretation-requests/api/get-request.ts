import { InterpretationRequestSchema } from '@duidingspool/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { requestKeys } from './keys.ts';

/** `GET /interpretation-requests/{id}`: one request with timeline, assignments and advice. */
export function getRequest(id: string, signal?: AbortSignal) {
  return apiRequest(`/interpretation-requests/${encodeURIComponent(id)}`, { schema: InterpretationRequestSchema, signal });
}

/** Query options of one request. */
export const requestQueryOptions = (id: string) => queryOptions({ queryKey: requestKeys.detail(id), queryFn: ({ signal }) => getRequest(id, signal) });

/** One request (disabled while `id` is undefined). */
export function useRequest(id: string | undefined) {
  return useQuery({ ...requestQueryOptions(id ?? ''), enabled: !!id });
}
