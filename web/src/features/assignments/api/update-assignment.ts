import { AssignmentSchema, type PatchAssignmentBody } from '@duidingspool/shared';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/mutation.ts';
import { AFFECTED_BY_ASSIGNMENT, assignmentKeys } from './keys.ts';

/** `PATCH /assignments/{id}`: the specialist accepts or declines; the coordinator changes the estimate. */
export function updateAssignment(id: string, body: PatchAssignmentBody) {
  return apiRequest(`/assignments/${encodeURIComponent(id)}`, { method: 'PATCH', body, schema: AssignmentSchema });
}

/** Updates an assignment; refreshes it and everything its reservation touches. */
export function useUpdateAssignment() {
  return useRefreshingMutation(
    ({ id, body }: { id: string; body: PatchAssignmentBody }) => updateAssignment(id, body),
    AFFECTED_BY_ASSIGNMENT,
    (assignment, queryClient) => queryClient.setQueryData(assignmentKeys.detail(assignment.id), assignment),
  );
}
