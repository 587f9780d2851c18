import { type Executor, schema } from '@duidingspool/db';
import {
  amsterdamDate,
  REACH_CATEGORIES,
  REACH_REQUEST_STATUSES,
  REQUEST_STATUS_LABELS_NL,
  REQUEST_TYPE_RULES,
  type ReachCategory,
  type RecordReachBody,
  type RequestReach,
  type RequestStatus,
  type RequestType,
  reachTotals,
} from '@duidingspool/shared';
import { asc, eq } from 'drizzle-orm';
import { forbidden, invalidTransition, notFound } from '../../errors.ts';
import type { Actor, ServiceContext } from '../../lib/context.ts';
import { iso } from '../../lib/pagination.ts';
import { type AssignmentRecord, listForRequest } from '../assignments/index.ts';
import { audit } from '../audit/index.ts';
import { findVisibleRequest } from './interpretation-requests.repository.ts';

const rr = schema.requestReach;

/**
 * The recorded participants of a training or information session with their totals, or null when
 * none were recorded (or the type records none). docs/design.md §12.
 */
export async function reachOf(db: Executor, requestId: string, type: RequestType): Promise<RequestReach | null> {
  if (!REQUEST_TYPE_RULES[type].reach) return null;
  const rows = await db
    .select({ category: rr.category, participants: rr.participants, recordedAt: rr.recordedAt, recordedByName: schema.users.displayName })
    .from(rr)
    .innerJoin(schema.users, eq(schema.users.id, rr.recordedBy))
    .where(eq(rr.requestId, requestId))
    .orderBy(asc(rr.category));
  const [first] = rows;
  if (!first) return null;
  const participants = Object.fromEntries(REACH_CATEGORIES.map((c) => [c, rows.find((x) => x.category === c)?.participants ?? 0])) as Record<
    ReachCategory,
    number
  >;
  return { participants, ...reachTotals(type, participants), recordedAt: iso(first.recordedAt), recordedByName: first.recordedByName };
}

/**
 * Why the actor may not record the reach of this request now, or null when they may: the request
 * is a training or information session, in progress or with its advice delivered, its date has
 * come (Europe/Amsterdam), and the actor's accepted assignment on it is live (docs/design.md §12).
 */
function reachRefusal(
  actor: Actor,
  request: { type: RequestType; status: RequestStatus; meetingDate: string | null },
  records: readonly AssignmentRecord[],
  now: Date,
): 'forbidden' | 'state' | null {
  const own = records.find((x) => x.specialistId === actor.specialistId && x.status === 'accepted' && x.closedAt === null);
  if (!actor.specialistId || !own) return 'forbidden';
  if (!REQUEST_TYPE_RULES[request.type].reach) return 'state';
  if (!REACH_REQUEST_STATUSES.includes(request.status)) return 'state';
  if (request.meetingDate === null || request.meetingDate > amsterdamDate(now)) return 'state';
  return null;
}

/** True when `actor` may record the participants now (`allowedActions: ['record-reach']`). */
export function mayRecordReach(
  actor: Actor,
  request: { type: RequestType; status: RequestStatus; meetingDate: string | null },
  records: readonly AssignmentRecord[],
  now: Date,
): boolean {
  return reachRefusal(actor, request, records, now) === null;
}

/**
 * The specialist of the accepted assignment records (or corrects) how many people took part in a
 * training or information session, per audience category (docs/design.md §12). Replaces what was
 * recorded before; counts only, so no personal-data check is needed. Audited with the totals.
 *
 * @throws AppError 404 `not-found`, 403 `forbidden` (not the specialist of its accepted assignment),
 *   409 `invalid-transition` (another type, not in progress or delivered, or before the session's date)
 */
export async function recordReach(ctx: ServiceContext, requestId: string, body: RecordReachBody): Promise<RequestReach> {
  const { actor } = ctx;
  return ctx.db.transaction(async (tx) => {
    const request = await findVisibleRequest(tx, actor, requestId, true);
    if (!request) throw notFound('Dit duidingsverzoek');
    const records = actor.specialistId ? await listForRequest(tx, requestId, actor.specialistId) : [];
    const refusal = reachRefusal(actor, request, records, ctx.now());
    if (refusal === 'forbidden') throw forbidden('Alleen de specialist die de inzet aannam legt de deelnemers vast.');
    if (refusal === 'state')
      throw invalidTransition(
        `Deelnemers worden vastgelegd bij een training of voorlichting op of na de datum ervan, zolang het verzoek loopt (nu: ${REQUEST_STATUS_LABELS_NL[request.status]}).`,
      );
    const at = ctx.now();
    await tx.delete(rr).where(eq(rr.requestId, requestId));
    await tx
      .insert(rr)
      .values(
        REACH_CATEGORIES.map((category) => ({ requestId, category, participants: body.participants[category] ?? 0, recordedBy: actor.userId, recordedAt: at })),
      );
    const totals = reachTotals(request.type, body.participants);
    await audit(ctx, tx, { action: 'record-reach', objectType: 'interpretation-request', objectId: requestId, result: 'success', details: totals });
    const reach = await reachOf(tx, requestId, request.type);
    if (!reach) throw new Error('reach vanished');
    return reach;
  });
}
