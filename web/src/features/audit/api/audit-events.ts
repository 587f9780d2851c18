import { type AuditEventFilter, AuditEventSchema, pageOf } from '@duidingspool/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { API_BASE, apiRequest, toQueryString } from '../../../lib/api-client.ts';
import { queryRoots } from '../../../lib/query-roots.ts';

const AuditEventPageSchema = pageOf(AuditEventSchema);

/** `GET /audit-events` (coordinator, admin) with filters. */
export function getAuditEvents(filter: AuditEventFilter, page: number, signal?: AbortSignal) {
  return apiRequest('/audit-events', { query: { ...filter, page, pageSize: 50 }, schema: AuditEventPageSchema, signal });
}

/** Query options of one page of the audit log. */
export const auditEventsQueryOptions = (filter: AuditEventFilter, page: number) =>
  queryOptions({
    queryKey: [queryRoots.auditEvents, filter, page],
    queryFn: ({ signal }) => getAuditEvents(filter, page, signal),
    placeholderData: keepPreviousData,
  });

/** One page of the audit log. */
export function useAuditEvents(filter: AuditEventFilter, page: number) {
  return useQuery(auditEventsQueryOptions(filter, page));
}

/** URL of the CSV export with the same filters (a plain link: the browser downloads it). */
export const auditExportUrl = (filter: AuditEventFilter) => `${API_BASE}/audit-events/export${toQueryString({ ...filter })}`;
