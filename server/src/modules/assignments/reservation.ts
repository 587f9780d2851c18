import { type Executor, schema, type Transaction } from '@duidingspool/db';
import type { AssignmentCloseCause } from '@duidingspool/shared';
import { entryCostCents } from '@duidingspool/shared';
import { and, eq, gte, isNull, type Placeholder, type SQL, sql } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import type { ServiceContext } from '../../lib/context.ts';
import {
  assertReservedToPending,
  type LineRef,
  lineForYear,
  noteThresholds,
  pendingRejected,
  release,
  reserve,
  reservedToPending,
  reservedToPendingMoved,
  reservedToPendingParts,
  spentCorrected,
  tryReserve,
} from '../budgets/index.ts';

/**
 * The reservation of an assignment (docs/design.md §5): the money set aside on the budget of its
 * `budgetYear`, on its budget line `budgetLineId` (decision 094), for the minutes still to be logged.
 * It lives three times — `assignments.reservedCents`, the line's and the year's `reservedCents` — and this file is the only place that moves either for an
 * assignment, always both in the caller's transaction, through the guarded updates of the budget
 * ledger (budget-ledger.ts) so that the budget's available amount never drops below 0 and the
 * assignment's reservation never below 0 or above what its estimate allows. The movements:
 * reserve (a new assignment), change (a new estimate), consume (hours logged), give back (a
 * rejected entry or an approved correction) and release (the assignment ends).
 */

const a = schema.assignments;

/** The budget line an assignment charges. */
const lineOf = (assignment: { budgetYear: number; budgetLineId: string }): LineRef => ({ year: assignment.budgetYear, lineId: assignment.budgetLineId });

/**
 * Reserves the cost of `estimatedMinutes` at `rateCents` per hour on the budget line `line` for a
 * new assignment, and notes the thresholds it crosses. Returns the reserved cents, to store on the new row.
 * @throws AppError 409 `budget-exceeded` (with `availableCents`), `no-budget`
 */
export async function reserveForAssignment(ctx: ServiceContext, tx: Transaction, line: LineRef, estimatedMinutes: number, rateCents: number): Promise<number> {
  const reservedCents = entryCostCents(estimatedMinutes, rateCents);
  await reserve(tx, line, reservedCents);
  await noteThresholds(tx, line.year, ctx);
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
  assignment: { id: string; budgetYear: number; budgetLineId: string; rateCents: number; estimatedMinutes: number; reservedCents: number },
  estimatedMinutes: number,
): Promise<number> {
  const delta = entryCostCents(estimatedMinutes, assignment.rateCents) - entryCostCents(assignment.estimatedMinutes, assignment.rateCents);
  let newReserved = assignment.reservedCents + delta;
  if (delta > 0) {
    await reserve(tx, lineOf(assignment), delta);
    await noteThresholds(tx, assignment.budgetYear, ctx);
  } else if (delta < 0) {
    const freed = Math.min(-delta, assignment.reservedCents);
    await release(tx, lineOf(assignment), freed);
    newReserved = assignment.reservedCents - freed;
  }
  await tx.update(a).set({ estimatedMinutes, reservedCents: newReserved }).where(eq(a.id, assignment.id));
  return newReserved - assignment.reservedCents;
}

/**
 * Logged hours consume the reservation: `amountCents` and `minutes` must fit in the accepted, open
 * assignment's remaining reservation and estimate — one guarded UPDATE — and then move from
 * reserved (year `budgetYear`, the assignment's line) to pending on the line of `entryYear` that
 * continues it (`lineForYear`). Returns that line, to store on the entry.
 * @throws AppError 409 `estimate-exceeded` (with `remainingMinutes`), `budget-exceeded`, `no-budget` (entry's year)
 */
export async function consumeReservation(
  ctx: ServiceContext,
  tx: Transaction,
  assignment: { id: string; budgetYear: number; budgetLineId: string },
  entryYear: number,
  amountCents: number,
  minutes: number,
): Promise<LineRef> {
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
  if (fitted.length === 0) throw await estimateExceeded(tx, assignment.id);
  const entryLine = await lineForYear(tx, lineOf(assignment), entryYear);
  if (!entryLine) throw new AppError('no-budget', `Er is geen budget voor ${entryYear} vastgesteld.`);
  await reservedToPending(tx, lineOf(assignment), entryLine, amountCents);
  if (entryYear !== assignment.budgetYear) await noteThresholds(tx, entryYear, ctx);
  return entryLine;
}

