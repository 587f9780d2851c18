import type { Transaction } from '@duidingspool/db';
import type { AssignmentCloseCause } from '@duidingspool/shared';
import type { ServiceContext } from '../../lib/context.ts';
import { refuseOpenExtensionsOnClose } from '../extension-requests/index.ts';
import type { AssignmentRecord } from './assignments.repository.ts';
import { releaseReservation } from './reservation.ts';

/**
 * The one way a live assignment closes (docs/design.md §4, §5), whatever the cause: its specialist
 * declined the proposal, its request was closed, cancelled or withdrawn, the coordinator ended it,
 * or its specialist left the pool and the proposal was withdrawn. Inside `tx` (the caller holds the
 * request and assignment locks): the unused reservation (`reservedCents`) is released on the
 * assignment's budget year, the assignment gets `closedAt` (now), its `closeCause` and, for a
 * decline or an ending, the person's reason; every open extension request on it is refused with
 * the cause as fixed reason. Logged hours stay as they are.
 *
 * Need to know reads `closeCause`: only an accepted assignment closed with its request keeps its
 * specialist's access to the request (decision 004).
 *
 * @returns the number of extension requests refused
 */
export async function closeAssignment(
  ctx: ServiceContext,
  tx: Transaction,
  assignment: Pick<AssignmentRecord, 'id' | 'budgetYear' | 'budgetLineId' | 'reservedCents'>,
  cause: AssignmentCloseCause,
  opts: { reason?: string | null | undefined } = {},
): Promise<number> {
  const now = ctx.now();
  await releaseReservation(tx, assignment, now, {
    closeCause: cause,
    ...(cause === 'declined' ? { status: 'declined', respondedAt: now, declineReason: opts.reason ?? null } : {}),
    ...(cause === 'assignment-ended' ? { endReason: opts.reason ?? null } : {}),
  });
  return refuseOpenExtensionsOnClose(tx, { assignmentId: assignment.id, cause, deciderId: ctx.actor.userId, at: now });
}
