import { type Executor, schema, type Transaction } from '@duidingspool/db';
import {
  type Advice,
  type AssignmentCloseCause,
  amsterdamDate,
  CreateInterpretationRequestBodySchema,
  DEFAULT_REQUEST_TYPE,
  type DeliverAdviceBody,
  type DraftRequestFields,
  EDITABLE_REQUEST_STATUSES,
  type EndEffects,
  findTransition,
  type InterpretationRequest,
  type InterpretationRequestListQuery,
  missingTypeFields,
  type NewRequestBody,
  type PatchInterpretationRequestBody,
  patchTargets,
  REQUEST_STATUS_LABELS_NL,
  REQUEST_TYPE_RULES,
  type ReopenRequestBody,
  type RequestFieldIssue,
  type RequestStatus,
  type RequestType,
  type Role,
  typeFieldIssues,
  yearOf,
} from '@duidingspool/shared';
import { and, asc, desc, eq, isNotNull, max } from 'drizzle-orm';
import { AppError, forbidden, invalidField, invalidTransition, notFound } from '../../errors.ts';
import { type Actor, hasRole, type ServiceContext } from '../../lib/context.ts';
import { iso } from '../../lib/pagination.ts';
import { assertNoPersonalData } from '../../lib/personal-data-guard.ts';
import { isOwnWork, ownWorkRefused } from '../../lib/separation-of-duties.ts';
import { type AssignmentRecord, closeAssignment, isLive, listForRequest, lockLiveForRequest, toAssignment } from '../assignments/index.ts';
import { audit } from '../audit/index.ts';
import { openExtensionsOf } from '../extension-requests/index.ts';
import { enqueueNotification } from '../notifications/index.ts';
import { caseTableRetired, municipalityProblems, servesMunicipality } from '../organisation/index.ts';
import { retiredExpertiseAreas, unknownExpertiseAreas } from '../specialists/index.ts';
import { undecidedEntriesOf } from '../time-entries/index.ts';
import { correctionRefusal, toAdvice } from './advice-corrections.service.ts';
import { feedbackOf, mayGiveFeedback } from './feedback.service.ts';
import {
  findRequestSummary,
  findVisibleRequest,
  listRequests,
  listTimeline,
  nextReference,
  noteChangedFields,
  recordTransition,
} from './interpretation-requests.repository.ts';
import { mayRecordReach, reachOf } from './reach.service.ts';
import { isRequesterOf, type RequestingParty, requesterRecipients } from './requesting-party.ts';
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

/**
 * The roles with which `actor` acts on this request: requester only as a member of its casustafel,
 * or of its municipality when no casustafel asked (decision 095).
 */