/** The problem for hours that do not fit in the assignment's estimate or reservation, with the minutes left now. */
async function estimateExceeded(db: Executor, assignmentId: string): Promise<AppError> {
  const [now] = await db.select({ logged: a.loggedMinutes, estimated: a.estimatedMinutes }).from(a).where(eq(a.id, assignmentId));
  const remainingMinutes = now ? now.estimated - now.logged : 0;
  return new AppError('estimate-exceeded', 'Deze uren passen niet meer binnen de inschatting van de inzet. Vraag de coördinator de inschatting te verhogen.', {
    remainingMinutes,
  });
}

/** A value of a statement built once: the value itself or a placeholder. */
type Bound<T> = T | Placeholder;

/**
 * `consumeReservation` for an entry in the budget year of its assignment's reservation (the
 * assignment's own line), as the WITH parts of one statement (decision 135): `fitted` — the guarded
 * update of the assignment, only when `after` holds — then the year's and the line's move from
 * reserved to pending (`reservedToPendingParts`), each only after the one before. The lock order is
 * that of `consumeReservation`: the assignment, the year, the line. `consumedMoved` holds only when
 * all three moved, for the caller's last part (the entry). The caller selects whether `fitted`,
 * `ledger_year` and `ledger_line` returned a row and hands that to `assertConsumed`. An entry of
 * another year takes `consumeReservation`. Values are given as values or placeholders.
 */
export function consumeReservationParts(
  assignment: { id: Bound<string>; budgetYear: Bound<number>; budgetLineId: Bound<string> },
  amountCents: Bound<number>,
  minutes: Bound<number>,
  after: SQL,
): SQL {
  return sql`fitted as (
      update ${a} set ${sql.identifier(a.reservedCents.name)} = ${a.reservedCents} - ${amountCents}, ${sql.identifier(a.loggedMinutes.name)} = ${a.loggedMinutes} + ${minutes}
      where ${a.id} = ${assignment.id} and ${a.status} = 'accepted' and ${a.closedAt} is null and ${a.reservedCents} >= ${amountCents}
        and ${a.loggedMinutes} + ${minutes} <= ${a.estimatedMinutes} and ${after}
      returning 1
    ), ${reservedToPendingParts({ year: assignment.budgetYear, lineId: assignment.budgetLineId }, amountCents, sql`exists (select 1 from fitted)`)}`;
}

/** True (SQL) in a statement with `consumeReservationParts` when the assignment, the year and the line all moved. */
export const consumedMoved: SQL = reservedToPendingMoved;

/**
 * What `consumeReservationParts` did, as the caller's statement read it (`fitted`, `ledger_year`,
 * `ledger_line` each returned a row or not); throws as `consumeReservation` does.
 * @throws AppError 409 `estimate-exceeded` (with `remainingMinutes`); Error when the budget's reservation was smaller than the assignment's (a broken ledger)
 */
export async function assertConsumed(
  db: Executor,
  assignment: { id: string; budgetYear: number; budgetLineId: string },
  amountCents: number,
  moved: { fitted: boolean; year: boolean; line: boolean },
): Promise<void> {
  if (!moved.fitted) throw await estimateExceeded(db, assignment.id);
  assertReservedToPending(lineOf(assignment), amountCents, moved);
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
  entry: { assignmentId: string; budgetYear: number; budgetLineId: string; cents: number; minutes: number; isCorrection: boolean },
): Promise<void> {
  const { cents, minutes } = entry;
  const [assignment] = await tx.select().from(a).where(eq(a.id, entry.assignmentId)).for('update');
  if (!assignment) throw new Error('assignment vanished');
  let restore = assignment.closedAt === null && assignment.status === 'accepted';
  // The same line: the money goes back to the reservation in place. Another line (another year): the
  // entry's line is freed and the assignment's line re-reserved, if it still has room.
  const sameYear = assignment.budgetLineId === entry.budgetLineId;
  const entryLine = { year: entry.budgetYear, lineId: entry.budgetLineId };
  if (entry.isCorrection) await spentCorrected(tx, entryLine, cents, restore && sameYear);
  else await pendingRejected(tx, entryLine, cents, restore && sameYear);
  if (restore && !sameYear) {
    restore = await tryReserve(tx, lineOf(assignment), cents);
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
  assignment: { id: string; budgetYear: number; budgetLineId: string; reservedCents: number },
  closedAt: Date,
  ending: AssignmentEnding = {},
): Promise<void> {
  await release(tx, lineOf(assignment), assignment.reservedCents);
  await tx
    .update(a)
    .set({ ...ending, reservedCents: 0, closedAt })
    .where(eq(a.id, assignment.id));
}
