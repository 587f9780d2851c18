import { randomUUID } from 'node:crypto';
import { isUniqueViolation, schema, type Transaction } from '@duidingspool/db';
import {
  amsterdamDate,
  type BulkReviewBody,
  type CreateCorrectionBody,
  entryCostCents,
  firstWorkDate,
  type LogTimeBody,
  REQUEST_TYPE_RULES,
  type ReviewTimeEntryBody,
  type TimeEntry,
  type TimeEntryListQuery,
  workDateProblem,
  yearOf,
} from '@duidingspool/shared';
import { and, eq, inArray, isNotNull, ne, or, sql } from 'drizzle-orm';
import { AppError, forbidden, invalidField, invalidTransition, notFound } from '../../errors.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { assertNoPersonalData } from '../../lib/personal-data-guard.ts';
import { assertNotOwnWork, ownWorkRefused } from '../../lib/separation-of-duties.ts';
import { assertConsumed, assignmentsVisibleTo, consumeReservation, findAssignment, giveBackToReservation, takesHours } from '../assignments/index.ts';
import { audit } from '../audit/index.ts';
import { pendingToSpentWith } from '../budgets/index.ts';
import { enqueueForRoles, enqueueNotification } from '../notifications/index.ts';
import { addDayMinutes, assertPeriodOpen, dayLimitExceeded, lockPeriodShared, throwIfClosed } from '../periods/index.ts';
import { findSpecialistOfUser } from '../specialists/index.ts';
import {
  entriesVisibleTo,
  findEntry,
  isOwnCorrection,
  isWithdrawable,
  listEntries,
  type NewEntry,
  readForLogging,
  type TimeEntryRecord,
  toTimeEntry,
  writeEntry,
} from './time-entries.repository.ts';

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
 * The assigned specialist logs hours on an accepted assignment (docs/design.md §5): priced at the rate
 * valid on `workedOn` (stored on the entry), amount = minutes × rate / 60 half-up. The amount must
 * fit in the assignment's remaining reservation and the minutes in its estimate — one guarded
 * UPDATE on the assignment — and then moves from reserved to pending in the budget of `workedOn`'s
 * year. Status `submitted`.
 *
 * @throws AppError 404 `not-found`, 403 `forbidden`, 400 `validation-failed` (date in the future or
 *   before the request was first submitted — `workDateProblem` in shared —, unknown activity), 409 `period-closed`, 409 `invalid-transition`, `no-rate`, `estimate-exceeded` (with
 *   `remainingMinutes`), `budget-exceeded`, `no-budget`; 422 `personal-data-detected`
 */
export async function logTime(ctx: ServiceContext, assignmentId: string, body: LogTimeBody, idempotencyKey?: string): Promise<TimeEntry> {
  const today = amsterdamDate(ctx.now());
  // The cheap half of the date rule before anything is read; the first day needs the assignment.
  if (workDateProblem(body.workedOn, body.workedOn, today) === 'future') throw invalidField('/workedOn', 'uren kunnen niet in de toekomst worden geschreven');
  if (idempotencyKey) {
    const earlier = await findByIdempotencyKey(ctx, assignmentId, body, idempotencyKey);
    if (earlier) return earlier;
  }
  try {
    // The answer is what the transaction wrote, with the names it read: nothing else changes a new entry.
    return toTimeEntry(await insertEntry(ctx, assignmentId, body, idempotencyKey, today), ctx.actor);
  } catch (error) {
    // A double submit that raced the first one past the look-up: the unique index refused it.
    if (idempotencyKey && isUniqueViolation(error, 'time_entries_idempotency')) {
      const earlier = await findByIdempotencyKey(ctx, assignmentId, body, idempotencyKey);
      if (earlier) return earlier;
    }
    throw error;
  }
}

/**
 * The entry this actor already logged with `key`: answered again for a repeated submit (a
 * double submit charges once). The same key with other input is refused.
 * @throws AppError 409 `idempotency-key-reused`
 */
