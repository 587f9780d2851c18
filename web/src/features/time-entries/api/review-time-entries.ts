import { type BulkReviewBody, BulkReviewResultSchema } from '@duidingspool/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { AFFECTED_BY_TIME_ENTRY } from './keys.ts';

/** `POST /time-entry-reviews` (coordinator): approves or rejects up to 100 submitted entries, all or nothing. */
export function reviewTimeEntries(body: BulkReviewBody) {
  return apiRequest('/time-entry-reviews', { method: 'POST', body, schema: BulkReviewResultSchema });
}

/** Reviews several entries at once; refreshes entries, assignments and the budget. */
export function useReviewTimeEntries() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BulkReviewBody) => reviewTimeEntries(body),
    onSuccess: () => {
      for (const root of AFFECTED_BY_TIME_ENTRY) void queryClient.invalidateQueries({ queryKey: [root] });
    },
  });
}
