import { pageOf, TimeEntrySchema } from '@duidingspool/shared';
import { useQuery } from '@tanstack/react-query';
import { pageQueryOptions } from '../../../lib/page-query.ts';
import { timeEntryKeys } from './keys.ts';

const TimeEntryPageSchema = pageOf(TimeEntrySchema);

/** Entries shown per page on an assignment. */
export const ASSIGNMENT_ENTRIES_PAGE_SIZE = 50;

/** Query options of `GET /assignments/{id}/time-entries`: one page of the entries logged on one assignment. */
export const assignmentTimeEntriesQueryOptions = (assignmentId: string, page: number) =>
  pageQueryOptions(timeEntryKeys.ofAssignment(assignmentId, page), `/assignments/${encodeURIComponent(assignmentId)}/time-entries`, TimeEntryPageSchema, {
    page,
    pageSize: ASSIGNMENT_ENTRIES_PAGE_SIZE,
  });

/** One page of an assignment's entries. */
export function useAssignmentTimeEntries(assignmentId: string, page: number) {
  return useQuery(assignmentTimeEntriesQueryOptions(assignmentId, page));
}