async function findByIdempotencyKey(ctx: ServiceContext, assignmentId: string, body: LogTimeBody, key: string): Promise<TimeEntry | null> {
  const te = schema.timeEntries;
  const [row] = await ctx.db
    .select({ id: te.id })
    .from(te)
    .where(and(eq(te.createdBy, ctx.actor.userId), eq(te.idempotencyKey, key)));
  if (!row) return null;
  const entry = await findEntry(ctx.db, row.id, entriesVisibleTo(ctx.actor));
  if (!entry) return null;
  const same =
    entry.assignmentId === assignmentId &&
    entry.workedOn === body.workedOn &&
    entry.minutes === body.minutes &&
    entry.activity === body.activity &&
    entry.description === body.description;
  if (!same) throw new AppError('idempotency-key-reused', 'Deze Idempotency-Key is al gebruikt voor andere uren.');
  return toTimeEntry(entry, ctx.actor);
}

/**
 * The transaction of `logTime`, in three round trips (decision 135): the month's shared lock and
 * one read of all that the checks need (`readForLogging`) sent together; the checks, in the order
 * and with the problems of docs/design.md §5–§6; then the coordinators' notices, the audit event
 * and the write (`writeEntry`: day, assignment, budget year and line, entry — the budget row last)
 * sent together; then the commit. An entry in another year than the assignment's reservation
 * (`consumeReservation` finds its line and notes thresholds) takes the statements one by one.
 * Returns the entry as written.
 */
async function insertEntry(
  ctx: ServiceContext,
  assignmentId: string,
  body: LogTimeBody,
  idempotencyKey: string | undefined,
  today: string,
): Promise<TimeEntryRecord> {
  const { actor } = ctx;
  return ctx.db.transaction(async (tx) => {
    const [, assignment] = await Promise.all([
      lockPeriodShared(tx, body.workedOn),
      readForLogging(tx, actor, assignmentId, { activity: body.activity, workedOn: body.workedOn }),
    ]);
    if (!assignment) throw notFound('Deze inzet');
    if (assignment.specialistId !== actor.specialistId) throw forbidden('Alleen de toegewezen specialist kan uren schrijven op deze inzet.');
    if (!takesHours(assignment)) {
      throw invalidTransition('Uren kunnen alleen worden geschreven op een aangenomen inzet bij een lopend verzoek.');
    }
    // Work is dated on the day it was done, from the request's first submission on (docs/design.md §5).
    const hoursFrom = firstWorkDate(assignment.requestSubmittedAt ?? assignment.proposedAt);
    if (workDateProblem(body.workedOn, hoursFrom, today) === 'before-request')
      throw invalidField('/workedOn', `ligt vóór de indiening van het verzoek (${hoursFrom})`);
    if (assignment.activityRetired === null) throw invalidField('/activity', `onbekende activiteit ${body.activity}`);
    // Each request type has its own activity codes (REQUEST_TYPE_RULES, decision 095).
    if (!REQUEST_TYPE_RULES[assignment.requestType].activities.includes(body.activity))
      throw invalidField('/activity', `de activiteit ${body.activity} hoort niet bij dit soort verzoek`);
    if (assignment.activityRetired)
      throw new AppError('retired', `De activiteit ${body.activity} is opgeheven.`, {
        errors: [{ in: 'body', pointer: '/activity', message: 'deze activiteit is opgeheven', code: 'retired' }],
      });
    throwIfClosed(body.workedOn, assignment.periodClosed);
    // The costly check of the body last, after existence, permission and state (docs/design.md §6).
    assertNoPersonalData({ description: body.description });
    const { rateCents } = assignment;
    if (rateCents === null) throw new AppError('no-rate', `Er is geen tarief dat geldt op ${body.workedOn}.`);
    const amountCents = entryCostCents(body.minutes, rateCents);
    const entryYear = yearOf(body.workedOn);
    const createdAt = ctx.now();
    // The entry's id is made here so the audit event can name it before the entry exists.
    const id = randomUUID();
    const charged = { id: assignmentId, budgetYear: assignment.budgetYear, budgetLineId: assignment.budgetLineId };
    // What touches no shared row comes first: the budget row, which every write of the year
    // locks, is taken last and held only for its line and the entry (decision 135).
    // The coordinators' inbox shows hours to approve; mail only for those who chose it (decision 121).
    const notices = enqueueForRoles(tx, ctx, {
      event: 'time-entry-submitted',
      reference: assignment.requestReference,
      linkPath: '/hours',
      roles: ['coordinator'],
    });
    const event = audit(ctx, tx, {
      action: 'log-time',
      objectType: 'time-entry',
      objectId: id,
      result: 'success',
      details: { assignmentId, minutes: body.minutes, amountCents },
    });
    const entry: NewEntry = {
      id,
      assignmentId,
      specialistId: assignment.specialistId,
      workedOn: body.workedOn,
      minutes: body.minutes,
      activity: body.activity,
      description: body.description,
      rateCents,
      amountCents,
      budgetYear: entryYear,
      budgetLineId: assignment.budgetLineId,
      createdBy: actor.userId,
      createdAt,
      idempotencyKey: idempotencyKey ?? null,
    };
    if (entryYear === assignment.budgetYear) {
      // The three sent together, one round trip; the first failure (in the order sent) is the one to answer.
      const [, , written] = await settledInOrder([notices, event, writeEntry(tx, entry)] as const);
      if (!written.day || body.minutes > 1440) throw await dayLimitExceeded(tx, assignment.specialistId, body.workedOn);
      await assertConsumed(tx, charged, amountCents, written);
    } else {
      await Promise.all([notices, event]);
      await addDayMinutes(tx, assignment.specialistId, body.workedOn, body.minutes);
      const entryLine = await consumeReservation(ctx, tx, charged, entryYear, amountCents, body.minutes);
      entry.budgetLineId = entryLine.lineId;
      await tx.insert(schema.timeEntries).values({ ...entry, status: 'submitted' });
    }
    // The entry as written, with the names read for it and the fields a new entry has empty.
    const { createdBy, idempotencyKey: _key, ...written } = entry;
    return {
      ...written,
      requestId: assignment.requestId,
      requestReference: assignment.requestReference,
      specialistName: assignment.specialistName,
      specialistUserId: assignment.specialistUserId,
      status: 'submitted',
      rejectReason: null,
      reviewedAt: null,
      reviewerName: null,
      createdAt: createdAt.toISOString(),
      correctsEntryId: null,
      bookedBy: createdBy,
    };
  });
}

