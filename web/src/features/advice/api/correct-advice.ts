import { AdviceSchema, type CorrectAdviceBody } from '@duidingspool/shared';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/mutation.ts';
import { queryRoots } from '../../../lib/query-roots.ts';

/** `POST /interpretation-requests/{id}/advice/corrections` (the holding specialist, advice delivered): the corrected advice as its next version, with a reason (decision 114). */
export function correctAdvice(requestId: string, body: CorrectAdviceBody) {
  return apiRequest(`/interpretation-requests/${encodeURIComponent(requestId)}/advice/corrections`, { method: 'POST', body, schema: AdviceSchema });
}

/** Corrects delivered advice; refreshes the request (its advice and versions) and the assignments. */
export function useCorrectAdvice(requestId: string) {
  return useRefreshingMutation((body: CorrectAdviceBody) => correctAdvice(requestId, body), [queryRoots.requests, queryRoots.assignments]);
}
