import { type CreateCorrectionBody, TimeEntrySchema } from '@duidingspool/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
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
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: CreateCorrectionBody }) => correctTimeEntry(id, body),
    onSuccess: () => {
      for (const root of AFFECTED_BY_TIME_ENTRY) void queryClient.invalidateQueries({ queryKey: [root] });
    },
  });
}
