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

/** The query that counts submitted hours waiting for a decision (coordinators): one entry, read for its `total`. */
export function useHoursToApproveQuery(enabled: boolean) {
  return useQuery({ ...timeEntriesQueryOptions({ page: 1, pageSize: 1, status: 'submitted' }), enabled });
}

/** The number of submitted hours waiting for a decision (coordinators; counted by the list's `total`), `undefined` while unknown. */
export function useHoursToApprove(enabled: boolean): number | undefined {
  const query = useHoursToApproveQuery(enabled);
  return enabled ? query.data?.total : undefined;
}
