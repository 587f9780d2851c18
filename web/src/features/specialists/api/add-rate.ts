import { type CreateRateBody, SpecialistRateSchema } from '@duidingspool/shared';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/mutation.ts';
import { queryRoots } from '../../../lib/query-roots.ts';

/**
 * `POST /specialists/{id}/rates` (coordinator): a new rate in cents per hour from a date; hours
 * already logged keep their price. 409 `conflict` when a rate from that date exists.
 */
export function addRate(specialistId: string, body: CreateRateBody) {
  return apiRequest(`/specialists/${encodeURIComponent(specialistId)}/rates`, { method: 'POST', body, schema: SpecialistRateSchema });
}

/** Adds a rate; refreshes specialists (current rate) and assignments (their shown rate). */
export function useAddRate(specialistId: string) {
  return useRefreshingMutation((body: CreateRateBody) => addRate(specialistId, body), [queryRoots.specialists, queryRoots.assignments]);
}
