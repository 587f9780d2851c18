import { listKeys, type PageParams } from '../../../lib/page-query.ts';
import { queryRoots } from '../../../lib/query-roots.ts';

/** Query parameters of the request list. */
export interface RequestListParams extends PageParams {
  status?: readonly string[];
  caseTableId?: string;
  /** Request types (the triage queue's filter, decision 095). */
  type?: readonly string[];
  /** Start of a pool reference (search). */
  reference?: string;
  sort?: string;
}

/** Query keys of interpretation requests and the case tables a user may act for. */
export const requestKeys = {
  ...listKeys<typeof queryRoots.requests, RequestListParams>(queryRoots.requests),
  details: () => [queryRoots.requests, 'detail'] as const,
  caseTables: () => [queryRoots.caseTables] as const,
};
