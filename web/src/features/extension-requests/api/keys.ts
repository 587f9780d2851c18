import type { ExtensionStatus } from '@duidingspool/shared';
import { queryRoots } from '../../../lib/query-roots.ts';

/** Query parameters of the extension-request list. */
export interface ExtensionListParams {
  page: number;
  pageSize: number;
  status?: ExtensionStatus;
}

/** Query keys of extension requests. */
export const extensionKeys = {
  all: [queryRoots.extensionRequests] as const,
  list: (params: ExtensionListParams) => [queryRoots.extensionRequests, 'list', params] as const,
};
