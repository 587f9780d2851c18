import { CaseTableSchema } from '@duidingspool/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '../../../lib/api-client.ts';
import { requestKeys } from './keys.ts';

const CaseTableListSchema = z.object({ items: z.array(CaseTableSchema) });

/** `GET /case-tables`: the casustafels the user may act for, with their municipalities. */
export function getCaseTables(signal?: AbortSignal) {
  return apiRequest('/case-tables', { query: { pageSize: 100 }, schema: CaseTableListSchema, signal });
}

/** Query options of the user's case tables. */
export const caseTablesQueryOptions = () =>
  queryOptions({ queryKey: requestKeys.caseTables(), queryFn: ({ signal }) => getCaseTables(signal), staleTime: 10 * 60 * 1000 });

/** The case tables the user may act for. */
export function useCaseTables() {
  return useQuery(caseTablesQueryOptions());
}
