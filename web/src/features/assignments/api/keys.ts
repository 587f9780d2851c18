import type { AssignmentStatus } from '@duidingspool/shared';
import type { PageParams } from '../../../lib/page-query.ts';
import { queryRoots } from '../../../lib/query-roots.ts';

/** Query parameters of the assignment list. */
export interface AssignmentListParams extends PageParams {
  status?: AssignmentStatus;
  open?: boolean;
}

/** Query keys of assignments. */
export const assignmentKeys = {
  all: [queryRoots.assignments] as const,
  lists: () => [queryRoots.assignments, 'list'] as const,
  list: (params: AssignmentListParams) => [queryRoots.assignments, 'list', params] as const,
  detail: (id: string) => [queryRoots.assignments, 'detail', id] as const,
};

/** Roots a change to an assignment makes stale: the request, budgets and specialists' load. */
export const AFFECTED_BY_ASSIGNMENT = [queryRoots.assignments, queryRoots.requests, queryRoots.budgets, queryRoots.specialists] as const;
