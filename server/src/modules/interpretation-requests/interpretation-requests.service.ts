import { schema } from '@duidingspool/db';
import {
  type Advice,
  type AssignmentCloseCause,
  amsterdamDate,
  type CreateInterpretationRequestBody,
  type DeliverAdviceBody,
  findTransition,
  type InterpretationRequest,
  type InterpretationRequestListQuery,
  type PatchInterpretationRequestBody,
  patchTargets,
  REQUEST_STATUS_LABELS_NL,
  type RequestStatus,
  type Role,
  yearOf,
} from '@duidingspool/shared';
import { eq } from 'drizzle-orm';
import { AppError, invalidField, invalidTransition, notFound } from '../../errors.ts';
import { type Actor, hasRole, type ServiceContext } from '../../lib/context.ts';
import { iso } from '../../lib/pagination.ts';
import { assertNoPersonalData } from '../../lib/personal-data-guard.ts';
import { isOwnWork, ownWorkRefused } from '../../lib/separation-of-duties.ts';
import { type AssignmentRecord, closeAssignment, isLive, listForRequest, lockLiveForRequest, toAssignment } from '../assignments/index.ts';
import { audit } from '../audit/index.ts';
import { enqueueNotification } from '../notifications/index.ts';
import { caseTableRetired, servesMunicipality } from '../organisation/index.ts';
import { retiredExpertiseAreas, unknownExpertiseAreas } from '../specialists/index.ts';
import { feedbackOf, mayGiveFeedback } from './feedback.service.ts';
import { findVisibleRequest, listRequests, listTimeline, nextReference, recordTransition } from './interpretation-requests.repository.ts';
import { triageDeadline } from './service-levels.ts';

/**
 * Why a live assignment closes when its request ends in this status (docs/design.md §4). A request
 * declined from triage has no live assignment, so declining is not in it.
 */
const CLOSE_CAUSE_OF_REQUEST_END: Partial<Record<RequestStatus, AssignmentCloseCause>> = {
  closed: 'request-closed',
  cancelled: 'request-cancelled',
  withdrawn: 'request-withdrawn',
};

/** Prefix of the pool reference (`DP-2019-0007`), from the regional seed's `pool.referencePrefix`. */
export const REFERENCE_PREFIX = 'DP';

