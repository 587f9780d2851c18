import { InterpretationRequestSchema, type PatchInterpretationRequestBody } from '@duidingspool/shared';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/mutation.ts';
import { queryRoots } from '../../../lib/query-roots.ts';
import { requestKeys } from './keys.ts';

/** `PATCH /interpretation-requests/{id}`: moves the request to another status. */
export function updateRequestStatus(id: string, body: PatchInterpretationRequestBody) {
  return apiRequest(`/interpretation-requests/${encodeURIComponent(id)}`, { method: 'PATCH', body, schema: InterpretationRequestSchema });
}

/** Changes a request's status; refreshes the request, the lists, assignments and the budget (a close releases reservations). */
export function useUpdateRequestStatus(id: string) {
  return useRefreshingMutation(
    (body: PatchInterpretationRequestBody) => updateRequestStatus(id, body),
    [requestKeys.lists(), queryRoots.assignments, queryRoots.budgets, queryRoots.specialists],
    (request, queryClient) => queryClient.setQueryData(requestKeys.detail(id), request),
  );
}