/**
 * Awaits statements sent together on one transaction and answers their results; when any failed,
 * throws the failure of the first in `promises`' order (those after it fail only because the
 * transaction is aborted).
 */
async function settledInOrder<T extends readonly unknown[]>(promises: T): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const settled = await Promise.allSettled(promises);
  for (const result of settled) if (result.status === 'rejected') throw result.reason;
  return settled.map((result) => (result as PromiseFulfilledResult<unknown>).value) as { -readonly [K in keyof T]: Awaited<T[K]> };
}

/**
 * The coordinator approves or rejects one submitted entry (docs/design.md §5). Approved
 * entries are never changed again; a mistake is fixed with a correction (`correctTimeEntry`).
 * Nobody reviews their own entries (separation of duties, docs/design.md §2).
 *
 * @throws AppError 404 `not-found`, 403 `separation-of-duties`, 409 `invalid-transition` (not
 *   `submitted`), `period-closed`, 422 `personal-data-detected` (reason)
 */
export async function reviewTimeEntry(ctx: ServiceContext, id: string, body: ReviewTimeEntryBody): Promise<TimeEntry> {
  const reviewed = await ctx.db.transaction(async (tx) => {
    const entry = await lockReviewable(ctx, tx, id);
    // The costly check of the body last, after existence, permission and state (docs/design.md §6).
    assertNoPersonalData({ reason: body.reason });
    return applyReview(ctx, tx, entry, body.status, body.reason);
  });
  // The answer is the row read under the lock with what the review wrote: nothing else changes it.
  return toTimeEntry(reviewed, ctx.actor);
}

/**
 * Approves or rejects up to 100 submitted entries in one transaction: all or nothing.
 * Entries are locked in id order so two bulk reviews cannot deadlock. A selection that holds any
 * of the actor's own entries, or a correction the actor booked, is refused as a whole, naming each of them (`/entryIds/{i}`), before
 * anything changes (separation of duties, docs/design.md §2).
 * @returns how many were reviewed and the sum of their amounts in cents
 * @throws AppError 403 `separation-of-duties`; otherwise as `reviewTimeEntry`, for the first entry
 *   that cannot be reviewed
 */