function rolesOnRequest(actor: Actor, request: RequestingParty): Role[] {
  return actor.roles.filter((role) => role !== 'requester' || isRequesterOf(actor, request));
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
 * Why the actor, holding `roles` on a request in `status` with these assignments, may not reopen
 * it now (docs/design.md §4, decision 113), or null when they may: the lifecycle must have the edge
 * for them (a member of the casustafel, advice delivered) and the specialist of the accepted, live
 * assignment must still be active in the pool, for the work goes back to them.
 */
function reopenProblem(
  status: RequestStatus,
  roles: readonly Role[],
  records: readonly AssignmentRecord[],
): 'invalid-transition' | 'specialist-inactive' | null {
  if (!findTransition(status, 'in-progress', roles, 'reopened')) return 'invalid-transition';
  const work = records.find((x) => isLive(x) && x.status === 'accepted');
  if (!work) return 'invalid-transition';
  return work.specialistActive ? null : 'specialist-inactive';
}

/** The request this one follows up and those that follow it up (pool references only, no case content). */
async function followUpLinks(db: Executor, id: string) {
  const r = schema.interpretationRequests;
  const [self] = await db.select({ followUpOfId: r.followUpOfId }).from(r).where(eq(r.id, id));
  const [earlier] = self?.followUpOfId ? await db.select({ id: r.id, reference: r.reference }).from(r).where(eq(r.id, self.followUpOfId)) : [];
  const later = await db
    .select({ id: r.id, reference: r.reference })
    .from(r)
    .where(and(eq(r.followUpOfId, id), isNotNull(r.reference)))
    .orderBy(asc(r.submittedAt));
  return {
    followUpOf: earlier?.reference ? { id: earlier.id, reference: earlier.reference } : null,
    followUps: later.flatMap((x) => (x.reference ? [{ id: x.id, reference: x.reference }] : [])),
  };
}

/**
 * What ending the request would do to its work now (docs/design.md §4, for the confirmation): the
 * unused reservations of its live assignments are released (in cents, for who may see money), their
 * open extension requests are refused, and undecided hours stay to be approved or rejected.
 */
async function endEffects(ctx: ServiceContext, records: readonly AssignmentRecord[], seesMoney: boolean): Promise<EndEffects> {
  const live = records.filter(isLive);
  const ids = live.map((x) => x.id);
  return {
    releasedCents: seesMoney ? live.reduce((sum, x) => sum + x.reservedCents, 0) : null,
    openExtensionRequests: await openExtensionsOf(ctx.db, ids),
    undecidedEntries: await undecidedEntriesOf(
      ctx.db,
      records.map((x) => x.id),
    ),
  };
}

/**
 * A page of the requests the actor may see (docs/design.md §2, §7). No case content: the list carries
 * no question, context or advice.
 */
export function listInterpretationRequests(ctx: ServiceContext, q: InterpretationRequestListQuery) {
  return listRequests(ctx.db, ctx.actor, q);
}

/** 400 `validation-failed` with one pointer per field the full request rule refuses (submitting a draft). */
function incomplete(issues: readonly { path: readonly PropertyKey[]; message: string }[]): AppError {
  const errors = issues.map((i) => ({ in: 'body' as const, pointer: `/${i.path.map(String).join('/')}`, message: i.message }));
  return new AppError('validation-failed', `Het verzoek is nog niet compleet: ${[...new Set(errors.map((e) => e.pointer))].join(', ')}.`, { errors });
}

/**
 * 400 `validation-failed` naming each field that request type `type` does not take, or a
 * deliverable that does not fit it (`REQUEST_TYPE_RULES`, decision 095); nothing is written.
 */
function assertFieldsFitType(type: RequestType, body: Readonly<Record<string, unknown>>): void {
  const issues = typeFieldIssues(type, body);
  if (issues.length === 0) return;
  const errors = issues.map((i) => ({ in: 'body' as const, pointer: `/${i.path.join('/')}`, message: i.message, code: i.code }));
  throw new AppError('validation-failed', `Dit hoort niet bij dit soort verzoek: ${errors.map((e) => e.pointer).join(', ')}.`, { errors });
}

/**
 * What a whole request of type `type` still lacks (submission): a case interpretation by the
 * request rule of the public contract, the other types by their required fields and the
 * municipality they are for.
 */
function completenessIssues(
  type: RequestType,
  caseTableId: string | null,
  fields: StoredFields,
): readonly RequestFieldIssue[] | readonly { path: readonly PropertyKey[]; message: string }[] {
  if (type === 'case-interpretation') {
    const full = CreateInterpretationRequestBodySchema.safeParse(asFullBody(caseTableId ?? '', fields));
    return full.success ? [] : full.error.issues;
  }
  const issues: RequestFieldIssue[] = fields.municipalityId ? [] : [{ path: ['municipalityId'], message: 'is verplicht' }];
  return [...issues, ...missingTypeFields(type, fields)];
}

/**
 * The references of a request's casustafel checked for the fields given (a draft checks what it
 * has; a submission all of it): a retired casustafel takes nothing new, the municipality must be
 * served by the casustafel, expertise areas must exist and not be retired (decision 081).
 *
 * @throws AppError 400 `validation-failed`, 409 `retired`
 */
async function checkReferences(
  tx: Executor,
  caseTableId: string | null,
  fields: { municipalityId?: string | null | undefined; expertiseAreaCodes?: readonly string[] | undefined },
) {
  if (caseTableId !== null && (await caseTableRetired(tx, caseTableId)))
    throw new AppError('retired', 'Deze casustafel is opgeheven en neemt geen nieuwe aanvragen aan.', {
      errors: [{ in: 'body', pointer: '/caseTableId', message: 'deze casustafel is opgeheven', code: 'retired' }],
    });
  if (caseTableId !== null && fields.municipalityId && !(await servesMunicipality(tx, caseTableId, fields.municipalityId)))
    throw invalidField('/municipalityId', 'deze gemeente valt niet onder de gekozen casustafel');
  if (caseTableId === null && fields.municipalityId) {
    // A municipality asking for itself: it must still be in service (decision 081).
    const { unknown, retired } = await municipalityProblems(tx, [fields.municipalityId]);
    if (unknown.length > 0) throw invalidField('/municipalityId', 'onbekende gemeente');
    if (retired.length > 0)
      throw new AppError('retired', 'Deze gemeente is opgeheven en neemt geen nieuwe aanvragen aan.', {
        errors: [{ in: 'body', pointer: '/municipalityId', message: 'deze gemeente is opgeheven', code: 'retired' }],
      });
  }
  const given = fields.expertiseAreaCodes ?? [];
  const codes = [...new Set(given)];
  const unknown = await unknownExpertiseAreas(tx, codes);
  if (unknown.length > 0) throw invalidField(`/expertiseAreaCodes/${given.indexOf(unknown[0] as string)}`, `onbekend expertisegebied ${unknown[0]}`);
  const [retired] = await retiredExpertiseAreas(tx, codes);
  if (retired !== undefined) {
    throw new AppError('retired', `Het expertisegebied ${retired} is opgeheven.`, {
      errors: [{ in: 'body', pointer: `/expertiseAreaCodes/${given.indexOf(retired)}`, message: 'dit expertisegebied is opgeheven' }],
    });
  }
}

/**
 * Creates a request for one of the actor's casustafels: with `submit: true` submitted at once
 * (checked in full, given its pool reference, coordinators notified); otherwise a **draft** that
 * keeps whatever is filled in (only the casustafel is required) and has no reference yet
 * (docs/design.md §4, “Drafts”). Case content is checked by the personal-data guard (§6).
 *
 * @throws AppError 400 `validation-failed` (not a member of the casustafel, municipality not served
 *   by it, unknown expertise area, an incomplete request submitted), 409 `retired` (the casustafel
 *   or an expertise area is retired, decision 081), 422 `personal-data-detected`
 */
export async function createInterpretationRequest(ctx: ServiceContext, body: NewRequestBody): Promise<InterpretationRequest> {
  const id = await ctx.db.transaction((tx) => insertInterpretationRequest(ctx, tx, body));
  return getInterpretationRequest(ctx, id, { audited: false });
}

/**
 * The whole of `createInterpretationRequest` inside the caller's transaction `tx`, returning the new
 * request's id: the same checks, rows, audit event and notification. `originOfferId` marks a request
 * made by accepting the coordinator's offer (decision 130): its origin is that offer, its requester
 * the member who accepted (the actor). Called by the offers module, which changes the offer in the
 * same transaction.
 *
 * @throws AppError as `createInterpretationRequest`
 */
export async function insertInterpretationRequest(
  ctx: ServiceContext,
  tx: Executor,
  body: NewRequestBody,
  opts: { originOfferId?: string } = {},
): Promise<string> {
  const { actor } = ctx;
  const type = body.type ?? DEFAULT_REQUEST_TYPE;
  const caseTableId = body.caseTableId ?? null;
  if (caseTableId !== null) {
    if (!actor.caseTableIds.includes(caseTableId)) throw invalidField('/caseTableId', 'u bent geen lid van deze casustafel');
  } else {
    // Without a casustafel a member of a municipality asks on its behalf, never about a case (decision 095).
    if (REQUEST_TYPE_RULES[type].caseContent) throw invalidField('/caseTableId', 'een duidingsverzoek over een casus komt van een casustafel');
    if (!body.municipalityId) throw invalidField('/municipalityId', 'is verplicht');
    if (!actor.municipalityIds.includes(body.municipalityId)) throw invalidField('/municipalityId', 'u bent geen lid van deze gemeente');
  }
  const { followUpOfId: _link, submit: _submit, caseTableId: _table, type: _type, ...fields } = body;
  assertFieldsFitType(type, fields);
  if (body.submit) {
    const issues = completenessIssues(type, caseTableId, {
      ...fields,
      caseReference: fields.caseReference ?? '',
      question: fields.question ?? '',
    } as unknown as StoredFields);
    if (issues.length > 0) throw incomplete(issues);
  }
  assertNoPersonalData({ caseReference: body.caseReference, question: body.question, context: body.context, place: body.place });
  {
    await checkReferences(tx, caseTableId, body);
    if (body.followUpOfId !== undefined) {
      // A follow-up names an earlier request the actor sees, of the same requesting organisation, that was submitted.
      const earlier = await findVisibleRequest(tx, actor, body.followUpOfId);
      if (
        !earlier ||
        earlier.caseTableId !== caseTableId ||
        (caseTableId === null && earlier.municipalityId !== body.municipalityId) ||
        earlier.reference === null
      )
        throw invalidField('/followUpOfId', 'geen ingediend verzoek van deze casustafel');
    }
    const codes = [...new Set(body.expertiseAreaCodes ?? [])];
    const status: RequestStatus = body.submit ? 'submitted' : 'draft';
    const now = ctx.now();
    // The pool reference is given on submission, not to a draft (which may never be sent).
    const reference = body.submit ? await nextReference(tx, REFERENCE_PREFIX, yearOf(amsterdamDate(now))) : null;
    const [row] = await tx
      .insert(schema.interpretationRequests)
      .values({
        reference,
        type,
        caseTableId,
        municipalityId: body.municipalityId ?? null,
        caseReference: (body.caseReference ?? '').trim(),
        question: body.question ?? '',
        context: body.context ?? null,
        audiences: [...new Set(body.audiences ?? [])],
        expectedParticipants: body.expectedParticipants ?? null,
        place: body.place?.trim() || null,
        urgency: body.urgency ?? 'regular',
        deliverable: body.deliverable ?? null,
        meetingDate: body.meetingDate ?? null,
        languages: [...new Set(body.languages ?? [])],
        status,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
        submittedAt: body.submit ? now : null,
        followUpOfId: body.followUpOfId ?? null,
        triageDueAt: body.submit ? await triageDeadline(tx, body.urgency ?? 'regular', now, ctx.workingHours) : null,
        originOfferId: opts.originOfferId ?? null,
      })
      .returning({ id: schema.interpretationRequests.id });
    if (!row) throw new Error('insert returned no row');
    if (codes.length > 0) await tx.insert(schema.requestExpertiseAreas).values(codes.map((code) => ({ requestId: row.id, expertiseAreaCode: code })));
    await tx
      .insert(schema.requestStatusEvents)
      .values({ requestId: row.id, fromStatus: null, toStatus: status, actorId: actor.userId, actorRole: 'requester', occurredAt: now });
    await audit(ctx, tx, {
      action: 'create',
      objectType: 'interpretation-request',
      objectId: row.id,
      result: 'success',
      details: { status, reference, ...(opts.originOfferId ? { originOfferId: opts.originOfferId } : {}) },
    });
    if (reference !== null) {
      await enqueueNotification(tx, ctx, { event: 'request-submitted', reference, linkPath: `/requests/${row.id}`, recipients: { roles: ['coordinator'] } });
    }
    return row.id;
  }
}

/** The editable fields of a request as stored, in the shape of the request body. */
async function storedFields(tx: Executor, id: string) {
  const r = schema.interpretationRequests;
  const [row] = await tx
    .select({
      municipalityId: r.municipalityId,
      caseReference: r.caseReference,
      question: r.question,
      context: r.context,
      urgency: r.urgency,
      deliverable: r.deliverable,
      meetingDate: r.meetingDate,
      languages: r.languages,
      audiences: r.audiences,
      expectedParticipants: r.expectedParticipants,
      place: r.place,
    })
    .from(r)
    .where(eq(r.id, id));
  if (!row) throw new Error('request vanished');
  const areas = await tx
    .select({ code: schema.requestExpertiseAreas.expertiseAreaCode })
    .from(schema.requestExpertiseAreas)
    .where(eq(schema.requestExpertiseAreas.requestId, id));
  return { ...row, expertiseAreaCodes: areas.map((a) => a.code).sort() };
}

/** The editable fields of a request as stored. */
type StoredFields = Awaited<ReturnType<typeof storedFields>>;

/** The stored fields as a whole request body, for the full rule (`CreateInterpretationRequestBodySchema`). */
const asFullBody = (caseTableId: string, f: StoredFields) => ({
  caseTableId,
  municipalityId: f.municipalityId ?? undefined,
  caseReference: f.caseReference,
  question: f.question,
  ...(f.context !== null ? { context: f.context } : {}),
  expertiseAreaCodes: f.expertiseAreaCodes,
  urgency: f.urgency,
  deliverable: f.deliverable ?? undefined,
  ...(f.meetingDate !== null ? { meetingDate: f.meetingDate } : {}),
  languages: f.languages,
});

/**
 * The casustafel changes the fields of its request (docs/design.md §4, “Drafts”): a draft keeps
 * whatever is filled in; a request that waits for information stays complete (checked in full).
 * Any other request is refused with 409: once submitted, the request is what the pool works on.
 * Fields left out keep their value. The audit names the fields changed, never their text.
 *
 * @throws AppError 404 `not-found`, 403 `forbidden` (not a member of its casustafel), 409
 *   `invalid-transition` (not a draft or waiting for information), 400 `validation-failed`, 409
 *   `retired`, 422 `personal-data-detected`
 */
export async function updateRequestFields(ctx: ServiceContext, id: string, body: DraftRequestFields): Promise<InterpretationRequest> {
  const { actor } = ctx;
  await ctx.db.transaction(async (tx) => {
    const request = await findVisibleRequest(tx, actor, id, true);
    if (!request) throw notFound('Dit duidingsverzoek');
    if (!isRequesterOf(actor, request)) throw forbidden('Alleen de leden van de casustafel wijzigen dit verzoek.');
    if (!EDITABLE_REQUEST_STATUSES.includes(request.status))
      throw invalidTransition(
        `Het verzoek is '${REQUEST_STATUS_LABELS_NL[request.status]}': alleen een concept, of een verzoek waarbij om informatie is gevraagd, kan worden gewijzigd.`,
      );
    assertFieldsFitType(request.type, body);
    // The municipality is the requesting organisation when no casustafel asked: it stays.
    if (request.caseTableId === null && body.municipalityId !== undefined && body.municipalityId !== request.municipalityId)
      throw invalidField('/municipalityId', 'de gemeente die het verzoek doet verandert niet');
    const before = await storedFields(tx, id);
    const after = {
      ...before,
      ...Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)),
    } as typeof before;
    if (body.caseReference !== undefined) after.caseReference = body.caseReference.trim();
    if (request.status !== 'draft') {
      const issues = completenessIssues(request.type, request.caseTableId, after);
      if (issues.length > 0) throw incomplete(issues);
    }
    await checkReferences(tx, request.caseTableId, body);
    // The costly check of the body last, after existence, permission and state (docs/design.md §6).
    assertNoPersonalData({ caseReference: body.caseReference, question: body.question, context: body.context, place: body.place });
    const changed = (Object.keys(body) as (keyof DraftRequestFields)[]).filter(
      (k) => body[k] !== undefined && JSON.stringify(before[k as keyof typeof before]) !== JSON.stringify(after[k as keyof typeof after]),
    );
    const r = schema.interpretationRequests;
    await tx
      .update(r)
      .set({
        municipalityId: after.municipalityId,
        caseReference: after.caseReference,
        question: after.question,
        context: after.context,
        urgency: after.urgency,
        deliverable: after.deliverable,
        meetingDate: after.meetingDate,
        languages: [...new Set(after.languages)],
        audiences: [...new Set(after.audiences)],
        expectedParticipants: after.expectedParticipants,
        place: after.place?.trim() || null,
        updatedAt: ctx.now(),
      })
      .where(eq(r.id, id));
    if (body.expertiseAreaCodes !== undefined) {
      await tx.delete(schema.requestExpertiseAreas).where(eq(schema.requestExpertiseAreas.requestId, id));
      const codes = [...new Set(body.expertiseAreaCodes)];
      if (codes.length > 0) await tx.insert(schema.requestExpertiseAreas).values(codes.map((code) => ({ requestId: id, expertiseAreaCode: code })));
    }
    // While information is asked, the timeline collects which fields the casustafel changed.
    if (request.status === 'needs-information') await noteChangedFields(tx, id, changed);
    await audit(ctx, tx, { action: 'update-fields', objectType: 'interpretation-request', objectId: id, result: 'success', details: { fields: changed } });
  });
  return getInterpretationRequest(ctx, id, { audited: false });
}

