import type { PageParams } from '../../../lib/page-query.ts';
import { queryRoots } from '../../../lib/query-roots.ts';

/** Query parameters of the request list. */
export interface RequestListParams extends PageParams {
  status?: readonly string[];
  caseTableId?: string;
  sort?: string;
}

/** Query keys of interpretation requests and the case tables a user may act for. */
export const requestKeys = {
  all: [queryRoots.requests] as const,
  lists: () => [queryRoots.requests, 'list'] as const,
  list: (params: RequestListParams) => [queryRoots.requests, 'list', params] as const,
  details: () => [queryRoots.requests, 'detail'] as const,
  detail: (id: string) => [queryRoots.requests, 'detail', id] as const,
  caseTables: () => [queryRoots.caseTables] as const,
};
