import { BudgetSchema } from '@duidingspool/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { budgetKeys } from './keys.ts';

/** `GET /budgets/{year}` (coordinator, finance): allocated, reserved, pending, spent and available cents. */
export function getBudget(year: number, signal?: AbortSignal) {
  return apiRequest(`/budgets/${year}`, { schema: BudgetSchema, signal });
}

/** Query options of one year's budget. */
export const budgetQueryOptions = (year: number) => queryOptions({ queryKey: budgetKeys.detail(year), queryFn: ({ signal }) => getBudget(year, signal) });

/** One year's budget (disabled while `year` is undefined). */
export function useBudget(year: number | undefined) {
  return useQuery({ ...budgetQueryOptions(year ?? 0), enabled: year !== undefined });
}
