import { schema, type Transaction } from '@duidingspool/db';
import {
  type Assignment,
  type AssignmentListQuery,
  amsterdamDate,
  assignabilityDate,
  type CreateAssignmentBody,
  conflictsWith,
  type EndAssignmentBody,
  findTransition,
  type PatchAssignmentBody,
  REQUEST_STATUS_LABELS_NL,
  yearOf,
} from '@duidingspool/shared';
import { eq, inArray, sql } from 'drizzle-orm';
import { AppError, forbidden, invalidField, invalidTransition, notFound } from '../../errors.ts';
import { hasRole, type ServiceContext } from '../../lib/context.ts';
import { assertNoPersonalData } from '../../lib/personal-data-guard.ts';
import { assertNotOwnWork } from '../../lib/separation-of-duties.ts';
import { audit } from '../audit/index.ts';
import { chargeableLine } from '../budgets/index.ts';
import { findVisibleRequest, recordTransition } from '../interpretation-requests/index.ts';
import { topSuggestion } from '../matching/index.ts';
import { enqueueNotification } from '../notifications/index.ts';
import { conflictTargetsOf, findSpecialist, NOT_ASSIGNABLE_DETAIL, notAssignableOn, recordConflictFromDecline } from '../specialists/index.ts';
import {
  type AssignmentRecord,
  assignmentsVisibleTo,
  findAssignment,
  isLive,
  listAssignments,
  listLiveForSpecialist,
  rateOn,
  toAssignment,
} from './assignments.repository.ts';
import { closeAssignment } from './close-assignment.ts';
import { changeReservation, reserveForAssignment } from './reservation.ts';

/**
 * The requesting party of a request: its municipality, casustafel and the casustafel's Zorg- en
 * Veiligheidshuis; without a casustafel (a municipality asking, decision 095) the municipality's house.
 */
async function requestingParty(tx: Transaction, request: { municipalityId: string; caseTableId: string | null }) {
  const [row] =
    request.caseTableId !== null
      ? await tx.select({ safetyHouseId: schema.caseTables.safetyHouseId }).from(schema.caseTables).where(eq(schema.caseTables.id, request.caseTableId))
      : await tx
          .select({ safetyHouseId: schema.municipalities.safetyHouseId })
          .from(schema.municipalities)
          .where(eq(schema.municipalities.id, request.municipalityId));
  if (!row) throw new Error(`requesting party of ${request.caseTableId ?? request.municipalityId} missing`);
  return { municipalityId: request.municipalityId, caseTableId: request.caseTableId, safetyHouseId: row.safetyHouseId };
}

/** A page of the assignments the actor may see (coordinator: all; specialist: own). */
export function listAssignmentsFor(ctx: ServiceContext, q: AssignmentListQuery) {
  return listAssignments(ctx.db, ctx.actor, q);
}

/** One assignment the actor may see. @throws AppError 404 `not-found` */
export async function getAssignment(ctx: ServiceContext, id: string): Promise<Assignment> {
  const record = await findAssignment(ctx.db, id, assignmentsVisibleTo(ctx.actor));
  if (!record) throw notFound('Deze inzet');
  return toAssignment(record, ctx.actor);
}

/**
 * The coordinator proposes a specialist for a submitted request with an estimate in minutes. The
 * estimate's cost at the rate valid today (Europe/Amsterdam) is reserved on this year's budget with
 * a guarded UPDATE (docs/design.md §5), on the budget line `budgetLineId` of this year or else its default line (decision 094); the request moves to `assigned` and the specialist is notified.
 * Only a specialist active in the pool can be assigned, and never the coordinator themselves
 * (separation of duties, docs/design.md §2); nor one without a valid screening or absent on the
 * request's meeting date (today when it has none or it has passed), or without a rate today
 * (`notAssignableReasons`, shared; decision 082), nor one who declared a conflict of interest with
 * the requesting municipality, casustafel or its Zorg- en Veiligheidshuis (decision 100). Choosing
 * another than the top suggestion records the suggestion passed over and `overrideReason` in the
 * audit event.
 *
 * @throws AppError 404 `not-found`, 400 `validation-failed` (unknown specialist or budget line), 409 `conflict` (a line of another year), 403
 *   `separation-of-duties`, 409 `specialist-inactive`, `invalid-transition` (request not submitted),
 *   `screening-expired`, `specialist-absent`, `no-rate`, `conflict-of-interest`, `no-budget`, `budget-exceeded` (with `availableCents`)
 */
