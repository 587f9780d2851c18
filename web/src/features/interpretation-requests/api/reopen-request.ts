import { InterpretationRequestSchema, type ReopenRequestBody } from '@duidingspool/shared';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/mutation.ts';
import { queryRoots } from '../../../lib/query-roots.ts';
import { requestKeys } from './keys.ts';

/** `POST /interpretation-requests/{id}/reopen`: back in progress with the same specialist, with a reason (decision 113). */
export function reopenRequest(id: string, body: ReopenRequestBody) {
  return apiRequest(`/interpretation-requests/${encodeURIComponent(id)}/reopen`, { method: 'POST', body, schema: InterpretationRequestSchema });
}

/** Reopens a request; puts the answer in the cache and refreshes the requests (lists, clocks) and the assignments. */
export function useReopenRequest(id: string) {
  return useRefreshingMutation(
    (body: ReopenRequestBody) => reopenRequest(id, body),
    [queryRoots.requests, queryRoots.assignments],
    (request, queryClient) => queryClient.setQueryData(requestKeys.detail(id), request),
  );
}
