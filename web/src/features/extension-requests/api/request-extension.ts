import { type CreateExtensionBody, ExtensionRequestSchema } from '@duidingspool/shared';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/mutation.ts';
import { queryRoots } from '../../../lib/query-roots.ts';

/**
 * `POST /assignments/{id}/extension-requests` (the assigned specialist): asks for extra minutes with
 * a reason; 409 `invalid-transition` unless the assignment is accepted and open.
 */
export function requestExtension(assignmentId: string, body: CreateExtensionBody) {
  return apiRequest(`/assignments/${encodeURIComponent(assignmentId)}/extension-requests`, { method: 'POST', body, schema: ExtensionRequestSchema });
}

/** Asks for more hours; refreshes the extension requests. */
export function useRequestExtension(assignmentId: string) {
  return useRefreshingMutation((body: CreateExtensionBody) => requestExtension(assignmentId, body), [queryRoots.extensionRequests]);
}