export async function assignSpecialist(ctx: ServiceContext, requestId: string, body: CreateAssignmentBody): Promise<Assignment> {
  const id = await ctx.db.transaction((tx) => proposeSpecialist(ctx, tx, requestId, body));
  return getAssignment(ctx, id);
}

/**
 * What `assignSpecialist` writes, inside `tx`, with the same checks in the same order: the write
 * half without the read of the whole assignment it answers with (the demo year uses only the id).
 * @returns the new assignment's id
 * @throws the problems of `assignSpecialist`
 */
export async function proposeSpecialist(ctx: ServiceContext, tx: Transaction, requestId: string, body: CreateAssignmentBody): Promise<string> {
  const today = amsterdamDate(ctx.now());
  const year = yearOf(today);
  const request = await findVisibleRequest(tx, ctx.actor, requestId, true);
  if (!request) throw notFound('Dit duidingsverzoek');
  if (!findTransition(request.status, 'assigned', ['coordinator'], 'assign')) {
    throw invalidTransition(`Alleen een ingediend verzoek kan worden toegewezen (nu: ${REQUEST_STATUS_LABELS_NL[request.status]}).`);
  }
  const specialist = await findSpecialist(tx, body.specialistId);
  if (!specialist) throw invalidField('/specialistId', 'onbekende specialist');
  assertNotOwnWork(ctx.actor, specialist.userId, 'uzelf toewijzen');
  if (!specialist.active) {
    throw new AppError('specialist-inactive', 'Deze specialist is niet (meer) actief in de pool en kan niet worden toegewezen.', {
      errors: [{ in: 'body', pointer: '/specialistId', message: 'niet (meer) actief', code: 'specialist-inactive' }],
    });
  }
  // Screening valid and present on the meeting date (or today), a rate today, no declared
  // conflict of interest with the requesting party: the one rule in shared.
  const on = assignabilityDate(request.meetingDate, today);
  // A draft is never assigned (the lifecycle refuses it before this); a submitted request has its municipality.
  if (request.municipalityId === null) throw invalidTransition('Een concept kan geen specialist krijgen: dien het eerst in.');
  const party = await requestingParty(tx, { ...request, municipalityId: request.municipalityId });
  const [reason] = await notAssignableOn(tx, specialist.id, on, today, party);
  if (reason) {
    throw new AppError(reason, NOT_ASSIGNABLE_DETAIL[reason](reason === 'no-rate' ? today : on), {
      errors: [{ in: 'body', pointer: '/specialistId', message: reason }],
    });
  }
  // Another than the top suggestion: the suggestion passed over and the reason the coordinator
  // gave go to the audit log (decision 100). The UI asks for the reason; the API does not require
  // it, so that the fixed assignment row of docs/design.md §7 keeps its body.
  const top = await topSuggestion(tx, ctx.actor, request, ctx.now());
  const override =
    top !== null && top.specialistId !== specialist.id ? { suggestedSpecialistId: top.specialistId, overrideReason: body.overrideReason?.trim() || null } : {};
  assertNoPersonalData({ reason: body.overrideReason });
  const rateCents = await rateOn(tx, specialist.id, today);
  if (rateCents === null) throw new AppError('no-rate', NOT_ASSIGNABLE_DETAIL['no-rate'](today));
  const line = await chargeableLine(tx, year, body.budgetLineId);
  const reservedCents = await reserveForAssignment(ctx, tx, line, body.estimatedMinutes, rateCents);
  const [row] = await tx
    .insert(schema.assignments)
    .values({
      requestId,
      specialistId: specialist.id,
      status: 'proposed',
      estimatedMinutes: body.estimatedMinutes,
      rateCents,
      reservedCents,
      budgetYear: year,
      budgetLineId: line.lineId,
      proposedBy: ctx.actor.userId,
      proposedAt: ctx.now(),
    })
    .returning({ id: schema.assignments.id });
  if (!row) throw new Error('insert returned no row');
  await recordTransition(tx, {
    workingHours: ctx.workingHours,
    requestId,
    from: request.status,
    to: 'assigned',
    actorId: ctx.actor.userId,
    actorRole: 'coordinator',
    at: ctx.now(),
  });
  await audit(ctx, tx, {
    action: 'assign',
    objectType: 'assignment',
    objectId: row.id,
    result: 'success',
    details: { requestId, estimatedMinutes: body.estimatedMinutes, reservedCents, budgetLineId: line.lineId, ...override },
  });
  await enqueueNotification(tx, ctx, {
    event: 'assignment-proposed',
    reference: request.reference,
    linkPath: `/assignments/${row.id}`,
    recipients: { userIds: [specialist.userId] },
  });
  return row.id;
}

