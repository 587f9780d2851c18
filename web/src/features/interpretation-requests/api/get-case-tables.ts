import { CaseTableSchema } from '@duidingspool/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '../../../lib/api-client.ts';
import { requestKeys } from './keys.ts';

const CaseTableListSchema = z.object({ items: z.array(CaseTableSchema) });

/**
 * `GET /case-tables`: the casustafels the user may act for, with their municipalities; retired ones
 * (and retired municipalities) only with `includeRetired` (the admin's user form shows existing memberships).
 */
export function getCaseTables(signal?: AbortSignal, includeRetired = false) {
  return apiRequest('/case-tables', { query: { pageSize: 100, ...(includeRetired ? { includeRetired: 'true' } : {}) }, schema: CaseTableListSchema, signal });
}

/** Query options of the user's case tables (`includeRetired`: retired ones too). */
export const caseTablesQueryOptions = (includeRetired = false) =>
  queryOptions({
    queryKey: [...requestKeys.caseTables(), includeRetired ? 'with-retired' : 'in-service'],
    queryFn: ({ signal }) => getCaseTables(signal, includeRetired),
    staleTime: 10 * 60 * 1000,
  });

/** The case tables the user may act for; new things choose only from those in service. */
export function useCaseTables(includeRetired = false) {
  return useQuery(caseTablesQueryOptions(includeRetired));
}
