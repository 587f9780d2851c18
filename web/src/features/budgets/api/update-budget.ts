import { BudgetSchema, type PatchBudgetBody } from '@duidingspool/shared';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/mutation.ts';
import { budgetKeys } from './keys.ts';

/**
 * `PATCH /budgets/{year}` (coordinator, finance): allocation, funding source, note or thresholds;
 * 409 `budget-exceeded` when the allocation would fall below what is committed.
 */
export function updateBudget(year: number, body: PatchBudgetBody) {
  return apiRequest(`/budgets/${year}`, { method: 'PATCH', body, schema: BudgetSchema });
}

/** Changes a budget year; refreshes the budgets. */
export function useUpdateBudget(year: number) {
  return useRefreshingMutation((body: PatchBudgetBody) => updateBudget(year, body), budgetKeys.all);
}
