import { type Executor, schema } from '@duidingspool/db';
import {
  amsterdamDate,
  type CreateOfferBody,
  type DecideOfferBody,
  missingTypeFields,
  type NewRequestBody,
  type Offer,
  type OfferAction,
  type OfferListQuery,
  type OfferStatus,
  type RequestFieldIssue,
  typeFieldIssues,
} from '@duidingspool/shared';
import { and, asc, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { AppError, forbidden, invalidField, invalidTransition, notFound } from '../../errors.ts';
import { type Actor, hasRole, type ServiceContext } from '../../lib/context.ts';
import { countUpTo, iso, isoOrNull, page } from '../../lib/pagination.ts';
import { assertNoPersonalDataInOffer } from '../../lib/personal-data-guard.ts';
import { audit } from '../audit/index.ts';
import { insertInterpretationRequest } from '../interpretation-requests/index.ts';
import { enqueueNotification } from '../notifications/index.ts';
import { caseTableRetired, municipalityProblems, unknownCaseTables } from '../organisation/index.ts';
import { retiredExpertiseAreas, unknownExpertiseAreas } from '../specialists/index.ts';

const o = schema.offers;
const r = schema.interpretationRequests;
const creator = alias(schema.users, 'offer_creator');
const decider = alias(schema.users, 'offer_decider');

/** The app's page of offers: the inbox item and the mails link here. */
const OFFERS_PATH = '/offers';

/**
 * Need-to-know on offers (decision 130): coordinators see every offer; a requester sees the offers
 * made to a casustafel or municipality they are a member of; nobody else sees any.
 */
function visibleTo(actor: Actor): SQL {
  if (hasRole(actor, 'coordinator')) return sql`true`;
  if (!hasRole(actor, 'requester')) return sql`false`;
  const mine: SQL[] = [];
  if (actor.caseTableIds.length > 0) mine.push(inArray(o.caseTableId, actor.caseTableIds));
  if (actor.municipalityIds.length > 0) mine.push(inArray(o.municipalityId, actor.municipalityIds));
  return mine.length > 0 ? (or(...mine) as SQL) : sql`false`;
}

/** True when `actor` is a requester who is a member of the organisation the offer is made to. */
function isMemberOf(actor: Actor, offer: { caseTableId: string | null; municipalityId: string | null }): boolean {
  if (!hasRole(actor, 'requester')) return false;
  if (offer.caseTableId !== null) return actor.caseTableIds.includes(offer.caseTableId);
  return offer.municipalityId !== null && actor.municipalityIds.includes(offer.municipalityId);
}

/** The status an offer is shown in on `today` (Europe/Amsterdam): an open offer past its last day is `expired`. */
function shownStatus(status: Offer['status'], validUntil: string, today: string): OfferStatus {
  return status === 'open' && validUntil < today ? 'expired' : status;
}

/** The shown status in SQL, for the list filter and order. */
const shownStatusSql = (today: string) =>
  sql<OfferStatus>`(case when ${o.status} = 'open' and ${o.validUntil} < ${today}::date then 'expired' else ${o.status} end)`;

function base(db: Executor) {
  return db
    .select({
      id: o.id,
      type: o.type,
      status: o.status,
      caseTableId: o.caseTableId,
      caseTableName: schema.caseTables.name,
      municipalityId: o.municipalityId,
      municipalityName: schema.municipalities.name,
      title: o.title,
      description: o.description,
      expertiseAreaCodes: o.expertiseAreaCodes,
      deliverable: o.deliverable,
      meetingDate: o.meetingDate,
      audiences: o.audiences,
      expectedParticipants: o.expectedParticipants,
      place: o.place,
      validUntil: o.validUntil,
      createdByName: creator.displayName,
      createdAt: o.createdAt,
      decidedByName: decider.displayName,
      decidedAt: o.decidedAt,
      declineReason: o.declineReason,
      requestId: r.id,
      requestReference: r.reference,
      // Retired since the offer was made: its casustafel, municipality or one of its expertise areas.
      partyRetired: sql<boolean>`(${schema.caseTables.retiredAt} is not null or ${schema.municipalities.retiredAt} is not null or exists (select 1 from ${schema.expertiseAreas} e where e.code = any(${o.expertiseAreaCodes}) and e.retired_at is not null))`,
    })
    .from(o)
    .leftJoin(schema.caseTables, eq(schema.caseTables.id, o.caseTableId))
    .leftJoin(schema.municipalities, eq(schema.municipalities.id, o.municipalityId))
    .innerJoin(creator, eq(creator.id, o.createdBy))
    .leftJoin(decider, eq(decider.id, o.decidedBy))
    .leftJoin(r, eq(r.originOfferId, o.id));
}

type Row = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number];

