import { AssignmentSchema, type EndAssignmentBody } from '@duidingspool/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryRoots } from '../../../lib/query-roots.ts';
import { AFFECTED_BY_ASSIGNMENT, assignmentKeys } from './keys.ts';

/** `POST /assignments/{id}/end`: the coordinator ends a live assignment with a reason. */
export function endAssignment(id: string, body: EndAssignmentBody) {
  return apiRequest(`/assignments/${encodeURIComponent(id)}/end`, { method: 'POST', body, schema: AssignmentSchema });
}

/** Ends an assignment; refreshes it, its request, the budget, the load and open extension requests. */
export function useEndAssignment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: EndAssignmentBody }) => endAssignment(id, body),
    onSuccess: (assignment) => {
      queryClient.setQueryData(assignmentKeys.detail(assignment.id), assignment);
      for (const root of [...AFFECTED_BY_ASSIGNMENT, queryRoots.extensionRequests]) void queryClient.invalidateQueries({ queryKey: [root] });
    },
  });
}
