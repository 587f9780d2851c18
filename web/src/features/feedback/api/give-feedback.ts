import { FeedbackSchema, type GiveFeedbackBody } from '@duidingspool/shared';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/mutation.ts';
import { queryRoots } from '../../../lib/query-roots.ts';

/** `POST /interpretation-requests/{id}/feedback` (requester of the casustafel, request closed, once). */
export function giveFeedback(requestId: string, body: GiveFeedbackBody) {
  return apiRequest(`/interpretation-requests/${encodeURIComponent(requestId)}/feedback`, { method: 'POST', body, schema: FeedbackSchema });
}

/** Gives feedback; refreshes the request, which then shows it and no longer offers the form. */
export function useGiveFeedback(requestId: string) {
  return useRefreshingMutation((body: GiveFeedbackBody) => giveFeedback(requestId, body), [queryRoots.requests]);
}