/**
 * A member of its casustafel deletes a draft, with everything it holds (it was never submitted, so
 * nothing refers to it but its own rows). A submitted request is never deleted: 409.
 *
 * @throws AppError 404 `not-found`, 403 `forbidden`, 409 `invalid-transition`
 */
export async function deleteDraft(ctx: ServiceContext, id: string): Promise<void> {
  const { actor } = ctx;
  await ctx.db.transaction(async (tx) => {
    const request = await findVisibleRequest(tx, actor, id, true);
    if (!request) throw notFound('Dit duidingsverzoek');
    if (!isRequesterOf(actor, request)) throw forbidden('Alleen de leden van de casustafel verwijderen een concept.');
    if (request.status !== 'draft') throw invalidTransition('Alleen een concept kan worden verwijderd; een ingediend verzoek trekt u in.');
    await tx.delete(schema.requestExpertiseAreas).where(eq(schema.requestExpertiseAreas.requestId, id));
    await tx.delete(schema.requestStatusEvents).where(eq(schema.requestStatusEvents.requestId, id));
    await tx.delete(schema.interpretationRequests).where(eq(schema.interpretationRequests.id, id));
    await audit(ctx, tx, { action: 'delete-draft', objectType: 'interpretation-request', objectId: id, result: 'success' });
  });
}

