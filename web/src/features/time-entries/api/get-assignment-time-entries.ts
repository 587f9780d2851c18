import { pageOf, TimeEntrySchema } from '@duidingspool/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { timeEntryKeys } from './keys.ts';

const TimeEntryPageSchema = pageOf(TimeEntrySchema);

/** Entries shown per page on an assignment. */
export const ASSIGNMENT_ENTRIES_PAGE_SIZE = 50;

/** `GET /assignments/{id}/time-entries`: the entries logged on one assignment. */
export function getAssignmentTimeEntries(assignmentId: string, page: number, signal?: AbortSignal) {
  return apiRequest(`/assignments/${encodeURIComponent(assignmentId)}/time-entries`, {
    query: { page, pageSize: ASSIGNMENT_ENTRIES_PAGE_SIZE },
    schema: TimeEntryPageSchema,
    signal,
  });
}

/** Query options of one page of an assignment's entries. */
export const assignmentTimeEntriesQueryOptions = (assignmentId: string, page: number) =>
  queryOptions({
    queryKey: timeEntryKeys.ofAssignment(assignmentId, page),
    queryFn: ({ signal }) => getAssignmentTimeEntries(assignmentId, page, signal),
    placeholderData: keepPreviousData,
  });

/** One page of an assignment's entries. */
export function useAssignmentTimeEntries(assignmentId: string, page: number) {
  return useQuery(assignmentTimeEntriesQueryOptions(assignmentId, page));
}
