import { type AuditEventFilter, AuditEventSchema, pageOf } from '@duidingspool/shared';
import { useQuery } from '@tanstack/react-query';
import { API_BASE, toQueryString } from '../../../lib/api-client.ts';
import { pageQueryOptions } from '../../../lib/page-query.ts';
import { queryRoots } from '../../../lib/query-roots.ts';

const AuditEventPageSchema = pageOf(AuditEventSchema);

/** Query options of `GET /audit-events` (coordinator, admin): one page of the audit log with filters. */
export const auditEventsQueryOptions = (filter: AuditEventFilter, page: number) =>
  pageQueryOptions([queryRoots.auditEvents, filter, page], '/audit-events', AuditEventPageSchema, { ...filter, page, pageSize: 50 });

/** One page of the audit log. */
export function useAuditEvents(filter: AuditEventFilter, page: number) {
  return useQuery(auditEventsQueryOptions(filter, page));
}

/** URL of the CSV export with the same filters (a plain link: the browser downloads it). */
export const auditExportUrl = (filter: AuditEventFilter) => `${API_BASE}/audit-events/export${toQueryString({ ...filter })}`;
