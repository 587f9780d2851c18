import { AssignmentSchema, type EndAssignmentBody } from '@duidingspool/shared';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/mutation.ts';
import { queryRoots } from '../../../lib/query-roots.ts';
import { AFFECTED_BY_ASSIGNMENT, assignmentKeys } from './keys.ts';

/** `POST /assignments/{id}/end`: the coordinator ends a live assignment with a reason. */
export function endAssignment(id: string, body: EndAssignmentBody) {
  return apiRequest(`/assignments/${encodeURIComponent(id)}/end`, { method: 'POST', body, schema: AssignmentSchema });
}

/** Ends an assignment; refreshes it, its request, the budget, the load and open extension requests. */
export function useEndAssignment() {
  return useRefreshingMutation(
    ({ id, body }: { id: string; body: EndAssignmentBody }) => endAssignment(id, body),
    [...AFFECTED_BY_ASSIGNMENT, queryRoots.extensionRequests],
    (assignment, queryClient) => queryClient.setQueryData(assignmentKeys.detail(assignment.id), assignment),
  );
}
