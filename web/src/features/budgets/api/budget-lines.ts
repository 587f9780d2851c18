import { BudgetLineSchema, type CreateBudgetLineBody, type PatchBudgetLineBody } from '@duidingspool/shared';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/mutation.ts';
import { budgetKeys } from './keys.ts';

/**
 * `POST /budgets/{year}/lines` (coordinator, finance): a new budget line with its allocation and
 * funding source; 409 `conflict` when the lines together would exceed the year (pointer `/allocatedCents`)
 * or the code is taken (pointer `/code`).
 */
export function createBudgetLine(year: number, body: CreateBudgetLineBody) {
  return apiRequest(`/budgets/${year}/lines`, { method: 'POST', body, schema: BudgetLineSchema });
}

/** `PATCH /budgets/{year}/lines/{id}`: name, funding source, note or allocation (never below what is committed on it). */
export function updateBudgetLine(year: number, id: string, body: PatchBudgetLineBody) {
  return apiRequest(`/budgets/${year}/lines/${encodeURIComponent(id)}`, { method: 'PATCH', body, schema: BudgetLineSchema });
}

/** `DELETE /budgets/{year}/lines/{id}`: a line nothing was ever booked on; 409 `in-use` otherwise. */
export function deleteBudgetLine(year: number, id: string) {
  return apiRequest(`/budgets/${year}/lines/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** Adds a line; refreshes the budgets. */
export function useCreateBudgetLine(year: number) {
  return useRefreshingMutation((body: CreateBudgetLineBody) => createBudgetLine(year, body), budgetKeys.all);
}

/** Changes a line; refreshes the budgets. */
export function useUpdateBudgetLine(year: number) {
  return useRefreshingMutation(({ id, body }: { id: string; body: PatchBudgetLineBody }) => updateBudgetLine(year, id, body), budgetKeys.all);
}

/** Deletes a line; refreshes the budgets. */
export function useDeleteBudgetLine(year: number) {
  return useRefreshingMutation((id: string) => deleteBudgetLine(year, id), budgetKeys.all);
}
