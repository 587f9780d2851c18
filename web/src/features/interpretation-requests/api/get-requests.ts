import { InterpretationRequestSummarySchema, pageOf } from '@duidingspool/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { type RequestListParams, requestKeys } from './keys.ts';

const RequestPageSchema = pageOf(InterpretationRequestSummarySchema);

/** `GET /interpretation-requests`: a page of requests the user may see. */
export function getRequests(params: RequestListParams, signal?: AbortSignal) {
  return apiRequest('/interpretation-requests', {
    query: { page: params.page, pageSize: params.pageSize, status: params.status, caseTableId: params.caseTableId, sort: params.sort },
    schema: RequestPageSchema,
    signal,
  });
}

/** Query options of one page of requests. */
export const requestsQueryOptions = (params: RequestListParams) =>
  queryOptions({
    queryKey: requestKeys.list(params),
    queryFn: ({ signal }) => getRequests(params, signal),
    placeholderData: keepPreviousData,
  });

/** A page of requests, keeping the previous page on screen while the next loads. */
export function useRequests(params: RequestListParams) {
  return useQuery(requestsQueryOptions(params));
}
