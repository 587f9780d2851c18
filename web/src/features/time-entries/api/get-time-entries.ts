import { pageOf, TimeEntrySchema } from '@duidingspool/shared';
import { useQuery } from '@tanstack/react-query';
import { pageQueryOptions } from '../../../lib/page-query.ts';
import { type TimeEntryListParams, timeEntryKeys } from './keys.ts';

const TimeEntryPageSchema = pageOf(TimeEntrySchema);

/** Query options of `GET /time-entries`: a page of entries by status (coordinator: all; specialist: own). */
export const timeEntriesQueryOptions = (params: TimeEntryListParams) =>
  pageQueryOptions(timeEntryKeys.list(params), '/time-entries', TimeEntryPageSchema, { ...params });

/** A page of time entries. */
export function useTimeEntries(params: TimeEntryListParams) {
  return useQuery(timeEntriesQueryOptions(params));
}
