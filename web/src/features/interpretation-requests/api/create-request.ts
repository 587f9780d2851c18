import { type CreateInterpretationRequestBody, InterpretationRequestSchema } from '@duidingspool/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { requestKeys } from './keys.ts';

/** `POST /interpretation-requests`: creates a draft, or submits it with `submit: true`. */
export function createRequest(body: CreateInterpretationRequestBody) {
  return apiRequest('/interpretation-requests', { method: 'POST', body, schema: InterpretationRequestSchema });
}

/** Creates a request and refreshes the request lists. */
export function useCreateRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createRequest,
    onSuccess: (request) => {
      queryClient.setQueryData(requestKeys.detail(request.id), request);
      void queryClient.invalidateQueries({ queryKey: requestKeys.lists() });
    },
  });
}
