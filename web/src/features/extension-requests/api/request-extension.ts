import { type CreateExtensionBody, ExtensionRequestSchema } from '@duidingspool/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
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
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateExtensionBody) => requestExtension(assignmentId, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: [queryRoots.extensionRequests] });
    },
  });
}
