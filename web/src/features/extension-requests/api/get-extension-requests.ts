import { ExtensionRequestSchema, pageOf } from '@duidingspool/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { type ExtensionListParams, extensionKeys } from './keys.ts';

const ExtensionRequestPageSchema = pageOf(ExtensionRequestSchema);

/** `GET /extension-requests`: requests for more hours (coordinator: all; specialist: own), by status. */
export function getExtensionRequests(params: ExtensionListParams, signal?: AbortSignal) {
  return apiRequest('/extension-requests', {
    query: { page: params.page, pageSize: params.pageSize, status: params.status },
    schema: ExtensionRequestPageSchema,
    signal,
  });
}

/** Query options of a page of extension requests. */
export const extensionRequestsQueryOptions = (params: ExtensionListParams) =>
  queryOptions({
    queryKey: extensionKeys.list(params),
    queryFn: ({ signal }) => getExtensionRequests(params, signal),
    placeholderData: keepPreviousData,
  });

/** A page of extension requests. */
export function useExtensionRequests(params: ExtensionListParams) {
  return useQuery(extensionRequestsQueryOptions(params));
}
