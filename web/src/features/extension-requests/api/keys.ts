import type { ExtensionStatus } from '@duidingspool/shared';
import { listKeys, type PageParams } from '../../../lib/page-query.ts';
import { queryRoots } from '../../../lib/query-roots.ts';

/** Query parameters of the extension-request list. */
export interface ExtensionListParams extends PageParams {
  status?: ExtensionStatus;
}

/** Query keys of extension requests. */
export const extensionKeys = listKeys<typeof queryRoots.extensionRequests, ExtensionListParams>(queryRoots.extensionRequests);
