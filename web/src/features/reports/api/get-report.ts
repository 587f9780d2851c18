import { type ReportPreset, ReportQuerySchema, ReportSchema } from '@duidingspool/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryRoots } from '../../../lib/query-roots.ts';

/** What the report page asks: a preset with its year, or a period; and the suppression threshold. */
export type ReportRequest = { preset: ReportPreset; year: number; threshold: number } | { from: string; to: string; threshold: number };

/** The query string of a report request, for the API and for the download links. */
export function reportQueryString(r: ReportRequest): string {
  const q = new URLSearchParams('preset' in r ? { preset: r.preset, year: String(r.year) } : { from: r.from, to: r.to });
  q.set('threshold', String(r.threshold));
  return q.toString();
}

/** The address parameters that name a report's period. */
export const REPORT_ADDRESS_KEYS = ['preset', 'year', 'from', 'to', 'threshold'] as const;

/**
 * The report request an address asks for (`?preset=year-end&year=2026&threshold=5`, or `from`/`to`),
 * read by the API's own query schema; null when the address names none, or one the API would refuse.
 */
export function reportRequestOf(params: URLSearchParams): ReportRequest | null {
  const picked = Object.fromEntries(REPORT_ADDRESS_KEYS.flatMap((k) => (params.has(k) ? [[k, params.get(k) ?? '']] : [])));
  if (Object.keys(picked).length === 0) return null;
  const parsed = ReportQuerySchema.safeParse(picked);
  if (!parsed.success) return null;
  const q = parsed.data;
  if (q.preset !== undefined && q.year !== undefined) return { preset: q.preset, year: q.year, threshold: q.threshold };
  if (q.from !== undefined && q.to !== undefined) return { from: q.from, to: q.to, threshold: q.threshold };
  return null;
}

/** `GET /reports`: the report of a period, every count already suppressed by the server. */
export function useReport(r: ReportRequest | null) {
  return useQuery({
    queryKey: [queryRoots.reports, r],
    queryFn: ({ signal }) => apiRequest(`/reports?${reportQueryString(r as ReportRequest)}`, { schema: ReportSchema, signal }),
    enabled: r !== null,
    placeholderData: keepPreviousData,
  });
}

/** The download's address: a link, so the browser saves the file itself. */
export const reportExportHref = (r: ReportRequest, format: 'csv' | 'xlsx' | 'pdf') => `/api/v1/reports/export?${reportQueryString(r)}&format=${format}`;