/**
 * Stamps the no-conflict confirmation on `assignment` inside `tx` and audits it as
 * `confirm-no-conflict` (decision 103) — unless the specialist has declared a conflict of interest
 * with the requesting party since they were proposed: a confirmation cannot contradict a
 * declaration, so the proposal is to be declined.
 * @throws AppError 409 `conflict-of-interest`
 */
async function recordNoConflict(ctx: ServiceContext, tx: Transaction, assignment: AssignmentRecord, via: 'confirmation' | 'accept'): Promise<void> {
  if (assignment.municipalityId !== null) {
    const party = await requestingParty(tx, { municipalityId: assignment.municipalityId, caseTableId: assignment.caseTableId });
    if (conflictsWith(await conflictTargetsOf(tx, assignment.specialistId), party).length > 0) {
      throw new AppError(
        'conflict-of-interest',
        'U hebt belangenverstrengeling gemeld met de gemeente, casustafel of het Zorg- en Veiligheidshuis van dit verzoek: wijs dit voorstel af.',
      );
    }
  }
  await tx.update(schema.assignments).set({ noConflictConfirmedAt: ctx.now() }).where(eq(schema.assignments.id, assignment.id));
  await audit(ctx, tx, {
    action: 'confirm-no-conflict',
    objectType: 'assignment',
    objectId: assignment.id,
    result: 'success',
    details: { requestId: assignment.requestId, via },
  });
}

/**
 * The proposed specialist confirms they have no conflict of interest with the requesting
 * municipality, casustafel or its Zorg- en Veiligheidshuis (decision 103): from now on the request's
 * question and context are shown to them, and they may accept. Audited as `confirm-no-conflict`;
 * confirming twice changes nothing (and is not audited again).
 *
 * @throws AppError 404 `not-found`, 403 `forbidden` (not their proposal), 409 `invalid-transition`
 *   (not an open proposal), `conflict-of-interest` (they declared one with the requesting party)
 */
export async function confirmNoConflict(ctx: ServiceContext, id: string): Promise<Assignment> {
  const { actor } = ctx;
  await ctx.db.transaction(async (tx) => {
    const assignment = await findAssignment(tx, id, assignmentsVisibleTo(actor), true);
    if (!assignment) throw notFound('Deze inzet');
    if (assignment.specialistId !== actor.specialistId) throw forbidden('Alleen de voorgestelde specialist bevestigt dat er geen belangenverstrengeling is.');
    if (assignment.status !== 'proposed' || assignment.closedAt !== null) {
      throw invalidTransition('Alleen bij een open voorstel wordt bevestigd dat er geen belangenverstrengeling is.');
    }
    if (assignment.noConflictConfirmedAt === null) await recordNoConflict(ctx, tx, assignment, 'confirmation');
  });
  return getAssignment(ctx, id);
}

