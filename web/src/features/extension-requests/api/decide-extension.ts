import { type DecideExtensionBody, ExtensionRequestSchema } from '@duidingspool/shared';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/mutation.ts';
import { queryRoots } from '../../../lib/query-roots.ts';

/**
 * `PATCH /extension-requests/{id}` (coordinator): grants (the estimate rises and the extra is
 * reserved; 409 `budget-exceeded` when it does not fit) or refuses with a reason.
 */
export function decideExtension(id: string, body: DecideExtensionBody) {
  return apiRequest(`/extension-requests/${encodeURIComponent(id)}`, { method: 'PATCH', body, schema: ExtensionRequestSchema });
}

/** Decides an extension request; a grant changes the assignment's estimate and the budget's reservation. */
export function useDecideExtension() {
  return useRefreshingMutation(
    ({ id, body }: { id: string; body: DecideExtensionBody }) => decideExtension(id, body),
    [queryRoots.extensionRequests, queryRoots.assignments, queryRoots.requests, queryRoots.budgets, queryRoots.specialists],
  );
}
