import { InterpretationRequestSummarySchema, pageOf } from '@duidingspool/shared';
import { useQuery } from '@tanstack/react-query';
import { pageQueryOptions } from '../../../lib/page-query.ts';
import { type RequestListParams, requestKeys } from './keys.ts';

const RequestPageSchema = pageOf(InterpretationRequestSummarySchema);

/** Query options of `GET /interpretation-requests`: a page of the requests the user may see. */
export const requestsQueryOptions = (params: RequestListParams) =>
  pageQueryOptions(requestKeys.list(params), '/interpretation-requests', RequestPageSchema, { ...params });

/** A page of requests, keeping the previous page on screen while the next loads. */
export function useRequests(params: RequestListParams) {
  return useQuery(requestsQueryOptions(params));
}
