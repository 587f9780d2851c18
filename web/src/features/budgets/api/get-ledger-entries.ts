import { type BreakdownDimension, LedgerEntrySchema, pageOf } from '@duidingspool/shared';
import { useQuery } from '@tanstack/react-query';
import { pageQueryOptions } from '../../../lib/page-query.ts';
import { budgetKeys } from './keys.ts';

const LedgerPageSchema = pageOf(LedgerEntrySchema);

/** Filters of a drill-down: one breakdown key and a page. */
export interface LedgerQuery {
  dimension: BreakdownDimension;
  key: string;
  page: number;
  pageSize: number;
}

/** Query options of `GET /budgets/{year}/ledger-entries`: a page of ledger lines (money and organisation, no case content). */
export const ledgerQueryOptions = (year: number, query: LedgerQuery) =>
  pageQueryOptions(budgetKeys.ledger(year, { ...query }), `/budgets/${year}/ledger-entries`, LedgerPageSchema, { ...query });

/** A page of ledger lines for a drill-down (disabled without a query). */
export function useLedgerEntries(year: number, query: LedgerQuery | null) {
  return useQuery({ ...ledgerQueryOptions(year, query ?? { dimension: 'specialist', key: '', page: 1, pageSize: 20 }), enabled: query !== null });
}

/** The export's address: a download link, so the browser saves the file itself. */
export const ledgerExportHref = (year: number, format: 'csv' | 'xlsx', month?: string) =>
  `/api/v1/budgets/${year}/ledger-export?format=${format}${month ? `&month=${month}` : ''}`;
