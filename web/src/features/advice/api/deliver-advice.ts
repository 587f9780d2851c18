import { AdviceSchema, type DeliverAdviceBody } from '@duidingspool/shared';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/mutation.ts';
import { queryRoots } from '../../../lib/query-roots.ts';

/** `POST /interpretation-requests/{id}/advice` (assigned specialist, request in progress): delivers the advice. */
export function deliverAdvice(requestId: string, body: DeliverAdviceBody) {
  return apiRequest(`/interpretation-requests/${encodeURIComponent(requestId)}/advice`, { method: 'POST', body, schema: AdviceSchema });
}

/** Delivers advice; refreshes the request (now `advice-delivered`) and the assignments. */
export function useDeliverAdvice(requestId: string) {
  return useRefreshingMutation((body: DeliverAdviceBody) => deliverAdvice(requestId, body), [queryRoots.requests, queryRoots.assignments]);
}
