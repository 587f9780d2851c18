import { type Executor, schema } from '@duidingspool/db';
import type { CreateExtensionBody, DecideExtensionBody, ExtensionAction, ExtensionListQuery, ExtensionRequest } from '@duidingspool/shared';
import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import { forbidden, invalidTransition, notFound } from '../../errors.ts';
import { type Actor, hasRole, type ServiceContext } from '../../lib/context.ts';
import { countUpTo, iso, isoOrNull, page } from '../../lib/pagination.ts';
import { assertNoPersonalData } from '../../lib/personal-data-guard.ts';
import { assertNotOwnWork, isOwnWork } from '../../lib/separation-of-duties.ts';
import { assignmentsVisibleTo, changeEstimate, findAssignment } from '../assignments/index.ts';
import { audit } from '../audit/index.ts';
import { enqueueNotification } from '../notifications/index.ts';

const x = schema.extensionRequests;
const a = schema.assignments;

/** Extension requests `actor` may see: coordinators all, specialists those on their own assignments. */
function visibleTo(actor: Actor): SQL {
  if (hasRole(actor, 'coordinator')) return sql`true`;
  if (hasRole(actor, 'specialist') && actor.specialistId) return eq(a.specialistId, actor.specialistId);
  return sql`false`;
}

function base(db: Executor) {
  return db
    .select({
      id: x.id,
      assignmentId: x.assignmentId,
      requestReference: sql<string>`coalesce(${schema.interpretationRequests.reference}, '')`,
      specialistName: schema.users.displayName,
      specialistUserId: schema.specialists.userId,
      extraMinutes: x.extraMinutes,
      reason: x.reason,
      status: x.status,
      decisionReason: x.decisionReason,
      decisionReasonCode: x.decisionReasonCode,
      requestedAt: x.requestedAt,
      decidedAt: x.decidedAt,
    })
    .from(x)
    .innerJoin(a, eq(a.id, x.assignmentId))
    .innerJoin(schema.interpretationRequests, eq(schema.interpretationRequests.id, a.requestId))
    .innerJoin(schema.specialists, eq(schema.specialists.id, a.specialistId))
    .innerJoin(schema.users, eq(schema.users.id, schema.specialists.userId));
}

type Row = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number];

/**
 * What `actor` may do with an extension request now (the UI offers only these): a coordinator
 * grants or refuses an open one, except on their own assignment (separation of duties, docs/design.md §2).
 */
function extensionActions(actor: Actor, r: Pick<Row, 'status' | 'specialistUserId'>): ExtensionAction[] {
  return r.status === 'requested' && hasRole(actor, 'coordinator') && !isOwnWork(actor, r.specialistUserId) ? ['grant', 'refuse'] : [];
}

const toDto = (actor: Actor, { specialistUserId, ...r }: Row): ExtensionRequest => ({
  ...r,
  requestedAt: iso(r.requestedAt),
  decidedAt: isoOrNull(r.decidedAt),
  allowedActions: extensionActions(actor, { status: r.status, specialistUserId }),
});

async function findOne(db: Executor, actor: Actor, id: string): Promise<ExtensionRequest | null> {
  const [row] = await base(db).where(and(eq(x.id, id), visibleTo(actor)));
  return row ? toDto(actor, row) : null;
}

/** A page of extension requests the actor may see, open ones first, newest first. */
export async function listExtensionRequests(ctx: ServiceContext, q: ExtensionListQuery) {
  const where = and(visibleTo(ctx.actor), q.status ? eq(x.status, q.status) : undefined);
  return page(
    q,
    ({ limit, offset }) => base(ctx.db).where(where).orderBy(sql`${x.status} = 'requested' desc`, desc(x.requestedAt), asc(x.id)).limit(limit).offset(offset),
    (cap) => countUpTo(ctx.db, ctx.db.select({ one: sql`1` }).from(x).innerJoin(a, eq(a.id, x.assignmentId)).where(where), cap),
    (row) => toDto(ctx.actor, row),
  );
}

/**
 * The assigned specialist asks for `extraMinutes` more on an accepted, open assignment, with a
 * reason. Coordinators are notified through the outbox. No money moves yet.
 *
 * @throws AppError 404 `not-found`, 403 `forbidden`, 409 `invalid-transition`, 422 `personal-data-detected`
 */
