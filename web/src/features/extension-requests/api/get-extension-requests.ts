import { ExtensionRequestSchema, pageOf } from '@duidingspool/shared';
import { useQuery } from '@tanstack/react-query';
import { pageQueryOptions } from '../../../lib/page-query.ts';
import { type ExtensionListParams, extensionKeys } from './keys.ts';

const ExtensionRequestPageSchema = pageOf(ExtensionRequestSchema);

/** Query options of `GET /extension-requests`: a page of requests for more hours (coordinator: all; specialist: own), by status. */
export const extensionRequestsQueryOptions = (params: ExtensionListParams) =>
  pageQueryOptions(extensionKeys.list(params), '/extension-requests', ExtensionRequestPageSchema, { ...params });

/** A page of extension requests. */
export function useExtensionRequests(params: ExtensionListParams) {
  return useQuery(extensionRequestsQueryOptions(params));
}
