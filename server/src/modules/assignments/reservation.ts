import { schema, type Transaction } from '@duidingspool/db';
import type { AssignmentCloseCause } from '@duidingspool/shared';
import { entryCostCents } from '@duidingspool/shared';
import { and, eq, gte, isNull, sql } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { noteThresholds, pendingRejected, release, reserve, reservedToPending, spentCorrected, tryReserve } from '../budgets/index.ts';

/**
 * The reservation of an assignment (docs/design.md §5): the money set aside on the budget of its
 * `budgetYear` for the minutes still to be logged. It lives twice — `assignments.reservedCents` and
 * the budget's `reservedCents` — and this file is the only place that moves either for an
 * assignment, always both in the caller's transaction, through the guarded updates of the budget
 * ledger (budget-ledger.ts) so that the budget's available amount never drops below 0 and the
 * assignment's reservation never below 0 or above what its estimate allows. The movements:
 * reserve (a new assignment), change (a new estimate), consume (hours logged), give back (a
 * rejected entry or an approved correction) and release (the assignment ends).
 */

const a = schema.assignments;

/**
 * Reserves the cost of `estimatedMinutes` at `rateCents` per hour on `year` for a new assignment,
 * and notes the thresholds it crosses. Returns the reserved cents, to store on the new row.
 * @throws AppError 409 `budget-exceeded` (with `availableCents`), `no-budget`
 */
export async function reserveForAssignment(ctx: ServiceContext, tx: Transaction, year: number, estimatedMinutes: number, rateCents: number): Promise<number> {
  const reservedCents = entryCostCents(estimatedMinutes, rateCents);
  await reserve(tx, year, reservedCents);
  await noteThresholds(tx, year, ctx);
  return reservedCents;
}

/**
 * Moves the reservation of a live assignment to a new estimate in minutes: a raise is reserved
 * (and must fit in the budget), a lowering releases what it frees, never more than is reserved.
 * The assignment's estimate and reservation are written together. Returns the change of the
 * reservation in cents.
 * @throws AppError 409 `budget-exceeded` (with `availableCents`), `no-budget`
 */
export async function changeReservation(
  ctx: ServiceContext,
  tx: Transaction,
  assignment: { id: string; budgetYear: number; rateCents: number; estimatedMinutes: number; reservedCents: number },
  estimatedMinutes: number,
): Promise<number> {
  const delta = entryCostCents(estimatedMinutes, assignment.rateCents) - entryCostCents(assignment.estimatedMinutes, assignment.rateCents);
  let newReserved = assignment.reservedCents + delta;
  if (delta > 0) {
    await reserve(tx, assignment.budgetYear, delta);
    await noteThresholds(tx, assignment.budgetYear, ctx);
  } else if (delta < 0) {
    const freed = Math.min(-delta, assignment.reservedCents);
    await release(tx, assignment.budgetYear, freed);
    newReserved = assignment.reservedCents - freed;
  }
  await tx.update(a).set({ estimatedMinutes, reservedCents: newReserved }).where(eq(a.id, assignment.id));
  return newReserved - assignment.reservedCents;
}

/**
 * Logged hours consume the reservation: `amountCents` and `minutes` must fit in the accepted, open
 * assignment's remaining reservation and estimate — one guarded UPDATE — and then move from
 * reserved (year `budgetYear`) to pending in the budget of `entryYear`.
 * @throws AppError 409 `estimate-exceeded` (with `remainingMinutes`), `budget-exceeded`, `no-budget` (entry's year)
 */