/**
 * Changes an assignment: the assigned specialist accepts or declines a proposal (declining releases
 * the reservation and returns the request to `submitted`; declining with `conflictOfInterest`
 * records that conflict for the requesting municipality or casustafel; accepting also confirms no
 * conflict of interest, decision 103), or the coordinator changes the estimate
 * (a raise must fit in the budget; never below the minutes already logged; never on their own
 * assignment). docs/design.md §4, §5.
 *
 * @throws AppError 404 `not-found`, 403 `forbidden`, `separation-of-duties`, 400 `validation-failed`,
 *   409 `invalid-transition`, `budget-exceeded`, `conflict-of-interest` (accepting after declaring
 *   one with the requesting party), 422 `personal-data-detected`
 */
export async function updateAssignment(ctx: ServiceContext, id: string, body: PatchAssignmentBody): Promise<Assignment> {
  await ctx.db.transaction((tx) => applyAssignmentUpdate(ctx, tx, id, body));
  return getAssignment(ctx, id);
}

/**
 * What `updateAssignment` writes, inside `tx`, with the same checks in the same order: the write
 * half without the read of the whole assignment it answers with (the demo year does not use it).
 * @throws the problems of `updateAssignment`
 */
export async function applyAssignmentUpdate(ctx: ServiceContext, tx: Transaction, id: string, body: PatchAssignmentBody): Promise<void> {
  const { actor } = ctx;
  const assignment = await findAssignment(tx, id, assignmentsVisibleTo(actor), true);
  if (!assignment) throw notFound('Deze inzet');
  if (body.status !== undefined) {
    if (assignment.specialistId !== actor.specialistId) throw forbidden('Alleen de voorgestelde specialist kan deze inzet aannemen of afwijzen.');
    if (assignment.status !== 'proposed' || assignment.closedAt !== null) {
      throw invalidTransition(`Deze inzet is al ${assignment.status === 'accepted' ? 'aangenomen' : 'afgesloten'}.`);
    }
    const requestTo = body.status === 'accepted' ? 'in-progress' : 'submitted';
    const trigger = body.status === 'accepted' ? 'assignment-accepted' : 'assignment-declined';
    const requestStatus = assignment.requestStatus;
    if (!findTransition(requestStatus, requestTo, ['specialist'], trigger)) {
      throw invalidTransition(
        `Het verzoek is ${REQUEST_STATUS_LABELS_NL[requestStatus] ?? assignment.requestStatus}; deze inzet kan niet meer worden beantwoord.`,
      );
    }
    // The costly check of the body last, after existence, permission and state (docs/design.md §6).
    assertNoPersonalData({ reason: body.reason });
    if (body.conflictOfInterest !== undefined && body.status !== 'declined') {
      throw invalidField('/conflictOfInterest', 'alleen bij afwijzen');
    }
    const now = ctx.now();
    if (body.status === 'accepted') {
      // Accepting confirms no conflict of interest too (the fixed contract accepts in one step, decision 103).
      if (assignment.noConflictConfirmedAt === null) await recordNoConflict(ctx, tx, assignment, 'accept');
      await tx.update(schema.assignments).set({ status: 'accepted', respondedAt: now }).where(eq(schema.assignments.id, id));
    } else {
      await closeAssignment(ctx, tx, assignment, 'declined', { reason: body.reason });
      if (body.conflictOfInterest !== undefined) {
        const targetId = body.conflictOfInterest === 'municipality' ? assignment.municipalityId : assignment.caseTableId;
        if (targetId) await recordConflictFromDecline(ctx, tx, actor.specialistId, { kind: body.conflictOfInterest, id: targetId }, id);
      }
    }
    await recordTransition(tx, {
      workingHours: ctx.workingHours,
      requestId: assignment.requestId,
      from: requestStatus,
      to: requestTo,
      actorId: actor.userId,
      actorRole: 'specialist',
      reason: body.reason,
      at: now,
    });
    await audit(ctx, tx, { action: body.status === 'accepted' ? 'accept' : 'decline', objectType: 'assignment', objectId: id, result: 'success' });
    const notice = { reference: assignment.requestReference, linkPath: `/requests/${assignment.requestId}` };
    if (body.status === 'accepted') {
      await enqueueNotification(tx, ctx, {
        ...notice,
        event: 'assignment-accepted',
        recipients: assignment.caseTableId !== null ? { caseTableId: assignment.caseTableId } : { municipalityId: assignment.municipalityId ?? '' },
      });
    } else {
      await enqueueNotification(tx, ctx, { ...notice, event: 'assignment-declined', recipients: { roles: ['coordinator'] } });
    }
    return;
  }
  if (!hasRole(actor, 'coordinator')) throw forbidden('Alleen de coördinator kan de inschatting wijzigen.');
  assertNotOwnWork(actor, assignment.specialistUserId, 'de inschatting van uw eigen inzet wijzigen');
  await changeEstimate(ctx, tx, assignment, body.estimatedMinutes);
}

