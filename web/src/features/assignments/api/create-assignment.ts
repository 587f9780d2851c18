import { type Assignment, AssignmentSchema, type CreateAssignmentBody } from '@duidingspool/shared';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/mutation.ts';
import { AFFECTED_BY_ASSIGNMENT } from './keys.ts';

/**
 * `POST /interpretation-requests/{id}/assignments` (coordinator): proposes a specialist and
 * reserves estimate × rate on the budget; 409 `budget-exceeded` carries `availableCents`.
 */
export function createAssignment(requestId: string, body: CreateAssignmentBody) {
  return apiRequest(`/interpretation-requests/${encodeURIComponent(requestId)}/assignments`, { method: 'POST', body, schema: AssignmentSchema });
}

/**
 * Assigns a specialist; refreshes the request, assignments, specialists' load and budgets.
 * `onCreated` runs as soon as the server accepted it, before the refresh: the refreshed request no
 * longer offers the assign panel, so a callback of the panel's own would be lost with it.
 */
export function useCreateAssignment(requestId: string, onCreated?: (assignment: Assignment) => void) {
  return useRefreshingMutation(
    (body: CreateAssignmentBody) => createAssignment(requestId, body),
    AFFECTED_BY_ASSIGNMENT,
    (a) => onCreated?.(a),
  );
}
