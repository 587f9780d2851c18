import { type LogTimeBody, TimeEntrySchema } from '@duidingspool/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { AFFECTED_BY_TIME_ENTRY } from './keys.ts';

/**
 * `POST /assignments/{id}/time-entries`: logs hours (status `submitted`), priced at the rate valid
 * on `workedOn`; 409 `estimate-exceeded` or `no-rate` when it cannot be charged.
 */
export function logTime(assignmentId: string, body: LogTimeBody, idempotencyKey?: string) {
  return apiRequest(`/assignments/${encodeURIComponent(assignmentId)}/time-entries`, {
    method: 'POST',
    body,
    schema: TimeEntrySchema,
    ...(idempotencyKey ? { headers: { 'Idempotency-Key': idempotencyKey } } : {}),
  });
}

/**
 * Logs hours on an assignment; refreshes entries, the assignment, the request and the budget.
 * The form passes one `idempotencyKey` per submit, so a double click is charged once.
 */
export function useLogTime(assignmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ idempotencyKey, ...body }: LogTimeBody & { idempotencyKey?: string }) => logTime(assignmentId, body, idempotencyKey),
    onSuccess: () => {
      for (const root of AFFECTED_BY_TIME_ENTRY) void queryClient.invalidateQueries({ queryKey: [root] });
    },
  });
}
