import { queryRoots } from '../../../lib/query-roots.ts';

/** Query keys of budgets. */
export const budgetKeys = {
  all: [queryRoots.budgets] as const,
  list: () => [queryRoots.budgets, 'list'] as const,
  detail: (year: number) => [queryRoots.budgets, 'detail', year] as const,
};
