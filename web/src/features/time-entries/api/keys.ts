import type { TimeEntryStatus } from '@duidingspool/shared';
import type { PageParams } from '../../../lib/page-query.ts';
import { queryRoots } from '../../../lib/query-roots.ts';

/** Query parameters of the time-entry list. */
export interface TimeEntryListParams extends PageParams {
  status?: TimeEntryStatus;
}

/** Query keys of time entries. */
export const timeEntryKeys = {
  all: [queryRoots.timeEntries] as const,
  list: (params: TimeEntryListParams) => [queryRoots.timeEntries, 'list', params] as const,
  ofAssignment: (assignmentId: string, page: number) => [queryRoots.timeEntries, 'assignment', assignmentId, page] as const,
};

/** Roots a logged or reviewed entry makes stale: entries, the assignment's reservation, the request and the budget. */
export const AFFECTED_BY_TIME_ENTRY = [
  queryRoots.timeEntries,
  queryRoots.assignments,
  queryRoots.requests,
  queryRoots.budgets,
  queryRoots.specialists,
] as const;
