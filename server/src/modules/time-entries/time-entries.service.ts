import { schema } from '@duidingspool/db';
import {
  amsterdamDate,
  entryCostCents,
  type LogTimeBody,
  type ReviewTimeEntryBody,
  type TimeEntry,
  type TimeEntryListQuery,
  yearOf,
} from '@duidingspool/shared';
import { and, eq, gte, isNull, sql } from 'drizzle-orm';
import { AppError, forbidden, invalidField, invalidTransition, notFound } from '../../errors.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { assertNoPersonalData } from '../../lib/personal-data-guard.ts';
import { assignmentsVisibleTo, findAssignment, rateOn } from '../assignments/assignments.repository.ts';
import { audit } from '../audit/audit.service.ts';
import { pendingRejected, pendingToSpent, reservedToPending, tryReserve } from '../budgets/budget-ledger.ts';
import { enqueueNotification } from '../notifications/outbox.ts';
import { entriesVisibleTo, findEntry, listEntries, toTimeEntry } from './time-entries.repository.ts';

/** Request statuses in which hours can be logged: the work is under way or the advice just went out. */
const LOGGABLE = new Set(['in-progress', 'advice-delivered']);

/** A page of the entries the actor may see (coordinator: all; specialist: own). */
export function listTimeEntries(ctx: ServiceContext, q: TimeEntryListQuery) {
  return listEntries(ctx.db, ctx.actor, q);
}

/** Entries of one assignment the actor may see. @throws AppError 404 `not-found` */
export async function listAssignmentEntries(ctx: ServiceContext, assignmentId: string, q: TimeEntryListQuery) {
  const assignment = await findAssignment(ctx.db, assignmentId, assignmentsVisibleTo(ctx.actor));
  if (!assignment) throw notFound('Deze inzet');
  return listEntries(ctx.db, ctx.actor, { ...q, assignmentId });
}

/**
 * The assigned specialist logs hours on an accepted assignment (DESIGN.md §5): priced at the rate
 * valid on `workedOn` (stored on the entry), amount = minutes × rate / 60 half-up. The amount must
 * fit in the assignment's remaining reservation and the minutes in its estimate — one guarded
 * UPDATE on the assignment — and then moves from reserved to pending in the budget of `workedOn`'s
 * year. Status `submitted`.
 *
 * @throws AppError 404 `not-found`, 403 `forbidden`, 400 `validation-failed` (date in the future or
 *   before the assignment was proposed, unknown activity), 409 `invalid-transition`, `no-rate`, `estimate-exceeded` (with
 *   `remainingMinutes`), `budget-exceeded`, `no-budget`; 422 `personal-data-detected`
 */
export async function logTime(ctx: ServiceContext, assignmentId: string, body: LogTimeBody): Promise<TimeEntry> {
  const { actor } = ctx;
  const today = amsterdamDate(ctx.now());
  if (body.workedOn > today) throw invalidField('/workedOn', 'uren kunnen niet in de toekomst worden geschreven');
  assertNoPersonalData({ description: body.description });
  const id = await ctx.db.transaction(async (tx) => {
    const assignment = await findAssignment(tx, assignmentId, assignmentsVisibleTo(actor));
    if (!assignment) throw notFound('Deze inzet');
    if (assignment.specialistId !== actor.specialistId) throw forbidden('Alleen de toegewezen specialist kan uren schrijven op deze inzet.');
    if (assignment.status !== 'accepted' || assignment.closedAt !== null || !LOGGABLE.has(assignment.requestStatus)) {
      throw invalidTransition('Uren kunnen alleen worden geschreven op een aangenomen inzet bij een lopend verzoek.');
    }
    // Work is dated from the day of the proposal on: no backdating into a year already accounted for.
    const startDate = amsterdamDate(new Date(assignment.proposedAt));
    if (body.workedOn < startDate) throw invalidField('/workedOn', `ligt vóór het begin van de inzet (${startDate})`);
    const [activity] = await tx.select({ code: schema.activities.code }).from(schema.activities).where(eq(schema.activities.code, body.activity));
    if (!activity) throw invalidField('/activity', `onbekende activiteit ${body.activity}`);
    const rateCents = await rateOn(tx, assignment.specialistId, body.workedOn);
    if (rateCents === null) throw new AppError('no-rate', `Er is geen tarief dat geldt op ${body.workedOn}.`);
    const amountCents = entryCostCents(body.minutes, rateCents);
    const a = schema.assignments;
    const fitted = await tx
      .update(a)
      .set({ reservedCents: sql`${a.reservedCents} - ${amountCents}`, loggedMinutes: sql`${a.loggedMinutes} + ${body.minutes}` })
      .where(
        and(
          eq(a.id, assignmentId),
          eq(a.status, 'accepted'),
          isNull(a.closedAt),
          gte(a.reservedCents, amountCents),
          sql`${a.loggedMinutes} + ${body.minutes} <= ${a.estimatedMinutes}`,
        ),
      )
      .returning({ id: a.id });
    if (fitted.length === 0) {
      const [now] = await tx.select({ logged: a.loggedMinutes, estimated: a.estimatedMinutes }).from(a).where(eq(a.id, assignmentId));
      const remainingMinutes = now ? now.estimated - now.logged : 0;
      throw new AppError(
        'estimate-exceeded',
        'Deze uren passen niet meer binnen de inschatting van de inzet. Vraag de coördinator de inschatting te verhogen.',
        {
          remainingMinutes,
        },
      );
    }
    const entryYear = yearOf(body.workedOn);
    await reservedToPending(tx, assignment.budgetYear, entryYear, amountCents);
    const [row] = await tx
      .insert(schema.timeEntries)
      .values({
        assignmentId,
        specialistId: assignment.specialistId,
        workedOn: body.workedOn,
        minutes: body.minutes,
        activity: body.activity,
        description: body.description,
        rateCents,
        amountCents,
        budgetYear: entryYear,
        status: 'submitted',
        createdBy: actor.userId,
      })
      .returning({ id: schema.timeEntries.id });
    if (!row) throw new Error('insert returned no row');
    await audit(ctx, tx, {
      action: 'log-time',
      objectType: 'time-entry',
      objectId: row.id,
      result: 'success',
      details: { assignmentId, minutes: body.minutes, amountCents },
    });
    return row.id;
  });
  const entry = await findEntry(ctx.db, id, entriesVisibleTo(actor));
  if (!entry) throw new Error('entry vanished');
  return toTimeEntry(entry);
}

