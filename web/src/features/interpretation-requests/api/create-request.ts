import { InterpretationRequestSchema, type NewRequestBody } from '@duidingspool/shared';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/mutation.ts';
import { requestKeys } from './keys.ts';

/** `POST /interpretation-requests`: creates a draft with what is filled in, or a whole request submitted with `submit: true`. */
export function createRequest(body: NewRequestBody) {
  return apiRequest('/interpretation-requests', { method: 'POST', body, schema: InterpretationRequestSchema });
}

/** Creates a request and refreshes the request lists. */
export function useCreateRequest() {
  return useRefreshingMutation(createRequest, [requestKeys.lists()], (request, queryClient) =>
    queryClient.setQueryData(requestKeys.detail(request.id), request),
  );
}
