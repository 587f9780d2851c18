import { AdviceSchema, type DeliverAdviceBody } from '@duidingspool/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryRoots } from '../../../lib/query-roots.ts';

/** `POST /interpretation-requests/{id}/advice` (assigned specialist, request in progress): delivers the advice. */
export function deliverAdvice(requestId: string, body: DeliverAdviceBody) {
  return apiRequest(`/interpretation-requests/${encodeURIComponent(requestId)}/advice`, { method: 'POST', body, schema: AdviceSchema });
}

/** Delivers advice; refreshes the request (now `advice-delivered`) and the assignments. */
export function useDeliverAdvice(requestId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DeliverAdviceBody) => deliverAdvice(requestId, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: [queryRoots.requests] });
      void queryClient.invalidateQueries({ queryKey: [queryRoots.assignments] });
    },
  });
}
