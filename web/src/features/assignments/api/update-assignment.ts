import { AssignmentSchema, type PatchAssignmentBody } from '@duidingspool/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { AFFECTED_BY_ASSIGNMENT, assignmentKeys } from './keys.ts';

/** `PATCH /assignments/{id}`: the specialist accepts or declines; the coordinator changes the estimate. */
export function updateAssignment(id: string, body: PatchAssignmentBody) {
  return apiRequest(`/assignments/${encodeURIComponent(id)}`, { method: 'PATCH', body, schema: AssignmentSchema });
}

/** Updates an assignment; refreshes it and everything its reservation touches. */
export function useUpdateAssignment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: PatchAssignmentBody }) => updateAssignment(id, body),
    onSuccess: (assignment) => {
      queryClient.setQueryData(assignmentKeys.detail(assignment.id), assignment);
      for (const root of AFFECTED_BY_ASSIGNMENT) void queryClient.invalidateQueries({ queryKey: [root] });
    },
  });
}
