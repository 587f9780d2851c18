import { BudgetSchema, type CreateBudgetBody } from '@duidingspool/shared';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/mutation.ts';
import { budgetKeys } from './keys.ts';

/** `POST /budgets` (coordinator, finance): opens a year's budget; 409 `conflict` when the year has one. */
export function createBudget(body: CreateBudgetBody) {
  return apiRequest('/budgets', { method: 'POST', body, schema: BudgetSchema });
}

/** Opens a budget year; refreshes the budgets. */
export function useCreateBudget() {
  return useRefreshingMutation((body: CreateBudgetBody) => createBudget(body), budgetKeys.all);
}