export async function reviewTimeEntries(ctx: ServiceContext, body: BulkReviewBody): Promise<{ reviewed: number; amountCents: number }> {
  const ids = [...body.entryIds].sort();
  let amountCents = 0;
  await ctx.db.transaction(async (tx) => {
    const te = schema.timeEntries;
    // The reviewer's own profile, active or not: separation of duties holds for past work too.
    // Corrections the reviewer booked are theirs as well (four eyes on corrections).
    const profile = await findSpecialistOfUser(tx, ctx.actor.userId);
    const ownCorrection = and(isNotNull(te.correctsEntryId), eq(te.createdBy, ctx.actor.userId));
    const own = await tx
      .select({ id: te.id })
      .from(te)
      .where(and(inArray(te.id, ids), profile ? or(eq(te.specialistId, profile.id), ownCorrection) : ownCorrection));
    if (own.length > 0) {
      const ownIds = new Set(own.map((o) => o.id));
      throw ownWorkRefused(
        'uren goedkeuren of afkeuren',
        body.entryIds.flatMap((id, i) =>
          ownIds.has(id) ? [{ in: 'body' as const, pointer: `/entryIds/${i}`, message: 'uw eigen urenregel of correctie', code: 'own-entry' }] : [],
        ),
      );
    }
    const entries = [];
    for (const id of ids) entries.push(await lockReviewable(ctx, tx, id));
    // The costly check of the body last, after existence, permission and state of every entry (docs/design.md §6).
    assertNoPersonalData({ reason: body.reason });
    for (const entry of entries) amountCents += (await applyReview(ctx, tx, entry, body.status, body.reason)).amountCents;
  });
  return { reviewed: ids.length, amountCents };
}

/**
 * Withdraws an entry that waits for a decision (docs/design.md §5), by the one whose it is:
 * - hours, by the specialist who logged them: the amount leaves pending and goes back to the
 *   assignment's reservation while the assignment is open (as a rejection does), the minutes leave
 *   the day's total, and the row is removed — it was never charged; to change hours, withdraw and
 *   log them again;
 * - a correction, by the coordinator who booked it: it moved no money while waiting, so it is
 *   only removed (decision 096).
 * The audit log keeps what it was.
 *
 * @throws AppError 404 `not-found` (not visible), 403 `forbidden` (someone else's entry or
 *   correction), 409 `invalid-transition` (already decided), `period-closed`
 */
export async function withdrawTimeEntry(ctx: ServiceContext, id: string): Promise<void> {
  const { actor } = ctx;
  await ctx.db.transaction(async (tx) => {
    const entry = await findEntry(tx, id, entriesVisibleTo(actor), true);
    if (!entry) throw notFound('Deze urenregel');
    const isCorrection = entry.correctsEntryId !== null;
    if (isCorrection ? entry.bookedBy !== actor.userId : entry.specialistUserId !== actor.userId) {
      throw forbidden(isCorrection ? 'Alleen wie de correctie boekte, kan haar intrekken.' : 'Alleen wie de uren schreef, kan ze intrekken.');
    }
    if (!isWithdrawable(actor, entry)) throw invalidTransition(`Deze urenregel is al ${entry.status === 'approved' ? 'goedgekeurd' : 'afgekeurd'}.`);
    await assertPeriodOpen(tx, entry.workedOn);
    if (!isCorrection) {
      await giveBackToReservation(ctx, tx, {
        assignmentId: entry.assignmentId,
        budgetYear: entry.budgetYear,
        budgetLineId: entry.budgetLineId,
        cents: entry.amountCents,
        minutes: entry.minutes,
        isCorrection: false,
      });
      await addDayMinutes(tx, entry.specialistId, entry.workedOn, -entry.minutes);
    }
    // The ledger's running totals follow status changes (trigger `time_entries_ledger_totals`):
    // marking the row rejected first takes it out of them exactly as a rejection does; then it goes.
    await tx.update(schema.timeEntries).set({ status: 'rejected' }).where(eq(schema.timeEntries.id, id));
    await tx.delete(schema.timeEntries).where(eq(schema.timeEntries.id, id));
    await audit(ctx, tx, {
      action: 'withdraw-time',
      objectType: 'time-entry',
      objectId: id,
      result: 'success',
      details: {
        assignmentId: entry.assignmentId,
        workedOn: entry.workedOn,
        minutes: entry.minutes,
        amountCents: entry.amountCents,
        ...(isCorrection ? { correctsEntryId: entry.correctsEntryId } : {}),
      },
    });
  });
}

