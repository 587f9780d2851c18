import { AccountingPeriodListSchema, AccountingPeriodSchema, type PatchPeriodBody } from '@duidingspool/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/mutation.ts';
import { queryRoots } from '../../../lib/query-roots.ts';
import { budgetKeys } from './keys.ts';

/** `GET /accounting-periods?year=`: the twelve months of a year, open or closed. */
export function getPeriods(year: number, signal?: AbortSignal) {
  return apiRequest('/accounting-periods', { query: { year }, schema: AccountingPeriodListSchema, signal });
}

export const periodsQueryOptions = (year: number) => queryOptions({ queryKey: budgetKeys.periods(year), queryFn: ({ signal }) => getPeriods(year, signal) });

/** The months of `year`. */
export function usePeriods(year: number) {
  return useQuery(periodsQueryOptions(year));
}

/** `PATCH /accounting-periods/{month}`: close, or reopen with a reason. Refreshes budgets and entries. */
export function useSetPeriod() {
  return useRefreshingMutation(
    ({ month, body }: { month: string; body: PatchPeriodBody }) =>
      apiRequest(`/accounting-periods/${encodeURIComponent(month)}`, { method: 'PATCH', body, schema: AccountingPeriodSchema }),
    [queryRoots.budgets, queryRoots.timeEntries],
  );
}
