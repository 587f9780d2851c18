import { type BulkReviewBody, BulkReviewResultSchema } from '@duidingspool/shared';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/mutation.ts';
import { AFFECTED_BY_TIME_ENTRY } from './keys.ts';

/** `POST /time-entry-reviews` (coordinator): approves or rejects up to 100 submitted entries, all or nothing. */
export function reviewTimeEntries(body: BulkReviewBody) {
  return apiRequest('/time-entry-reviews', { method: 'POST', body, schema: BulkReviewResultSchema });
}

/** Reviews several entries at once; refreshes entries, assignments and the budget. */
export function useReviewTimeEntries() {
  return useRefreshingMutation((body: BulkReviewBody) => reviewTimeEntries(body), AFFECTED_BY_TIME_ENTRY);
}