/** `instant` plus `months` calendar months, clamped to the month's last day as PostgreSQL does. */
export function addMonths(instant: Date, months: number): Date {
  const d = new Date(instant);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

/** The roles with which `actor` acts on this request: requester only as a member of its casustafel. */
function rolesOnRequest(actor: Actor, caseTableId: string): Role[] {
  return actor.roles.filter((role) => role !== 'requester' || actor.caseTableIds.includes(caseTableId));
}

/**
 * Separation of duties on the lifecycle (docs/design.md §2, decision 043): every coordinator edge taken
 * while the actor's own assignment on the request is live decides on their own work — cancelling
 * ends it, closing signs it off — so it is refused; another coordinator takes it. (While an
 * assignment is live the coordinator's edges are exactly cancel and close.) True when the edge
 * taken `by` that role would be such a decision.
 */
function decidesOnOwnWork(actor: Actor, by: Role, assignments: readonly AssignmentRecord[]): boolean {
  return by === 'coordinator' && assignments.some((a) => isLive(a) && isOwnWork(actor, a.specialistUserId));
}

/**
 * A page of the requests the actor may see (docs/design.md §2, §7). No case content: the list carries
 * no question, context or advice.
 */
export function listInterpretationRequests(ctx: ServiceContext, q: InterpretationRequestListQuery) {
  return listRequests(ctx.db, ctx.actor, q);
}

/**
 * Creates a request for one of the actor's casustafels, as a draft or (with `submit`) submitted;
 * coordinators are notified of a submitted request. Case content is checked by the personal-data
 * guard (docs/design.md §6).
 *
 * @throws AppError 400 `validation-failed` (unknown casustafel, municipality not served by it,
 *   unknown expertise area), 409 `retired` (the casustafel or an expertise area is retired,
 *   decision 081), 422 `personal-data-detected`
 */
export async function createInterpretationRequest(ctx: ServiceContext, body: CreateInterpretationRequestBody): Promise<InterpretationRequest> {
  const { actor } = ctx;
  if (!actor.caseTableIds.includes(body.caseTableId)) throw invalidField('/caseTableId', 'u bent geen lid van deze casustafel');
  assertNoPersonalData({ caseReference: body.caseReference, question: body.question, context: body.context });
  const id = await ctx.db.transaction(async (tx) => {
    // A retired casustafel keeps its history but takes no new requests (decision 081).
    if (await caseTableRetired(tx, body.caseTableId))
      throw new AppError('retired', 'Deze casustafel is opgeheven en neemt geen nieuwe aanvragen aan.', {
        errors: [{ in: 'body', pointer: '/caseTableId', message: 'deze casustafel is opgeheven' }],
      });
    if (!(await servesMunicipality(tx, body.caseTableId, body.municipalityId)))
      throw invalidField('/municipalityId', 'deze gemeente valt niet onder de gekozen casustafel');
    const codes = [...new Set(body.expertiseAreaCodes)];
    const unknown = await unknownExpertiseAreas(tx, codes);
    if (unknown.length > 0)
      throw invalidField(`/expertiseAreaCodes/${body.expertiseAreaCodes.indexOf(unknown[0] as string)}`, `onbekend expertisegebied ${unknown[0]}`);
    const [retired] = await retiredExpertiseAreas(tx, codes);
    if (retired !== undefined) {
      const pointer = `/expertiseAreaCodes/${body.expertiseAreaCodes.indexOf(retired)}`;
      throw new AppError('retired', `Het expertisegebied ${retired} is opgeheven.`, {
        errors: [{ in: 'body', pointer, message: 'dit expertisegebied is opgeheven' }],
      });
    }
    const status: RequestStatus = body.submit ? 'submitted' : 'draft';
    const now = ctx.now();
    const reference = await nextReference(tx, REFERENCE_PREFIX, yearOf(amsterdamDate(now)));
    const [row] = await tx
      .insert(schema.interpretationRequests)
      .values({
        reference,
        caseTableId: body.caseTableId,
        municipalityId: body.municipalityId,
        caseReference: body.caseReference.trim(),
        question: body.question,
        context: body.context ?? null,
        urgency: body.urgency,
        deliverable: body.deliverable,
        meetingDate: body.meetingDate ?? null,
        languages: [...new Set(body.languages ?? [])],
        status,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
        submittedAt: body.submit ? now : null,
        triageDueAt: body.submit ? await triageDeadline(tx, body.urgency, now, ctx.workingHours) : null,
      })
      .returning({ id: schema.interpretationRequests.id });
    if (!row) throw new Error('insert returned no row');
    await tx.insert(schema.requestExpertiseAreas).values(codes.map((code) => ({ requestId: row.id, expertiseAreaCode: code })));
    await tx
      .insert(schema.requestStatusEvents)
      .values({ requestId: row.id, fromStatus: null, toStatus: status, actorId: actor.userId, actorRole: 'requester', occurredAt: now });
    await audit(ctx, tx, { action: 'create', objectType: 'interpretation-request', objectId: row.id, result: 'success', details: { status, reference } });
    if (status === 'submitted') {
      await enqueueNotification(tx, ctx, { event: 'request-submitted', reference, linkPath: `/requests/${row.id}`, recipients: { roles: ['coordinator'] } });
    }
    return row.id;
  });
  return getInterpretationRequest(ctx, id, { audited: false });
}

/**
 * One request with timeline, assignments and advice, if the actor may see it; 404 otherwise — also
 * for another casustafel's request (docs/design.md §6). Reading case content is audited. Specialists see
 * only their own assignments; requesters see no rates or reservations.
 *
 * @throws AppError 404 `not-found`
 */
export async function getInterpretationRequest(ctx: ServiceContext, id: string, opts: { audited?: boolean } = {}): Promise<InterpretationRequest> {
  const { actor } = ctx;
  const request = await findVisibleRequest(ctx.db, actor, id);
  if (!request) {
    await audit(ctx, ctx.db, { action: 'read', objectType: 'interpretation-request', objectId: id, result: 'denied' });
    throw notFound('Dit duidingsverzoek');
  }
  const onlyOwn = !hasRole(actor, 'coordinator') && !actor.caseTableIds.includes(request.caseTableId) ? (actor.specialistId ?? undefined) : undefined;
  const seesMoney = hasRole(actor, 'coordinator') || onlyOwn !== undefined;
  const records = await listForRequest(ctx.db, id, onlyOwn);
  const assignments = records.map((x) => toAssignment(x, actor)).map((x) => (seesMoney ? x : { ...x, rateCents: null, reservedCents: null }));
  const roles = rolesOnRequest(actor, request.caseTableId);
  const [adviceRow] = await ctx.db
    .select({
      id: schema.advice.id,
      requestId: schema.advice.requestId,
      summary: schema.advice.summary,
      body: schema.advice.body,
      deliveredAt: schema.advice.deliveredAt,
      specialistName: schema.users.displayName,
    })
    .from(schema.advice)
    .innerJoin(schema.users, eq(schema.users.id, schema.advice.deliveredBy))
    .where(eq(schema.advice.requestId, id));
  const advice: Advice | null = adviceRow ? { ...adviceRow, deliveredAt: iso(adviceRow.deliveredAt) } : null;
  if (opts.audited !== false) {
    await audit(ctx, ctx.db, { action: 'read', objectType: 'interpretation-request', objectId: id, result: 'success', details: { advice: advice !== null } });
  }
  const { closedAt, ...rest } = request;
  const feedback = await feedbackOf(ctx.db, id);
  return {
    ...rest,
    contentPurgeDate: closedAt && !request.contentPurgedAt ? amsterdamDate(addMonths(closedAt, ctx.retentionCaseMonths)) : null,
    timeline: await listTimeline(ctx.db, id),
    assignments,
    advice,
    allowedTransitions: patchTargets(request.status, roles).filter((to) => {
      const edge = findTransition(request.status, to, roles);
      return edge !== undefined && !decidesOnOwnWork(actor, edge.by, records);
    }),
    feedback,
    allowedActions: [
      ...(findTransition(request.status, 'assigned', roles, 'assign') ? (['assign'] as const) : []),
      ...(mayGiveFeedback(actor, request, feedback) ? (['give-feedback'] as const) : []),
    ],
  };
}

/**
 * Moves a request along the lifecycle through PATCH (docs/design.md §4), checked against the transition
 * table for the roles the actor holds on this request. Ending a request (closed, withdrawn,
 * cancelled) closes its live assignments (`closeAssignment`: reservation released, open extension
 * requests refused; docs/design.md §4, §5). A coordinator does not cancel or close a request on which
 * they hold the live assignment (separation of duties, docs/design.md §2).
 *
 * @throws AppError 404 `not-found`, 403 `separation-of-duties`, 409 `invalid-transition`, 422
 *   `personal-data-detected` (reason)
 */
export async function transitionInterpretationRequest(ctx: ServiceContext, id: string, body: PatchInterpretationRequestBody): Promise<InterpretationRequest> {
  const { actor } = ctx;
  await ctx.db.transaction(async (tx) => {
    const request = await findVisibleRequest(tx, actor, id, true);
    if (!request) throw notFound('Dit duidingsverzoek');
    const edge = findTransition(request.status, body.status, rolesOnRequest(actor, request.caseTableId));
    if (!edge) {
      throw invalidTransition(
        `Het verzoek is nu '${REQUEST_STATUS_LABELS_NL[request.status]}' en kan door u niet '${REQUEST_STATUS_LABELS_NL[body.status]}' worden. Vernieuw de pagina voor de actuele stand.`,
      );
    }
    if (decidesOnOwnWork(actor, edge.by, await listForRequest(tx, id))) {
      throw ownWorkRefused(body.status === 'closed' ? 'een verzoek sluiten waarop u zelf het werk deed' : 'een verzoek annuleren waarop u zelf de inzet heeft');
    }
    // The costly check of the body last, after existence, permission and state (docs/design.md §6).
    assertNoPersonalData({ reason: body.reason });
    // Ending a request releases what its live assignments still hold (a declined one, from submitted, has none).
    const closeCause = CLOSE_CAUSE_OF_REQUEST_END[body.status];
    if (closeCause) {
      for (const assignment of await lockLiveForRequest(tx, id)) {
        await closeAssignment(ctx, tx, assignment, closeCause);
        if (body.status === 'withdrawn' || (body.status === 'closed' && assignment.status === 'accepted')) {
          await enqueueNotification(tx, ctx, {
            event: 'request-closed',
            reference: request.reference,
            linkPath: `/requests/${id}`,
            recipients: { userIds: [assignment.specialistUserId] },
          });
        } else if (body.status === 'cancelled') {
          await enqueueNotification(tx, ctx, {
            event: 'request-cancelled',
            reference: request.reference,
            linkPath: `/requests/${id}`,
            recipients: { userIds: [assignment.specialistUserId] },
          });
        }
      }
    }
    if (body.status === 'cancelled') {
      await enqueueNotification(tx, ctx, {
        event: 'request-cancelled',
        reference: request.reference,
        linkPath: `/requests/${id}`,
        recipients: { caseTableId: request.caseTableId },
      });
    }
    await recordTransition(tx, {
      workingHours: ctx.workingHours,
      requestId: id,
      from: request.status,
      to: body.status,
      actorId: actor.userId,
      actorRole: edge.by,
      reason: body.reason,
      at: ctx.now(),
    });
    await audit(ctx, tx, {
      action: 'transition',
      objectType: 'interpretation-request',
      objectId: id,
      result: 'success',
      details: { from: request.status, to: body.status },
    });
    const notice = { reference: request.reference, linkPath: `/requests/${id}` };
    if (body.status === 'submitted') await enqueueNotification(tx, ctx, { ...notice, event: 'request-submitted', recipients: { roles: ['coordinator'] } });
    if (body.status === 'needs-information')
      await enqueueNotification(tx, ctx, { ...notice, event: 'request-needs-information', recipients: { caseTableId: request.caseTableId } });
    if (body.status === 'declined')
      await enqueueNotification(tx, ctx, { ...notice, event: 'request-declined', recipients: { caseTableId: request.caseTableId } });
  });
  return getInterpretationRequest(ctx, id, { audited: false });
}

/**
 * The assigned specialist delivers advice on a request in progress; the request moves to
 * `advice-delivered` and the casustafel's requesters are notified (docs/design.md §4).
 *
 * @throws AppError 404 `not-found`, 409 `invalid-transition` (not in progress, advice exists),
 *   422 `personal-data-detected`
 */
export async function deliverAdvice(ctx: ServiceContext, id: string, body: DeliverAdviceBody): Promise<Advice> {
  const { actor } = ctx;
  return ctx.db.transaction(async (tx) => {
    const request = await findVisibleRequest(tx, actor, id, true);
    if (!request) throw notFound('Dit duidingsverzoek');
    const own = actor.specialistId ? (await listForRequest(tx, id, actor.specialistId)).find((x) => x.status === 'accepted') : undefined;
    if (!own) throw new AppError('forbidden', 'Alleen de toegewezen specialist die de inzet heeft aangenomen kan advies opleveren.');
    if (own.closedAt !== null || !findTransition(request.status, 'advice-delivered', ['specialist'], 'advice-delivered')) {
      throw invalidTransition(`Advies kan alleen worden opgeleverd bij een verzoek in behandeling (nu: ${REQUEST_STATUS_LABELS_NL[request.status]}).`);
    }
    // The costly check of the body last, after existence, permission and state (docs/design.md §6).
    assertNoPersonalData({ summary: body.summary, body: body.body });
    const [row] = await tx
      .insert(schema.advice)
      .values({ requestId: id, assignmentId: own.id, summary: body.summary, body: body.body, deliveredBy: actor.userId, deliveredAt: ctx.now() })
      .onConflictDoNothing()
      .returning();
    if (!row) throw invalidTransition('Voor dit verzoek is al advies opgeleverd.');
    await recordTransition(tx, {
      workingHours: ctx.workingHours,
      requestId: id,
      from: request.status,
      to: 'advice-delivered',
      actorId: actor.userId,
      actorRole: 'specialist',
      at: ctx.now(),
    });
    await audit(ctx, tx, { action: 'deliver-advice', objectType: 'interpretation-request', objectId: id, result: 'success' });
    await enqueueNotification(tx, ctx, {
      event: 'advice-delivered',
      reference: request.reference,
      linkPath: `/requests/${id}`,
      recipients: { caseTableId: request.caseTableId },
    });
    return { id: row.id, requestId: id, specialistName: actor.displayName, summary: row.summary, body: row.body, deliveredAt: iso(row.deliveredAt) };
  });
}
