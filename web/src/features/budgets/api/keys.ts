import { queryRoots } from '../../../lib/query-roots.ts';

/** Query keys of budgets. */
export const budgetKeys = {
  all: [queryRoots.budgets] as const,
  list: () => [queryRoots.budgets, 'list'] as const,
  detail: (year: number) => [queryRoots.budgets, 'detail', year] as const,
  burnUp: (year: number) => [queryRoots.budgets, 'burn-up', year] as const,
  breakdown: (year: number, dimension: string) => [queryRoots.budgets, 'breakdown', year, dimension] as const,
  ledger: (year: number, query: Record<string, unknown>) => [queryRoots.budgets, 'ledger', year, query] as const,
  periods: (year: number) => [queryRoots.budgets, 'periods', year] as const,
};
