import { FinancialStatementSchema, type StatementDocumentFormat } from '@duidingspool/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { API_BASE, ApiError, apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/mutation.ts';
import { queryRoots } from '../../../lib/query-roots.ts';

/** Query keys of the financial statements. */
export const statementKeys = { year: (year: number) => [queryRoots.financialStatements, year] as const };

/**
 * `GET /financial-statements/{year}` (finance, coordinator): the statement, or `null` when none
 * was prepared for the year (404).
 */
export function useStatement(year: number) {
  return useQuery(
    queryOptions({
      queryKey: statementKeys.year(year),
      queryFn: async ({ signal }) => {
        try {
          return await apiRequest(`/financial-statements/${year}`, { schema: FinancialStatementSchema, signal });
        } catch (error) {
          if (error instanceof ApiError && error.status === 404) return null;
          throw error;
        }
      },
    }),
  );
}

/** `POST /financial-statements` (finance): prepares the statement of a closed year. */
export function usePrepareStatement() {
  return useRefreshingMutation(
    (year: number) => apiRequest('/financial-statements', { method: 'POST', body: { year }, schema: FinancialStatementSchema }),
    [queryRoots.financialStatements],
  );
}

/** `POST /financial-statements/{year}/adoption` (finance or coordinator, not the preparer) with the SHA-256 of the version shown. */
export function useAdoptStatement() {
  return useRefreshingMutation(
    ({ year, sha256 }: { year: number; sha256: string }) =>
      apiRequest(`/financial-statements/${year}/adoption`, { method: 'POST', body: { sha256 }, schema: FinancialStatementSchema }),
    [queryRoots.financialStatements],
  );
}

/** Where the browser downloads the statement as XLSX or as tagged PDF (`GET /financial-statements/{year}/document?format=`). */
export const statementDocumentUrl = (year: number, format: StatementDocumentFormat) => `${API_BASE}/financial-statements/${year}/document?format=${format}`;
