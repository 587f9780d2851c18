import { BurnUpSchema } from '@duidingspool/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { budgetKeys } from './keys.ts';

/** `GET /budgets/{year}/burn-up`: cumulative spent and logged cost per day of work, with a projection. */
export function getBurnUp(year: number, signal?: AbortSignal) {
  return apiRequest(`/budgets/${year}/burn-up`, { schema: BurnUpSchema, signal });
}

export const burnUpQueryOptions = (year: number) => queryOptions({ queryKey: budgetKeys.burnUp(year), queryFn: ({ signal }) => getBurnUp(year, signal) });

/** The burn-up of `year`. */
export function useBurnUp(year: number) {
  return useQuery(burnUpQueryOptions(year));
}
