import { InterpretationRequestSchema, type PatchInterpretationRequestBody } from '@duidingspool/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryRoots } from '../../../lib/query-roots.ts';
import { requestKeys } from './keys.ts';

/** `PATCH /interpretation-requests/{id}`: moves the request to another status. */
export function updateRequestStatus(id: string, body: PatchInterpretationRequestBody) {
  return apiRequest(`/interpretation-requests/${encodeURIComponent(id)}`, { method: 'PATCH', body, schema: InterpretationRequestSchema });
}

/** Changes a request's status; refreshes the request, the lists, assignments and the budget (a close releases reservations). */
export function useUpdateRequestStatus(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PatchInterpretationRequestBody) => updateRequestStatus(id, body),
    onSuccess: (request) => {
      queryClient.setQueryData(requestKeys.detail(id), request);
      void queryClient.invalidateQueries({ queryKey: requestKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: [queryRoots.assignments] });
      void queryClient.invalidateQueries({ queryKey: [queryRoots.budgets] });
      void queryClient.invalidateQueries({ queryKey: [queryRoots.specialists] });
    },
  });
}