/**
 * The coordinator approves (pending → spent) or rejects (pending released, back to the
 * assignment's reservation while the assignment is open) a submitted entry. Approved entries
 * are never changed again (DESIGN.md §5).
 *
 * @throws AppError 404 `not-found`, 409 `invalid-transition` (not `submitted`), 422
 *   `personal-data-detected` (reason)
 */
export async function reviewTimeEntry(ctx: ServiceContext, id: string, body: ReviewTimeEntryBody): Promise<TimeEntry> {
  const { actor } = ctx;
  assertNoPersonalData({ reason: body.reason });
  await ctx.db.transaction(async (tx) => {
    const entry = await findEntry(tx, id, entriesVisibleTo(actor), true);
    if (!entry) throw notFound('Deze urenregel');
    if (entry.status !== 'submitted') throw invalidTransition(`Deze urenregel is al ${entry.status === 'approved' ? 'goedgekeurd' : 'afgekeurd'}.`);
    const now = ctx.now();
    const te = schema.timeEntries;
    if (body.status === 'approved') {
      await pendingToSpent(tx, entry.budgetYear, entry.amountCents);
      await tx.update(te).set({ status: 'approved', reviewedBy: actor.userId, reviewedAt: now }).where(eq(te.id, id));
    } else {
      const a = schema.assignments;
      const [assignment] = await tx.select().from(a).where(eq(a.id, entry.assignmentId)).for('update');
      if (!assignment) throw new Error('assignment vanished');
      // While the assignment is open the amount goes back to its reservation, so the specialist can
      // still log the estimated minutes. Same year: pending becomes reserved again. Across years:
      // the entry's year is freed and the reservation's year re-reserved, if it still has room.
      let restore = assignment.closedAt === null && assignment.status === 'accepted';
      if (restore && assignment.budgetYear === entry.budgetYear) {
        await pendingRejected(tx, entry.budgetYear, entry.amountCents, true);
      } else {
        await pendingRejected(tx, entry.budgetYear, entry.amountCents, false);
        if (restore) restore = await tryReserve(tx, assignment.budgetYear, entry.amountCents);
      }
      await tx
        .update(a)
        .set({
          loggedMinutes: sql`${a.loggedMinutes} - ${entry.minutes}`,
          ...(restore ? { reservedCents: sql`${a.reservedCents} + ${entry.amountCents}` } : {}),
        })
        .where(eq(a.id, entry.assignmentId));
      await tx
        .update(te)
        .set({ status: 'rejected', rejectReason: body.reason ?? null, reviewedBy: actor.userId, reviewedAt: now })
        .where(eq(te.id, id));
      await enqueueNotification(tx, ctx, {
        event: 'time-entry-rejected',
        reference: entry.requestReference,
        linkPath: `/assignments/${entry.assignmentId}`,
        recipients: { userIds: [entry.specialistUserId] },
      });
    }
    await audit(ctx, tx, {
      action: body.status === 'approved' ? 'approve' : 'reject',
      objectType: 'time-entry',
      objectId: id,
      result: 'success',
      details: { amountCents: entry.amountCents },
    });
  });
  const entry = await findEntry(ctx.db, id, entriesVisibleTo(actor));
  if (!entry) throw new Error('entry vanished');
  return toTimeEntry(entry);
}