/**
 * What `actor` may do with an offer shown in `status` (the UI offers only these): only an open offer
 * changes — a member of its organisation accepts or declines it (only declines it once its party or
 * an expertise area was retired), a coordinator withdraws it.
 */
function offerActions(actor: Actor, offer: Pick<Row, 'caseTableId' | 'municipalityId' | 'partyRetired'>, status: OfferStatus): OfferAction[] {
  if (status !== 'open') return [];
  // Retired since it was made, an offer can no longer become a request (409 `retired`): it can still be declined or withdrawn.
  const member = isMemberOf(actor, offer) ? (offer.partyRetired === true ? (['decline'] as const) : (['accept', 'decline'] as const)) : [];
  return [...member, ...(hasRole(actor, 'coordinator') ? (['withdraw'] as const) : [])];
}

function toDto(actor: Actor, today: string, { requestId, requestReference, partyRetired, ...row }: Row): Offer {
  const status = shownStatus(row.status, row.validUntil, today);
  return {
    ...row,
    status,
    expertiseAreaCodes: [...row.expertiseAreaCodes].sort(),
    createdAt: iso(row.createdAt),
    decidedAt: isoOrNull(row.decidedAt),
    request: requestId ? { id: requestId, reference: requestReference } : null,
    allowedActions: offerActions(actor, { ...row, partyRetired }, status),
  };
}

async function findOne(ctx: ServiceContext, id: string): Promise<Offer | null> {
  const [row] = await base(ctx.db).where(and(eq(o.id, id), visibleTo(ctx.actor)));
  return row ? toDto(ctx.actor, amsterdamDate(ctx.now()), row) : null;
}

/**
 * A page of the offers the actor may see (coordinators: all; requesters: those made to their
 * casustafels and municipalities), open ones first, newest first; `status` filters on the shown status.
 */
export async function listOffers(ctx: ServiceContext, q: OfferListQuery) {
  const today = amsterdamDate(ctx.now());
  const where = and(visibleTo(ctx.actor), q.status ? eq(shownStatusSql(today), q.status) : undefined);
  return page(
    q,
    ({ limit, offset }) =>
      base(ctx.db)
        .where(where)
        .orderBy(sql`${shownStatusSql(today)} = 'open' desc`, desc(o.createdAt), asc(o.id))
        .limit(limit)
        .offset(offset),
    (cap) => countUpTo(ctx.db, ctx.db.select({ one: sql`1` }).from(o).where(where), cap),
    (row) => toDto(ctx.actor, today, row),
  );
}

/**
 * One offer, if the actor may see it (docs/design.md §2): 404 for another organisation's offer.
 *
 * @throws AppError 404 `not-found`
 */
export async function getOffer(ctx: ServiceContext, id: string): Promise<Offer> {
  const offer = await findOne(ctx, id);
  if (!offer) throw notFound('Dit aanbod');
  return offer;
}

/** The offer's work as the request fields of its type (the description is the request's question). */
function requestFieldsOf(
  body: Pick<CreateOfferBody, 'description' | 'expertiseAreaCodes' | 'deliverable' | 'meetingDate' | 'audiences' | 'expectedParticipants' | 'place'>,
) {
  return {
    question: body.description,
    expertiseAreaCodes: body.expertiseAreaCodes,
    urgency: 'regular' as const,
    deliverable: body.deliverable,
    meetingDate: body.meetingDate,
    audiences: body.audiences,
    expectedParticipants: body.expectedParticipants,
    place: body.place,
  };
}

/** 400 `validation-failed` on the offer's own field names (the request's `question` is the offer's `description`). */
function fieldProblem(issues: readonly RequestFieldIssue[], detail: string): AppError {
  const errors = issues.map((i) => ({
    in: 'body' as const,
    pointer: `/${i.path.map((p) => (p === 'question' ? 'description' : p)).join('/')}`,
    message: i.message,
    code: i.code,
  }));
  return new AppError('validation-failed', `${detail}: ${errors.map((e) => e.pointer).join(', ')}.`, { errors });
}

/** 409 `retired` on `pointer`: a retired organisation or expertise area takes nothing new (decision 081). */
const retired = (pointer: string, what: string) =>
  new AppError('retired', `${what} is opgeheven en neemt geen nieuw aanbod aan.`, {
    errors: [{ in: 'body', pointer, message: `${what.toLowerCase()} is opgeheven`, code: 'retired' }],
  });

