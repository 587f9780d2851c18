import { type BreakdownDimension, BreakdownSchema } from '@duidingspool/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { budgetKeys } from './keys.ts';

/** `GET /budgets/{year}/breakdowns?dimension=…`: pending and spent per region, municipality, casustafel, specialist, expertise or activity. */
export function getBreakdown(year: number, dimension: BreakdownDimension, signal?: AbortSignal) {
  return apiRequest(`/budgets/${year}/breakdowns`, { query: { dimension }, schema: BreakdownSchema, signal });
}

export const breakdownQueryOptions = (year: number, dimension: BreakdownDimension) =>
  queryOptions({ queryKey: budgetKeys.breakdown(year, dimension), queryFn: ({ signal }) => getBreakdown(year, dimension, signal) });

/** One breakdown of `year`. */
export function useBreakdown(year: number, dimension: BreakdownDimension) {
  return useQuery(breakdownQueryOptions(year, dimension));
}
