import { AssignmentSchema, pageOf } from '@duidingspool/shared';
import { useQuery } from '@tanstack/react-query';
import { pageQueryOptions } from '../../../lib/page-query.ts';
import { type AssignmentListParams, assignmentKeys } from './keys.ts';

const AssignmentPageSchema = pageOf(AssignmentSchema);

/** Query options of `GET /assignments`: a page of the specialist's own assignments (coordinator: all). */
export const assignmentsQueryOptions = (params: AssignmentListParams) =>
  pageQueryOptions(assignmentKeys.list(params), '/assignments', AssignmentPageSchema, { ...params });

/** A page of assignments. */
export function useAssignments(params: AssignmentListParams) {
  return useQuery(assignmentsQueryOptions(params));
}
