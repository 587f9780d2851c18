import { AssignmentSchema, type CreateAssignmentBody } from '@duidingspool/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { AFFECTED_BY_ASSIGNMENT } from './keys.ts';

/**
 * `POST /interpretation-requests/{id}/assignments` (coordinator): proposes a specialist and
 * reserves estimate × rate on the budget; 409 `budget-exceeded` carries `availableCents`.
 */
export function createAssignment(requestId: string, body: CreateAssignmentBody) {
  return apiRequest(`/interpretation-requests/${encodeURIComponent(requestId)}/assignments`, { method: 'POST', body, schema: AssignmentSchema });
}

/** Assigns a specialist; refreshes the request, assignments, specialists' load and budgets. */
export function useCreateAssignment(requestId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateAssignmentBody) => createAssignment(requestId, body),
    onSuccess: () => {
      for (const root of AFFECTED_BY_ASSIGNMENT) void queryClient.invalidateQueries({ queryKey: [root] });
    },
  });
}