export async function requestExtension(ctx: ServiceContext, assignmentId: string, body: CreateExtensionBody): Promise<ExtensionRequest> {
  const id = await ctx.db.transaction(async (tx) => {
    const assignment = await findAssignment(tx, assignmentId, assignmentsVisibleTo(ctx.actor), true);
    if (!assignment) throw notFound('Deze inzet');
    if (assignment.specialistId !== ctx.actor.specialistId) throw forbidden('Alleen de toegewezen specialist kan meer uren vragen.');
    if (assignment.status !== 'accepted' || assignment.closedAt !== null)
      throw invalidTransition('Meer uren vragen kan alleen op een aangenomen, lopende inzet.');
    // The costly check of the body last, after existence, permission and state (docs/design.md §6).
    assertNoPersonalData({ reason: body.reason });
    const [row] = await tx
      .insert(x)
      .values({ assignmentId, extraMinutes: body.extraMinutes, reason: body.reason, requestedBy: ctx.actor.userId, requestedAt: ctx.now() })
      .returning({ id: x.id });
    if (!row) throw new Error('insert returned no row');
    await audit(ctx, tx, {
      action: 'request-extension',
      objectType: 'extension-request',
      objectId: row.id,
      result: 'success',
      details: { assignmentId, extraMinutes: body.extraMinutes },
    });
    await enqueueNotification(tx, ctx, {
      event: 'extension-requested',
      reference: assignment.requestReference,
      linkPath: `/assignments/${assignmentId}`,
      recipients: { roles: ['coordinator'] },
    });
    return row.id;
  });
  const created = await findOne(ctx.db, ctx.actor, id);
  if (!created) throw new Error('extension request vanished');
  return created;
}

/**
 * The coordinator grants (the estimate rises by the extra minutes; the raise is reserved and must
 * fit in the budget) or refuses (with a reason) an open extension request; the specialist is
 * notified. Nobody decides on an extension of their own assignment (separation of duties).
 *
 * @throws AppError 404 `not-found`, 403 `separation-of-duties`, 409 `invalid-transition` (already
 *   decided, assignment closed), `budget-exceeded` (with `availableCents`); 422 `personal-data-detected`
 */
export async function decideExtension(ctx: ServiceContext, id: string, body: DecideExtensionBody): Promise<ExtensionRequest> {
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(x).where(eq(x.id, id)).for('update');
    if (!row) throw notFound('Dit verzoek om meer uren');
    const assignment = await findAssignment(tx, row.assignmentId, assignmentsVisibleTo(ctx.actor), true);
    if (!assignment) throw notFound('Deze inzet');
    assertNotOwnWork(ctx.actor, assignment.specialistUserId, 'over meer uren op uw eigen inzet beslissen');
    if (row.status !== 'requested') throw invalidTransition(`Dit verzoek is al ${row.status === 'granted' ? 'toegekend' : 'geweigerd'}.`);
    // The costly check of the body last, after existence, permission and state (docs/design.md §6).
    assertNoPersonalData({ reason: body.reason });
    if (body.status === 'granted') await changeEstimate(ctx, tx, assignment, assignment.estimatedMinutes + row.extraMinutes);
    await tx
      .update(x)
      .set({ status: body.status, decisionReason: body.reason ?? null, decidedBy: ctx.actor.userId, decidedAt: ctx.now() })
      .where(eq(x.id, id));
    await audit(ctx, tx, {
      action: body.status === 'granted' ? 'grant-extension' : 'refuse-extension',
      objectType: 'extension-request',
      objectId: id,
      result: 'success',
    });
    await enqueueNotification(tx, ctx, {
      event: body.status === 'granted' ? 'extension-granted' : 'extension-refused',
      reference: assignment.requestReference,
      linkPath: `/assignments/${assignment.id}`,
      recipients: { userIds: [assignment.specialistUserId] },
    });
  });
  const decided = await findOne(ctx.db, ctx.actor, id);
  if (!decided) throw new Error('extension request vanished');
  return decided;
}