/**
 * The coordinator offers work to one casustafel or municipality (docs/design.md §4, decision 130).
 * The fields follow the rules of the offered request type (`REQUEST_TYPE_RULES`): a field the type
 * does not take or a required one left out answers 400 on it. The organisation's members get an
 * inbox item and a mail without content.
 *
 * @throws AppError 400 `validation-failed` (no or two organisations, unknown casustafel or
 *   municipality, unknown expertise area, fields that do not fit the type, last day in the past),
 *   409 `retired` (the organisation or an expertise area is retired), 422 `personal-data-detected`
 */
export async function createOffer(ctx: ServiceContext, body: CreateOfferBody): Promise<Offer> {
  const caseTableId = body.caseTableId ?? null;
  const municipalityId = body.municipalityId ?? null;
  if ((caseTableId === null) === (municipalityId === null))
    throw invalidField(caseTableId === null ? '/caseTableId' : '/municipalityId', 'kies één casustafel of één gemeente');
  const fields = requestFieldsOf(body);
  const misfits = typeFieldIssues(body.type, fields);
  if (misfits.length > 0) throw fieldProblem(misfits, 'Dit hoort niet bij dit soort aanbod');
  const missing = missingTypeFields(body.type, fields);
  if (missing.length > 0) throw fieldProblem(missing, 'Het aanbod is nog niet compleet');
  const today = amsterdamDate(ctx.now());
  if (body.validUntil < today) throw invalidField('/validUntil', 'deze dag is al voorbij');
  // What is offered for a date must still lie ahead, and the answer must come before it.
  if (body.meetingDate !== undefined && body.meetingDate !== null) {
    if (body.meetingDate < today) throw invalidField('/meetingDate', 'deze dag is al voorbij');
    if (body.validUntil > body.meetingDate) throw invalidField('/validUntil', 'na de datum van het aanbod: kies uiterlijk die dag');
  }
  const id = await ctx.db.transaction(async (tx) => {
    if (caseTableId !== null) {
      if ((await unknownCaseTables(tx, [caseTableId])).length > 0) throw invalidField('/caseTableId', 'onbekende casustafel');
      if (await caseTableRetired(tx, caseTableId)) throw retired('/caseTableId', 'Deze casustafel');
    }
    if (municipalityId !== null) {
      const problems = await municipalityProblems(tx, [municipalityId]);
      if (problems.unknown.length > 0) throw invalidField('/municipalityId', 'onbekende gemeente');
      if (problems.retired.length > 0) throw retired('/municipalityId', 'Deze gemeente');
    }
    const codes = [...new Set(body.expertiseAreaCodes)];
    const [unknownCode] = await unknownExpertiseAreas(tx, codes);
    if (unknownCode !== undefined)
      throw invalidField(`/expertiseAreaCodes/${body.expertiseAreaCodes.indexOf(unknownCode)}`, `onbekend expertisegebied ${unknownCode}`);
    const [retiredCode] = await retiredExpertiseAreas(tx, codes);
    if (retiredCode !== undefined) throw retired(`/expertiseAreaCodes/${body.expertiseAreaCodes.indexOf(retiredCode)}`, `Het expertisegebied ${retiredCode}`);
    // The costly check of the body last, after the references (docs/design.md §6).
    assertNoPersonalDataInOffer({ title: body.title, description: body.description, place: body.place });
    const [row] = await tx
      .insert(o)
      .values({
        type: body.type,
        caseTableId,
        municipalityId,
        title: body.title.trim(),
        description: body.description,
        expertiseAreaCodes: codes,
        deliverable: body.deliverable,
        meetingDate: body.meetingDate ?? null,
        audiences: [...new Set(body.audiences ?? [])],
        expectedParticipants: body.expectedParticipants ?? null,
        place: body.place?.trim() || null,
        validUntil: body.validUntil,
        createdBy: ctx.actor.userId,
        createdAt: ctx.now(),
      })
      .returning({ id: o.id });
    if (!row) throw new Error('insert returned no row');
    await audit(ctx, tx, {
      action: 'create',
      objectType: 'offer',
      objectId: row.id,
      result: 'success',
      details: { type: body.type, caseTableId, municipalityId },
    });
    await enqueueNotification(tx, ctx, {
      event: 'offer-made',
      reference: null,
      linkPath: OFFERS_PATH,
      recipients: caseTableId !== null ? { caseTableId } : { municipalityId: municipalityId ?? '' },
    });
    return row.id;
  });
  return getOffer(ctx, id);
}

