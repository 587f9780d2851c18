import { type CreateInterpretationRequestBody, InterpretationRequestSchema } from '@duidingspool/shared';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/mutation.ts';
import { requestKeys } from './keys.ts';

/** `POST /interpretation-requests`: creates a draft, or submits it with `submit: true`. */
export function createRequest(body: CreateInterpretationRequestBody) {
  return apiRequest('/interpretation-requests', { method: 'POST', body, schema: InterpretationRequestSchema });
}

/** Creates a request and refreshes the request lists. */
export function useCreateRequest() {
  return useRefreshingMutation(createRequest, [requestKeys.lists()], (request, queryClient) =>
    queryClient.setQueryData(requestKeys.detail(request.id), request),
  );
}
