import { type BreakdownDimension, LedgerEntrySchema, pageOf } from '@duidingspool/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { budgetKeys } from './keys.ts';

const LedgerPageSchema = pageOf(LedgerEntrySchema);

/** Filters of a drill-down: one breakdown key and a page. */
export interface LedgerQuery {
  dimension: BreakdownDimension;
  key: string;
  page: number;
  pageSize: number;
}

/** `GET /budgets/{year}/ledger-entries`: ledger lines (money and organisation, no case content). */
export function getLedgerEntries(year: number, query: LedgerQuery, signal?: AbortSignal) {
  return apiRequest(`/budgets/${year}/ledger-entries`, { query: { ...query }, schema: LedgerPageSchema, signal });
}

export const ledgerQueryOptions = (year: number, query: LedgerQuery) =>
  queryOptions({
    queryKey: budgetKeys.ledger(year, { ...query }),
    queryFn: ({ signal }) => getLedgerEntries(year, query, signal),
    placeholderData: keepPreviousData,
  });

/** A page of ledger lines for a drill-down (disabled without a query). */
export function useLedgerEntries(year: number, query: LedgerQuery | null) {
  return useQuery({ ...ledgerQueryOptions(year, query ?? { dimension: 'specialist', key: '', page: 1, pageSize: 20 }), enabled: query !== null });
}

/** The export's address: a download link, so the browser saves the file itself. */
export const ledgerExportHref = (year: number, format: 'csv' | 'xlsx', month?: string) =>
  `/api/v1/budgets/${year}/ledger-export?format=${format}${month ? `&month=${month}` : ''}`;