/**
 * Submitting a draft: the whole request rule applies now (400 naming each missing or wrong field),
 * its references are checked again, and it gets its pool reference. Called inside the transition.
 */
async function completeDraftSubmission(ctx: ServiceContext, tx: Executor, id: string, type: RequestType, caseTableId: string | null): Promise<string> {
  const fields = await storedFields(tx, id);
  const issues = completenessIssues(type, caseTableId, fields);
  if (issues.length > 0) throw incomplete(issues);
  await checkReferences(tx, caseTableId, fields);
  const reference = await nextReference(tx, REFERENCE_PREFIX, yearOf(amsterdamDate(ctx.now())));
  await tx.update(schema.interpretationRequests).set({ reference }).where(eq(schema.interpretationRequests.id, id));
  return reference;
}

/**
 * The request as its non-identifying summary (decision 103) for a specialist who may not read its
 * content yet: region, casustafel, municipality, expertise areas, urgency, deliverable, meeting
 * date and their own assignment with its estimate — never the case reference, question, context,
 * timeline, advice or feedback. Reading a summary reads no case content and is not audited as such.
 */
async function summaryOnlyRequest(ctx: ServiceContext, summary: NonNullable<Awaited<ReturnType<typeof findRequestSummary>>>): Promise<InterpretationRequest> {
  const { actor } = ctx;
  const records = actor.specialistId ? await listForRequest(ctx.db, summary.id, actor.specialistId) : [];
  return {
    ...summary,
    question: '',
    context: null,
    timeline: [],
    assignments: records.filter((x) => isLive(x)).map((x) => toAssignment(x, actor)),
    advice: null,
    earlierAdvice: [],
    // A session's audience, size, place and reach wait for the confirmation like the rest of its content.
    audiences: [],
    expectedParticipants: null,
    place: null,
    reach: null,
    feedback: null,
    allowedTransitions: [],
    allowedActions: [],
    contentPurgeDate: null,
    contentPurgedAt: null,
    followUpOf: null,
    followUps: [],
    originOfferId: null,
    endEffects: null,
  };
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
  const summary = await findRequestSummary(ctx.db, actor, id);
  if (summary && summary.summaryOnly !== null) return summaryOnlyRequest(ctx, summary);
  const request = summary ? await findVisibleRequest(ctx.db, actor, id) : null;
  if (!request) {
    await audit(ctx, ctx.db, { action: 'read', objectType: 'interpretation-request', objectId: id, result: 'denied' });
    throw notFound('Dit duidingsverzoek');
  }
  const onlyOwn = !hasRole(actor, 'coordinator') && !isRequesterOf(actor, request) ? (actor.specialistId ?? undefined) : undefined;
  const seesMoney = hasRole(actor, 'coordinator') || onlyOwn !== undefined;
  const records = await listForRequest(ctx.db, id, onlyOwn);
  const assignments = records.map((x) => toAssignment(x, actor)).map((x) => (seesMoney ? x : { ...x, rateCents: null, reservedCents: null }));
  const roles = rolesOnRequest(actor, request);
  // Every delivered version, newest first (more than one only after a reopening, decision 113).
  const adviceRows = await ctx.db
    .select({
      id: schema.advice.id,
      requestId: schema.advice.requestId,
      version: schema.advice.version,
      summary: schema.advice.summary,
      body: schema.advice.body,
      deliveredAt: schema.advice.deliveredAt,
      correctionReason: schema.advice.correctionReason,
      specialistName: schema.users.displayName,
    })
    .from(schema.advice)
    .innerJoin(schema.users, eq(schema.users.id, schema.advice.deliveredBy))
    .where(eq(schema.advice.requestId, id))
    .orderBy(desc(schema.advice.version));
  const [latestAdvice, ...earlierAdvice] = adviceRows.map((x): Advice => ({ ...x, deliveredAt: iso(x.deliveredAt) }));
  const advice: Advice | null = latestAdvice ?? null;
  if (opts.audited !== false) {
    await audit(ctx, ctx.db, { action: 'read', objectType: 'interpretation-request', objectId: id, result: 'success', details: { advice: advice !== null } });
  }
  const { closedAt, ...rest } = request;
  const { followUpOf, followUps } = await followUpLinks(ctx.db, id);
  const feedback = await feedbackOf(ctx.db, id);
  const reach = await reachOf(ctx.db, id, request.type);
  const allowedTransitions = patchTargets(request.status, roles).filter((to) => {
    const edge = findTransition(request.status, to, roles);
    return edge !== undefined && !decidesOnOwnWork(actor, edge.by, records);
  });
  return {
    ...rest,
    safetyRegionName: summary?.safetyRegionName ?? null,
    followUpOf,
    followUps,
    endEffects: allowedTransitions.some((to) => CLOSE_CAUSE_OF_REQUEST_END[to]) ? await endEffects(ctx, records, seesMoney) : null,
    contentPurgeDate: closedAt && !request.contentPurgedAt ? amsterdamDate(addMonths(closedAt, ctx.retentionCaseMonths)) : null,
    timeline: await listTimeline(ctx.db, id),
    assignments,
    advice,
    earlierAdvice,
    allowedTransitions,
    feedback,
    reach,
    allowedActions: [
      ...(findTransition(request.status, 'assigned', roles, 'assign') ? (['assign'] as const) : []),
      ...(mayGiveFeedback(actor, request, feedback) ? (['give-feedback'] as const) : []),
      ...(reopenProblem(request.status, roles, records) === null ? (['reopen'] as const) : []),
      ...(mayRecordReach(actor, request, records, ctx.now()) ? (['record-reach'] as const) : []),
      ...(correctionRefusal(actor, request.status, records, advice?.version ?? 0) === null ? (['correct-advice'] as const) : []),
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
  await ctx.db.transaction((tx) => applyRequestTransition(ctx, tx, id, body));
  return getInterpretationRequest(ctx, id, { audited: false });
}

/**
 * The whole of `transitionInterpretationRequest` inside the caller's transaction `tx`, without
 * reading the request back for the answer: the same checks, rows, audit event and notifications.
 * The demo year (decision 087) writes its transitions through it, and reads nothing it does not use
 * (decision 074).
 *
 * @throws AppError as `transitionInterpretationRequest`
 */
export async function applyRequestTransition(ctx: ServiceContext, tx: Transaction, id: string, body: PatchInterpretationRequestBody): Promise<void> {
  const { actor } = ctx;
  const request = await findVisibleRequest(tx, actor, id, true);
  if (!request) throw notFound('Dit duidingsverzoek');
  const edge = findTransition(request.status, body.status, rolesOnRequest(actor, request));
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
  // A draft is checked in full only now, and gets its pool reference.
  const reference = request.status === 'draft' ? await completeDraftSubmission(ctx, tx, id, request.type, request.caseTableId) : (request.reference ?? '');
  // Ending a request releases what its live assignments still hold (a declined one, from submitted, has none).
  const closeCause = CLOSE_CAUSE_OF_REQUEST_END[body.status];
  if (closeCause) {
    for (const assignment of await lockLiveForRequest(tx, id)) {
      await closeAssignment(ctx, tx, assignment, closeCause);
      if (body.status === 'withdrawn' || (body.status === 'closed' && assignment.status === 'accepted')) {
        await enqueueNotification(tx, ctx, {
          event: 'request-closed',
          reference,
          linkPath: `/requests/${id}`,
          recipients: { userIds: [assignment.specialistUserId] },
        });
      } else if (body.status === 'cancelled') {
        await enqueueNotification(tx, ctx, {
          event: 'request-cancelled',
          reference,
          linkPath: `/requests/${id}`,
          recipients: { userIds: [assignment.specialistUserId] },
        });
      }
    }
  }
  if (body.status === 'cancelled') {
    await enqueueNotification(tx, ctx, {
      event: 'request-cancelled',
      reference,
      linkPath: `/requests/${id}`,
      recipients: requesterRecipients(request),
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
    // A resubmission names the fields changed since the question (collected on its event).
    changedFields: request.status === 'needs-information' && body.status === 'submitted' ? await noteChangedFields(tx, id, []) : undefined,
    at: ctx.now(),
  });
  await audit(ctx, tx, {
    action: 'transition',
    objectType: 'interpretation-request',
    objectId: id,
    result: 'success',
    details: { from: request.status, to: body.status },
  });
  const notice = { reference, linkPath: `/requests/${id}` };
  if (body.status === 'submitted') await enqueueNotification(tx, ctx, { ...notice, event: 'request-submitted', recipients: { roles: ['coordinator'] } });
  if (body.status === 'needs-information')
    await enqueueNotification(tx, ctx, { ...notice, event: 'request-needs-information', recipients: requesterRecipients(request) });
  if (body.status === 'declined') await enqueueNotification(tx, ctx, { ...notice, event: 'request-declined', recipients: requesterRecipients(request) });
}

/**
 * The assigned specialist delivers advice on a request in progress; the request moves to
 * `advice-delivered` and the casustafel's requesters are notified (docs/design.md §4). After a
 * reopening the delivery is the advice's next version; the earlier ones stay (decision 113).
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
    // The next version: 1 at first, one more after each reopening (decision 113). The request's row
    // lock (taken above) serialises deliveries; the unique (request, version) is the last line.
    const [latest] = await tx
      .select({ version: max(schema.advice.version) })
      .from(schema.advice)
      .where(eq(schema.advice.requestId, id));
    const version = (latest?.version ?? 0) + 1;
    const [row] = await tx
      .insert(schema.advice)
      .values({ requestId: id, version, assignmentId: own.id, summary: body.summary, body: body.body, deliveredBy: actor.userId, deliveredAt: ctx.now() })
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
    await audit(ctx, tx, { action: 'deliver-advice', objectType: 'interpretation-request', objectId: id, result: 'success', details: { version } });
    await enqueueNotification(tx, ctx, {
      event: 'advice-delivered',
      reference: request.reference,
      linkPath: `/requests/${id}`,
      recipients: requesterRecipients(request),
    });
    return toAdvice(row, actor.displayName);
  });
}

/**
 * A member of the request's casustafel reopens it for more work after the advice, with a reason
 * (docs/design.md §4, decision 113): `advice-delivered → in-progress`, back to the same specialist,
 * whose accepted assignment stays live, so they log hours again and deliver the advice's next
 * version. More hours than the estimate leaves go through the normal rules (an extension request or
 * the coordinator's estimate change, each reserving within `available ≥ 0`); nothing is reserved
 * here. The timeline shows the reason; the specialist gets the content-free `request-reopened`
 * notice (reference and link only); the advice clock starts again (decision 113). Audited as
 * `reopen`.
 *
 * @throws AppError 404 `not-found` (not visible, e.g. another casustafel), 403 `forbidden` (sees it
 *   but is no member of its casustafel), 409 `invalid-transition` (not `advice-delivered`),
 *   409 `specialist-inactive` (its specialist left the pool: the coordinator assigns a follow-up
 *   instead), 422 `personal-data-detected` (reason)
 */
export async function reopenInterpretationRequest(ctx: ServiceContext, id: string, body: ReopenRequestBody): Promise<InterpretationRequest> {
  const { actor } = ctx;
  await ctx.db.transaction(async (tx) => {
    const request = await findVisibleRequest(tx, actor, id, true);
    if (!request) throw notFound('Dit duidingsverzoek');
    if (!isRequesterOf(actor, request)) throw forbidden('Alleen wie het verzoek deed (de leden van de casustafel of gemeente), heropent het.');
    const live = await lockLiveForRequest(tx, id);
    const problem = reopenProblem(request.status, rolesOnRequest(actor, request), live);
    if (problem === 'invalid-transition')
      throw invalidTransition(
        `Het verzoek is nu '${REQUEST_STATUS_LABELS_NL[request.status]}': alleen een verzoek waarvan het advies is opgeleverd, kan worden heropend.`,
      );
    if (problem === 'specialist-inactive')
      throw new AppError('specialist-inactive', 'De specialist van dit verzoek is niet meer actief in de pool; vraag de coördinator om een vervolgverzoek.');
    // The costly check of the body last, after existence, permission and state (docs/design.md §6).
    assertNoPersonalData({ reason: body.reason });
    const work = live.find((x) => x.status === 'accepted');
    await recordTransition(tx, {
      workingHours: ctx.workingHours,
      requestId: id,
      from: request.status,
      to: 'in-progress',
      actorId: actor.userId,
      actorRole: 'requester',
      reason: body.reason,
      at: ctx.now(),
    });
    await audit(ctx, tx, {
      action: 'reopen',
      objectType: 'interpretation-request',
      objectId: id,
      result: 'success',
      details: { from: request.status, to: 'in-progress', assignmentId: work?.id ?? null },
    });
    if (work) {
      await enqueueNotification(tx, ctx, {
        event: 'request-reopened',
        reference: request.reference ?? '',
        linkPath: `/requests/${id}`,
        recipients: { userIds: [work.specialistUserId] },
      });
    }
  });
  return getInterpretationRequest(ctx, id, { audited: false });
}
