import type { TimeEntryStatus } from '@duidingspool/shared';
import { listKeys, type PageParams } from '../../../lib/page-query.ts';
import { queryRoots } from '../../../lib/query-roots.ts';

/** Query parameters of the time-entry list. */
export interface TimeEntryListParams extends PageParams {
  status?: TimeEntryStatus;
}

/** Query keys of time entries. */
export const timeEntryKeys = {
  ...listKeys<typeof queryRoots.timeEntries, TimeEntryListParams>(queryRoots.timeEntries),
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
