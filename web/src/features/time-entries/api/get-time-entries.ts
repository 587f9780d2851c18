import { pageOf, TimeEntrySchema } from '@duidingspool/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { type TimeEntryListParams, timeEntryKeys } from './keys.ts';

const TimeEntryPageSchema = pageOf(TimeEntrySchema);

/** `GET /time-entries`: entries by status (coordinator: all; specialist: own). */
export function getTimeEntries(params: TimeEntryListParams, signal?: AbortSignal) {
  return apiRequest('/time-entries', { query: { page: params.page, pageSize: params.pageSize, status: params.status }, schema: TimeEntryPageSchema, signal });
}

/** Query options of a page of time entries. */
export const timeEntriesQueryOptions = (params: TimeEntryListParams) =>
  queryOptions({ queryKey: timeEntryKeys.list(params), queryFn: ({ signal }) => getTimeEntries(params, signal), placeholderData: keepPreviousData });

/** A page of time entries. */
export function useTimeEntries(params: TimeEntryListParams) {
  return useQuery(timeEntriesQueryOptions(params));
}