/**
 * Sets the estimate of a live assignment to `estimatedMinutes` inside `tx` (docs/design.md §5): the
 * reservation follows at the assignment's rate; a raise is reserved with a guarded UPDATE and must
 * fit in the budget; a lowering never goes below the minutes already logged and releases what it
 * frees. Audited; thresholds are noted after a raise.
 *
 * @throws AppError 409 `invalid-transition` (declined or closed), `budget-exceeded`; 400
 *   `validation-failed` (below the logged minutes)
 */
export async function changeEstimate(ctx: ServiceContext, tx: Transaction, assignment: AssignmentRecord, estimatedMinutes: number): Promise<void> {
  if (assignment.status === 'declined' || assignment.closedAt !== null) {
    throw invalidTransition('De inschatting van een afgesloten inzet kan niet meer veranderen.');
  }
  if (estimatedMinutes < assignment.loggedMinutes) {
    throw invalidField('/estimatedMinutes', `lager dan de al geschreven ${assignment.loggedMinutes} minuten`);
  }
  const reservedCentsDelta = await changeReservation(ctx, tx, assignment, estimatedMinutes);
  await audit(ctx, tx, {
    action: 'change-estimate',
    objectType: 'assignment',
    objectId: assignment.id,
    result: 'success',
    details: { from: assignment.estimatedMinutes, to: estimatedMinutes, reservedCentsDelta },
  });
}

/**
 * The coordinator ends a live assignment with a reason (docs/design.md §4, §5) — e.g. of a specialist who
 * left the pool. The unused reservation is released, logged hours stay (submitted ones can still be
 * approved or rejected; a rejection then returns its amount to the budget), open extension requests
 * on it are refused (fixed reason: the assignment ended), and the request goes back to `submitted` so another
 * specialist can be assigned. On the timeline with the reason; audited; the specialist is notified.
 * Only while the request is assigned or in progress (after the advice, closing the request releases
 * the reservation); never on the coordinator's own assignment.
 *
 * @throws AppError 404 `not-found`, 403 `separation-of-duties`, 409 `invalid-transition`,
 *   422 `personal-data-detected` (reason)
 */
export async function endAssignment(ctx: ServiceContext, id: string, body: EndAssignmentBody): Promise<Assignment> {
  const { actor } = ctx;
  const found = await findAssignment(ctx.db, id, assignmentsVisibleTo(actor));
  if (!found) throw notFound('Deze inzet');
  assertNotOwnWork(actor, found.specialistUserId, 'uw eigen inzet beëindigen');
  assertNoPersonalData({ reason: body.reason });
  await ctx.db.transaction(async (tx) => {
    // Lock order as everywhere else: the request first, then its assignment.
    const request = await findVisibleRequest(tx, actor, found.requestId, true);
    if (!request) throw notFound('Deze inzet');
    const assignment = await findAssignment(tx, id, assignmentsVisibleTo(actor), true);
    if (!assignment) throw notFound('Deze inzet');
    if (!isLive(assignment)) throw invalidTransition('Deze inzet is al beëindigd of afgewezen.');
    if (!findTransition(request.status, 'submitted', ['coordinator'], 'assignment-ended')) {
      throw invalidTransition(
        `Een inzet wordt beëindigd zolang het verzoek is toegewezen of in behandeling is (nu: ${REQUEST_STATUS_LABELS_NL[request.status]}); sluit of annuleer anders het verzoek.`,
      );
    }
    const refusedExtensions = await closeAssignment(ctx, tx, assignment, 'assignment-ended', { reason: body.reason });
    await recordTransition(tx, {
      workingHours: ctx.workingHours,
      requestId: request.id,
      from: request.status,
      to: 'submitted',
      actorId: actor.userId,
      actorRole: 'coordinator',
      reason: body.reason,
      at: ctx.now(),
    });
    await audit(ctx, tx, {
      action: 'end-assignment',
      objectType: 'assignment',
      objectId: id,
      result: 'success',
      details: { requestId: request.id, releasedCents: assignment.reservedCents, loggedMinutes: assignment.loggedMinutes, refusedExtensions },
    });
    await enqueueNotification(tx, ctx, {
      event: 'assignment-ended',
      reference: request.reference,
      linkPath: `/assignments/${id}`,
      recipients: { userIds: [assignment.specialistUserId] },
    });
  });
  return getAssignment(ctx, id);
}

