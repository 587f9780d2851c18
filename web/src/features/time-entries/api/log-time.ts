import { type LogTimeBody, TimeEntrySchema } from '@duidingspool/shared';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/mutation.ts';
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
  return useRefreshingMutation(
    ({ idempotencyKey, ...body }: LogTimeBody & { idempotencyKey?: string }) => logTime(assignmentId, body, idempotencyKey),
    AFFECTED_BY_TIME_ENTRY,
  );
}