/**
 * Decides on an open offer (docs/design.md §4, decision 130):
 * - `accepted` by a member of its organisation: a request of the offered type is made and submitted
 *   at once through the interpretation-requests module (`insertInterpretationRequest`), so it enters
 *   triage; its requester is the member, its origin this offer. An offer to a casustafel names the
 *   municipality the work is for (`municipalityId`, one the casustafel serves).
 * - `declined` by a member, with an optional reason; the coordinators are told.
 * - `withdrawn` by a coordinator.
 * An expired or decided offer is read-only. All in one transaction: nothing is written on a refusal.
 *
 * @throws AppError 404 `not-found` (not the actor's organisation), 403 `forbidden` (a coordinator
 *   accepting, a member withdrawing), 409 `invalid-transition` (decided or expired), 400
 *   `validation-failed` (a field that does not belong to the decision, no or a wrong municipality),
 *   409 `retired`, 422 `personal-data-detected`
 */
export async function decideOffer(ctx: ServiceContext, id: string, body: DecideOfferBody): Promise<Offer> {
  const { actor } = ctx;
  await ctx.db.transaction(async (tx) => {
    const [offer] = await tx
      .select()
      .from(o)
      .where(and(eq(o.id, id), visibleTo(actor)))
      .for('update');
    if (!offer) throw notFound('Dit aanbod');
    if (body.status === 'withdrawn' ? !hasRole(actor, 'coordinator') : !isMemberOf(actor, offer))
      throw forbidden(
        body.status === 'withdrawn' ? 'Alleen de coördinator trekt een aanbod in.' : 'Alleen de leden van de casustafel of gemeente beslissen over dit aanbod.',
      );
    const status = shownStatus(offer.status, offer.validUntil, amsterdamDate(ctx.now()));
    if (status !== 'open')
      throw invalidTransition(status === 'expired' ? 'Dit aanbod is verlopen en kan niet meer veranderen.' : 'Over dit aanbod is al beslist.');
    if (body.reason !== undefined && body.status !== 'declined') throw invalidField('/reason', 'een reden hoort alleen bij afwijzen');
    if (body.municipalityId !== undefined && body.status !== 'accepted') throw invalidField('/municipalityId', 'een gemeente hoort alleen bij aannemen');
    const now = ctx.now();
    if (body.status === 'accepted') {
      let municipalityId = offer.municipalityId;
      if (offer.caseTableId !== null) {
        if (!body.municipalityId) throw invalidField('/municipalityId', 'kies de gemeente waarvoor het werk is');
        municipalityId = body.municipalityId;
      } else if (body.municipalityId !== undefined && body.municipalityId !== offer.municipalityId) {
        throw invalidField('/municipalityId', 'het aanbod is gedaan aan een andere gemeente');
      }
      const request: NewRequestBody = {
        type: offer.type,
        ...(offer.caseTableId !== null ? { caseTableId: offer.caseTableId } : {}),
        ...(municipalityId !== null ? { municipalityId } : {}),
        question: `${offer.title}\n\n${offer.description}`,
        expertiseAreaCodes: offer.expertiseAreaCodes,
        urgency: 'regular',
        deliverable: offer.deliverable,
        ...(offer.meetingDate !== null ? { meetingDate: offer.meetingDate } : {}),
        ...(offer.audiences.length > 0 ? { audiences: offer.audiences } : {}),
        ...(offer.expectedParticipants !== null ? { expectedParticipants: offer.expectedParticipants } : {}),
        ...(offer.place !== null ? { place: offer.place } : {}),
        submit: true,
      };
      const requestId = await insertInterpretationRequest(ctx, tx, request, { originOfferId: offer.id });
      await tx.update(o).set({ status: 'accepted', decidedBy: actor.userId, decidedAt: now }).where(eq(o.id, id));
      await audit(ctx, tx, { action: 'accept-offer', objectType: 'offer', objectId: id, result: 'success', details: { requestId } });
      return;
    }
    if (body.status === 'declined') {
      // The costly check of the body last, after existence, permission and state (docs/design.md §6).
      assertNoPersonalDataInOffer({ reason: body.reason });
      await tx
        .update(o)
        .set({ status: 'declined', declineReason: body.reason?.trim() || null, decidedBy: actor.userId, decidedAt: now })
        .where(eq(o.id, id));
      await audit(ctx, tx, { action: 'decline-offer', objectType: 'offer', objectId: id, result: 'success' });
      await enqueueNotification(tx, ctx, {
        event: 'offer-declined',
        reference: null,
        linkPath: OFFERS_PATH,
        recipients: { anyOf: [{ roles: ['coordinator'] }, { userIds: [offer.createdBy] }] },
      });
      return;
    }
    await tx.update(o).set({ status: 'withdrawn', decidedBy: actor.userId, decidedAt: now }).where(eq(o.id, id));
    await audit(ctx, tx, { action: 'withdraw-offer', objectType: 'offer', objectId: id, result: 'success' });
  });
  return getOffer(ctx, id);
}
