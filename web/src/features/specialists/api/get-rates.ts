import { SpecialistRateListSchema } from '@duidingspool/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { specialistKeys } from './get-specialists.ts';

/** `GET /specialists/{id}/rates` (coordinator): a specialist's rate history, oldest first. */
export function getRates(specialistId: string, signal?: AbortSignal) {
  return apiRequest(`/specialists/${encodeURIComponent(specialistId)}/rates`, { schema: SpecialistRateListSchema, signal });
}

/** Query options of a specialist's rate history. */
export const ratesQueryOptions = (specialistId: string) =>
  queryOptions({ queryKey: specialistKeys.rates(specialistId), queryFn: ({ signal }) => getRates(specialistId, signal) });

/** A specialist's rate history. */
export function useRates(specialistId: string) {
  return useQuery(ratesQueryOptions(specialistId));
}