/** What `withdrawSpecialistWork` did: proposals withdrawn and accepted assignments flagged. */
export interface WithdrawnWork {
  withdrawnProposals: number;
  flaggedAssignments: number;
}

/**
 * Called inside the transaction that makes specialist `specialistId` inactive in the pool (the user
 * deactivated, or the `specialist` role taken away; docs/design.md §4): every open proposal is withdrawn
 * — its reservation released, the proposal closed and the request back to `submitted` on the
 * timeline (actor: the admin) — and the coordinators are notified; every accepted, live assignment
 * stays as it is (its hours stay loggable by nobody) and is flagged to the coordinators, who can end
 * it (`endAssignment`). Audited per assignment.
 */
export async function withdrawSpecialistWork(ctx: ServiceContext, tx: Transaction, specialistId: string): Promise<WithdrawnWork> {
  const result: WithdrawnWork = { withdrawnProposals: 0, flaggedAssignments: 0 };
  const live = await listLiveForSpecialist(tx, specialistId);
  if (live.length === 0) return result;
  // Lock the requests first, then their assignments (the order every other writer uses).
  const r = schema.interpretationRequests;
  const requestIds = [...new Set(live.map((x) => x.requestId))].sort();
  const requests = await tx.select({ id: r.id, status: r.status }).from(r).where(inArray(r.id, requestIds)).orderBy(r.id).for('update');
  const statusOf = new Map(requests.map((q) => [q.id, q.status]));
  for (const candidate of live) {
    const assignment = await findAssignment(tx, candidate.id, sql`true`, true);
    if (!assignment || !isLive(assignment)) continue;
    const notice = { reference: assignment.requestReference, linkPath: `/requests/${assignment.requestId}` };
    if (assignment.status === 'accepted') {
      result.flaggedAssignments++;
      await audit(ctx, tx, {
        action: 'flag-assignment',
        objectType: 'assignment',
        objectId: assignment.id,
        result: 'success',
        details: { reason: 'specialist-inactive' },
      });
      await enqueueNotification(tx, ctx, { ...notice, event: 'assignment-specialist-inactive', recipients: { roles: ['coordinator'] } });
      continue;
    }
    const from = statusOf.get(assignment.requestId);
    if (!from || !findTransition(from, 'submitted', ['admin'], 'specialist-deactivated')) continue;
    await closeAssignment(ctx, tx, assignment, 'proposal-withdrawn');
    await recordTransition(tx, {
      workingHours: ctx.workingHours,
      requestId: assignment.requestId,
      from,
      to: 'submitted',
      actorId: ctx.actor.userId,
      actorRole: 'admin',
      reasonCode: 'proposal-withdrawn',
      at: ctx.now(),
    });
    statusOf.set(assignment.requestId, 'submitted');
    result.withdrawnProposals++;
    await audit(ctx, tx, {
      action: 'withdraw-proposal',
      objectType: 'assignment',
      objectId: assignment.id,
      result: 'success',
      details: { requestId: assignment.requestId, releasedCents: assignment.reservedCents, reason: 'specialist-inactive' },
    });
    await enqueueNotification(tx, ctx, { ...notice, event: 'assignment-withdrawn', recipients: { roles: ['coordinator'] } });
  }
  return result;
}