export async function consumeReservation(
  ctx: ServiceContext,
  tx: Transaction,
  assignment: { id: string; budgetYear: number },
  entryYear: number,
  amountCents: number,
  minutes: number,
): Promise<void> {
  const fitted = await tx
    .update(a)
    .set({ reservedCents: sql`${a.reservedCents} - ${amountCents}`, loggedMinutes: sql`${a.loggedMinutes} + ${minutes}` })
    .where(
      and(
        eq(a.id, assignment.id),
        eq(a.status, 'accepted'),
        isNull(a.closedAt),
        gte(a.reservedCents, amountCents),
        sql`${a.loggedMinutes} + ${minutes} <= ${a.estimatedMinutes}`,
      ),
    )
    .returning({ id: a.id });
  if (fitted.length === 0) {
    const [now] = await tx.select({ logged: a.loggedMinutes, estimated: a.estimatedMinutes }).from(a).where(eq(a.id, assignment.id));
    const remainingMinutes = now ? now.estimated - now.logged : 0;
    throw new AppError('estimate-exceeded', 'Deze uren passen niet meer binnen de inschatting van de inzet. Vraag de coördinator de inschatting te verhogen.', {
      remainingMinutes,
    });
  }
  await reservedToPending(tx, assignment.budgetYear, entryYear, amountCents);
  if (entryYear !== assignment.budgetYear) await noteThresholds(tx, entryYear, ctx);
}

/**
 * Gives an entry's money back (a rejected entry: `isCorrection` false, its amount leaves pending;
 * an approved correction: true, its amount leaves spent) on the entry's `budgetYear`. While the
 * assignment is open (accepted, not closed) the amount goes back to its reservation, so the
 * specialist can still log the estimated minutes. Same year: pending (or spent) becomes reserved
 * again. Across years: the entry's year is freed and the reservation's year re-reserved, if it still
 * has room. The assignment's logged minutes go down by `minutes` (never below 0).
 */
export async function giveBackToReservation(
  ctx: ServiceContext,
  tx: Transaction,
  entry: { assignmentId: string; budgetYear: number; cents: number; minutes: number; isCorrection: boolean },
): Promise<void> {
  const { cents, minutes } = entry;
  const [assignment] = await tx.select().from(a).where(eq(a.id, entry.assignmentId)).for('update');
  if (!assignment) throw new Error('assignment vanished');
  let restore = assignment.closedAt === null && assignment.status === 'accepted';
  const sameYear = assignment.budgetYear === entry.budgetYear;
  if (entry.isCorrection) await spentCorrected(tx, entry.budgetYear, cents, restore && sameYear);
  else await pendingRejected(tx, entry.budgetYear, cents, restore && sameYear);
  if (restore && !sameYear) {
    restore = await tryReserve(tx, assignment.budgetYear, cents);
    if (restore) await noteThresholds(tx, assignment.budgetYear, ctx);
  }
  await tx
    .update(a)
    .set({
      loggedMinutes: sql`greatest(${a.loggedMinutes} - ${minutes}, 0)`,
      ...(restore ? { reservedCents: sql`${a.reservedCents} + ${cents}` } : {}),
    })
    .where(eq(a.id, entry.assignmentId));
}

/**
 * How an assignment ends, written on its row with the release: why it closed (`closeCause`), and
 * for a decline the response and its reason, for an ending the coordinator's reason.
 */
export type AssignmentEnding = {
  closeCause?: AssignmentCloseCause;
  status?: 'declined';
  respondedAt?: Date;
  declineReason?: string | null;
  endReason?: string | null;
};

/**
 * Ends an assignment's reservation (declined, ended, withdrawn, or its request closed): the unused
 * `reservedCents` go back to the budget of its year, the assignment's reservation becomes 0 and it
 * is closed at `closedAt`, with `ending`'s fields. The caller holds the assignment's row lock, so
 * `reservedCents` is current.
 */
export async function releaseReservation(
  tx: Transaction,
  assignment: { id: string; budgetYear: number; reservedCents: number },
  closedAt: Date,
  ending: AssignmentEnding = {},
): Promise<void> {
  await release(tx, assignment.budgetYear, assignment.reservedCents);
  await tx
    .update(a)
    .set({ ...ending, reservedCents: 0, closedAt })
    .where(eq(a.id, assignment.id));
}
