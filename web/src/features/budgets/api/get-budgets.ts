import { BudgetListSchema } from '@duidingspool/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { budgetKeys } from './keys.ts';

/** `GET /budgets` (coordinator, finance): every year's budget with its running totals. */
export function getBudgets(signal?: AbortSignal) {
  return apiRequest('/budgets', { schema: BudgetListSchema, signal });
}

/** Query options of the budget list. */
export const budgetsQueryOptions = () => queryOptions({ queryKey: budgetKeys.list(), queryFn: ({ signal }) => getBudgets(signal) });

/** All budgets (disabled for roles that may not read them). */
export function useBudgets(enabled = true) {
  return useQuery({ ...budgetsQueryOptions(), enabled });
}
