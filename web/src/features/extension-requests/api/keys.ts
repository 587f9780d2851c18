import type { ExtensionStatus } from '@duidingspool/shared';
import type { PageParams } from '../../../lib/page-query.ts';
import { queryRoots } from '../../../lib/query-roots.ts';

/** Query parameters of the extension-request list. */
export interface ExtensionListParams extends PageParams {
  status?: ExtensionStatus;
}

/** Query keys of extension requests. */
export const extensionKeys = {
  all: [queryRoots.extensionRequests] as const,
  list: (params: ExtensionListParams) => [queryRoots.extensionRequests, 'list', params] as const,
};
