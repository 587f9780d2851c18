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

/** `POST /assignments/{id}/no-conflict-confirmation`: the proposed specialist confirms no conflict of interest (decision 103). */
export function confirmNoConflict(id: string) {
  return apiRequest(`/assignments/${encodeURIComponent(id)}/no-conflict-confirmation`, { method: 'POST', schema: AssignmentSchema });
}

/** Confirms no conflict of interest; refreshes the assignment and the request, whose content then opens. */
export function useConfirmNoConflict() {
  return useRefreshingMutation(
    (id: string) => confirmNoConflict(id),
    AFFECTED_BY_ASSIGNMENT,
    (assignment, queryClient) => queryClient.setQueryData(assignmentKeys.detail(assignment.id), assignment),
  );
}
