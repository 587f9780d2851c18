import { queryRoots } from '../../../lib/query-roots.ts';

/** Query parameters of the extension-request list. */
export interface ExtensionListParams {
  page: number;
  pageSize: number;
  status?: 'requested' | 'granted' | 'refused';
}

/** Query keys of extension requests. */
export const extensionKeys = {
  all: [queryRoots.extensionRequests] as const,
  list: (params: ExtensionListParams) => [queryRoots.extensionRequests, 'list', params] as const,
};
