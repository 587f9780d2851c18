import { type CreateCorrectionBody, TimeEntrySchema } from '@duidingspool/shared';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/mutation.ts';
import { AFFECTED_BY_TIME_ENTRY } from './keys.ts';

/**
 * `POST /time-entries/{id}/corrections` (coordinator): a correcting entry with negative minutes (at
 * most the original's) and a reason, on an approved entry.
 */
export function correctTimeEntry(id: string, body: CreateCorrectionBody) {
  return apiRequest(`/time-entries/${encodeURIComponent(id)}/corrections`, { method: 'POST', body, schema: TimeEntrySchema });
}

/** Corrects an approved entry; refreshes entries, assignments and the budget. */
export function useCorrectTimeEntry() {
  return useRefreshingMutation(({ id, body }: { id: string; body: CreateCorrectionBody }) => correctTimeEntry(id, body), AFFECTED_BY_TIME_ENTRY);
}