/**
 * Locks a time entry for review inside `tx` and checks that it can be reviewed, not by its own
 * specialist and, for a correction, not by the coordinator who booked it (separation of duties).
 * @throws AppError 404 `not-found`, 403 `separation-of-duties`, 409 `invalid-transition` (not `submitted`), `period-closed`
 */
async function lockReviewable(ctx: ServiceContext, tx: Transaction, id: string) {
  const entry = await findEntry(tx, id, entriesVisibleTo(ctx.actor), true);
  if (!entry) throw notFound('Deze urenregel');
  assertNotOwnWork(ctx.actor, entry.specialistUserId, 'uren goedkeuren of afkeuren');
  if (isOwnCorrection(ctx.actor, entry)) throw ownWorkRefused('een correctie die u zelf boekte goedkeuren of afkeuren');
  if (entry.status !== 'submitted') throw invalidTransition(`Deze urenregel is al ${entry.status === 'approved' ? 'goedgekeurd' : 'afgekeurd'}.`);
  await assertPeriodOpen(tx, entry.workedOn);
  return entry;
}

/**
 * One review inside `tx`, of an entry locked by `lockReviewable`. Normal entry: approve moves pending to spent; reject releases pending
 * (back to the assignment's reservation while it is open, docs/design.md §5). Correction: approve
 * lowers spent by its amount (back to the open assignment's reservation, like a rejection, else
 * to available); reject changes no money. Returns the entry as the review left it (the reviewer is
 * the actor, named as the session read them).
 */
async function applyReview(
  ctx: ServiceContext,
  tx: Transaction,
  entry: TimeEntryRecord,
  status: ReviewTimeEntryBody['status'],
  reason: string | undefined,
): Promise<TimeEntryRecord> {
  const { actor } = ctx;
  const id = entry.id;
  const now = ctx.now();
  const te = schema.timeEntries;
  const isCorrection = entry.correctsEntryId !== null;
  const rejectReason = status === 'rejected' ? (reason ?? null) : entry.rejectReason;
  const reviewed: TimeEntryRecord = { ...entry, status, rejectReason, reviewedAt: now.toISOString(), reviewerName: actor.displayName };
  // The audit event and a rejection's notice first: they lock no shared row, so the budget row
  // below is held for the money and the entry only (decision 135).
  const event = audit(ctx, tx, {
    action: status === 'approved' ? 'approve' : 'reject',
    objectType: 'time-entry',
    objectId: id,
    result: 'success',
    details: { amountCents: entry.amountCents, ...(isCorrection ? { correctsEntryId: entry.correctsEntryId } : {}) },
  });
  if (status === 'approved' && !isCorrection) {
    // The money and the entry's status in one statement, sent with the audit event in one round
    // trip (the connection runs them in turn): the budget row is held for it and the commit only.
    await Promise.all([
      event,
      pendingToSpentWith(tx, { year: entry.budgetYear, lineId: entry.budgetLineId }, entry.amountCents, (moved) =>
        tx
          .update(te)
          .set({ status: 'approved', reviewedBy: actor.userId, reviewedAt: now })
          .where(and(eq(te.id, id), moved))
          .returning({ id: te.id })
          .getSQL(),
      ),
    ]);
    return reviewed;
  }
  await event;
  if (status === 'rejected') {
    await enqueueNotification(tx, ctx, {
      event: 'time-entry-rejected',
      reference: entry.requestReference,
      linkPath: `/assignments/${entry.assignmentId}`,
      recipients: { userIds: [entry.specialistUserId] },
    });
  }
  // Money that goes back to the assignment: a rejected entry's amount, an approved correction's.
  const giveBack = (status === 'rejected' && !isCorrection) || (status === 'approved' && isCorrection);
  if (giveBack) {
    const minutes = Math.abs(entry.minutes);
    await giveBackToReservation(ctx, tx, {
      assignmentId: entry.assignmentId,
      budgetYear: entry.budgetYear,
      budgetLineId: entry.budgetLineId,
      cents: Math.abs(entry.amountCents),
      minutes,
      isCorrection,
    });
    await addDayMinutes(tx, entry.specialistId, entry.workedOn, -minutes);
  }
  const decided = { reviewedBy: actor.userId, reviewedAt: now };
  await tx
    .update(te)
    .set(status === 'approved' ? { status, ...decided } : { status, rejectReason, ...decided })
    .where(eq(te.id, id));
  return reviewed;
}

