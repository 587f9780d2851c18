import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/mutation.ts';
import { AFFECTED_BY_TIME_ENTRY } from './keys.ts';

/**
 * `DELETE /time-entries/{id}` (the specialist who logged it): withdraws an entry that waits for a
 * decision; its amount goes back to the assignment's reservation. 409 `invalid-transition` once
 * decided.
 */
export function withdrawTimeEntry(id: string) {
  return apiRequest(`/time-entries/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** Withdraws an entry; refreshes entries, the assignment, the request and the budget. */
export function useWithdrawTimeEntry() {
  return useRefreshingMutation((id: string) => withdrawTimeEntry(id), AFFECTED_BY_TIME_ENTRY);
}
