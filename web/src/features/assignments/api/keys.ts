import type { AssignmentStatus } from '@duidingspool/shared';
import { listKeys, type PageParams } from '../../../lib/page-query.ts';
import { queryRoots } from '../../../lib/query-roots.ts';

/** Query parameters of the assignment list. */
export interface AssignmentListParams extends PageParams {
  status?: AssignmentStatus;
  open?: boolean;
}

/** Query keys of assignments. */
export const assignmentKeys = listKeys<typeof queryRoots.assignments, AssignmentListParams>(queryRoots.assignments);

/** Roots a change to an assignment makes stale: the request, budgets and specialists' load. */
export const AFFECTED_BY_ASSIGNMENT = [queryRoots.assignments, queryRoots.requests, queryRoots.budgets, queryRoots.specialists] as const;
