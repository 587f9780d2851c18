import { type ReviewTimeEntryBody, TimeEntrySchema } from '@duidingspool/shared';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/mutation.ts';
import { AFFECTED_BY_TIME_ENTRY } from './keys.ts';

/** `PATCH /time-entries/{id}` (coordinator): approves (charged) or rejects (reason required). */
export function reviewTimeEntry(id: string, body: ReviewTimeEntryBody) {
  return apiRequest(`/time-entries/${encodeURIComponent(id)}`, { method: 'PATCH', body, schema: TimeEntrySchema });
}

/** Reviews an entry; refreshes entries, assignments and the budget. */
export function useReviewTimeEntry() {
  return useRefreshingMutation(({ id, body }: { id: string; body: ReviewTimeEntryBody }) => reviewTimeEntry(id, body), AFFECTED_BY_TIME_ENTRY);
}
