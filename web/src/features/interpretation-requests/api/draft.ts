import { type DraftRequestFields, InterpretationRequestSchema } from '@duidingspool/shared';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/mutation.ts';
import { requestKeys } from './keys.ts';
import { updateRequestStatus } from './update-request-status.ts';

/** `PATCH /interpretation-requests/{id}/fields`: changes a draft's fields (or those of a request waiting for information). */
export function updateRequestFields(id: string, body: DraftRequestFields) {
  return apiRequest(`/interpretation-requests/${encodeURIComponent(id)}/fields`, { method: 'PATCH', body, schema: InterpretationRequestSchema });
}

/**
 * Saves a draft's fields and, with `submit`, submits it (the server checks it in full then and
 * gives the pool reference); refreshes the request and the lists.
 */
export function useSaveDraft(id: string) {
  return useRefreshingMutation(
    async ({ fields, submit }: { fields: DraftRequestFields; submit: boolean }) => {
      const saved = await updateRequestFields(id, fields);
      return submit ? updateRequestStatus(id, { status: 'submitted' }) : saved;
    },
    [requestKeys.lists()],
    (request, queryClient) => queryClient.setQueryData(requestKeys.detail(id), request),
  );
}

/** `DELETE /interpretation-requests/{id}`: deletes a draft; refreshes the lists. */
export function useDeleteDraft(id: string) {
  return useRefreshingMutation(() => apiRequest(`/interpretation-requests/${encodeURIComponent(id)}`, { method: 'DELETE' }), [requestKeys.lists()]);
}