/**
 * The coordinator corrects an approved entry with a correcting entry: negative
 * minutes linked to the original, at the original's date and rate, with a reason; it waits for
 * approval like any entry and only then lowers spent. Corrections of one original never add up to
 * more than it (in minutes and in cents): the last one takes exactly what is left, so per-entry
 * rounding can never correct a cent too much. Nobody corrects their own entries (separation of
 * duties, docs/design.md §2).
 *
 * @throws AppError 404 `not-found`, 403 `separation-of-duties`, 409 `invalid-transition` (original
 *   not approved, or itself a correction), `correction-too-large`, `period-closed`; 422
 *   `personal-data-detected`
 */
export async function correctTimeEntry(ctx: ServiceContext, originalId: string, body: CreateCorrectionBody): Promise<TimeEntry> {
  const { actor } = ctx;
  const id = await ctx.db.transaction(async (tx) => {
    const original = await findEntry(tx, originalId, entriesVisibleTo(actor), true);
    if (!original) throw notFound('Deze urenregel');
    assertNotOwnWork(actor, original.specialistUserId, 'uren corrigeren');
    if (original.correctsEntryId !== null) throw invalidTransition('Een correctie wordt niet zelf gecorrigeerd; corrigeer het origineel.');
    if (original.status !== 'approved') throw invalidTransition('Alleen een goedgekeurde urenregel wordt gecorrigeerd; een ingediende kan worden afgekeurd.');
    await assertPeriodOpen(tx, original.workedOn);
    // The costly check of the body last, after existence, permission and state (docs/design.md §6).
    assertNoPersonalData({ reason: body.reason });
    const te = schema.timeEntries;
    const [done] = await tx
      .select({ minutes: sql<number>`coalesce(sum(-${te.minutes}), 0)::int`, cents: sql<string>`coalesce(sum(-${te.amountCents}), 0)::bigint` })
      .from(te)
      .where(and(eq(te.correctsEntryId, originalId), ne(te.status, 'rejected')));
    const correctedMinutes = done?.minutes ?? 0;
    const correctedCents = Number(done?.cents ?? 0);
    const minutes = -body.minutes;
    const leftMinutes = original.minutes - correctedMinutes;
    const leftCents = original.amountCents - correctedCents;
    if (minutes > leftMinutes) {
      throw new AppError('correction-too-large', `Er is nog ${leftMinutes} minuten van deze urenregel te corrigeren, niet ${minutes}.`, {
        remainingMinutes: leftMinutes,
      });
    }
    const cents = minutes === leftMinutes ? leftCents : Math.min(entryCostCents(minutes, original.rateCents), leftCents);
    const [row] = await tx
      .insert(te)
      .values({
        assignmentId: original.assignmentId,
        specialistId: original.specialistId,
        workedOn: original.workedOn,
        minutes: -minutes,
        activity: original.activity,
        description: body.reason,
        rateCents: original.rateCents,
        amountCents: -cents,
        budgetYear: original.budgetYear,
        budgetLineId: original.budgetLineId,
        status: 'submitted',
        createdBy: actor.userId,
        correctsEntryId: originalId,
        correctionReason: body.reason,
      })
      .returning({ id: te.id });
    if (!row) throw new Error('insert returned no row');
    await audit(ctx, tx, {
      action: 'correct',
      objectType: 'time-entry',
      objectId: row.id,
      result: 'success',
      details: { correctsEntryId: originalId, minutes: -minutes, amountCents: -cents },
    });
    return row.id;
  });
  const entry = await findEntry(ctx.db, id, entriesVisibleTo(actor));
  if (!entry) throw new Error('entry vanished');
  return toTimeEntry(entry, actor);
}
