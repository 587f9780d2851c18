import { type Executor, schema } from '@duidingspool/db';
import type { Role } from '@duidingspool/shared';
import { and, desc, eq, gt, or, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../lib/context.ts';
import { hasRole } from '../../lib/context.ts';
import { holdsRequest } from '../assignments/index.ts';
import { visibleTo } from './interpretation-requests.repository.ts';

const m = schema.requestMessages;
const rd = schema.requestMessageReads;
const r = schema.interpretationRequests;
const a = schema.assignments;

/** A message row with its author's name, as the thread shows it. */
export interface MessageRow {
  id: string;
  requestId: string;
  authorId: string;
  authorName: string;
  authorRole: Role;
  body: string;
  internal: boolean;
  createdAt: Date;
  seq: number;
}

/**
 * The newest `limit` messages of request `requestId`, oldest first; internal notes only when
 * `withInternal` (decision 110). Answers one more than `limit` when older ones exist, so the caller
 * can tell (`truncated`).
 */
export async function listMessages(db: Executor, requestId: string, withInternal: boolean, limit: number): Promise<MessageRow[]> {
  const rows = await db
    .select({
      id: m.id,
      requestId: m.requestId,
      authorId: m.authorId,
      authorName: schema.users.displayName,
      authorRole: m.authorRole,
      body: m.body,
      internal: m.internal,
      createdAt: m.createdAt,
      seq: m.seq,
    })
    .from(m)
    .innerJoin(schema.users, eq(schema.users.id, m.authorId))
    .where(and(eq(m.requestId, requestId), withInternal ? undefined : eq(m.internal, false)))
    .orderBy(desc(m.seq))
    .limit(limit + 1);
  return rows.reverse();
}

/**
 * The read markers of a request's participants: who read the thread up to which message, and
 * whether they may see internal notes (a coordinator, or a specialist whose assignment holds the
 * request), so a receipt on an internal note never names someone who could not read it.
 */
export async function listReaders(db: Executor, requestId: string) {
  return db
    .select({
      userId: rd.userId,
      displayName: schema.users.displayName,
      lastReadSeq: rd.lastReadSeq,
      seesInternal: sql<boolean>`(exists (select 1 from ${schema.userRoles} ur where ur.user_id = ${rd.userId} and ur.role = 'coordinator')
        or exists (select 1 from ${a} join ${schema.specialists} s on s.id = ${a.specialistId} where ${a.requestId} = ${rd.requestId} and s.user_id = ${rd.userId} and ${holdsRequest}))`,
    })
    .from(rd)
    .innerJoin(schema.users, eq(schema.users.id, rd.userId))
    .where(eq(rd.requestId, requestId));
}

/** Moves `userId`'s read marker on the request up to `seq` (never back). */
export async function markRead(db: Executor, requestId: string, userId: string, seq: number, at: Date): Promise<void> {
  await db
    .insert(rd)
    .values({ requestId, userId, lastReadSeq: seq, readAt: at })
    .onConflictDoUpdate({
      target: [rd.requestId, rd.userId],
      set: { lastReadSeq: sql`greatest(${rd.lastReadSeq}, excluded.last_read_seq)`, readAt: at },
      setWhere: sql`${rd.lastReadSeq} < excluded.last_read_seq`,
    });
}

/** Writes one message and answers its id and sequence number. */
export async function insertMessage(
  db: Executor,
  input: { requestId: string; authorId: string; authorRole: Role; body: string; internal: boolean; at: Date },
): Promise<{ id: string; seq: number }> {
  const [row] = await db
    .insert(m)
    .values({
      requestId: input.requestId,
      authorId: input.authorId,
      authorRole: input.authorRole,
      body: input.body,
      internal: input.internal,
      createdAt: input.at,
    })
    .returning({ id: m.id, seq: m.seq });
  if (!row) throw new Error('insert returned no row');
  return row;
}

/**
 * The condition under which `actor` sees the internal notes of the request row in scope
 * (decision 110): every coordinator; a specialist whose assignment holds the request.
 */
function seesInternalNotes(actor: Actor): SQL {
  const conditions: SQL[] = [];
  if (hasRole(actor, 'coordinator')) conditions.push(sql`true`);
  if (hasRole(actor, 'specialist') && actor.specialistId)
    conditions.push(sql`exists (select 1 from ${a} where ${a.requestId} = ${r.id} and ${a.specialistId} = ${actor.specialistId} and ${holdsRequest})`);
  return conditions.length > 0 ? (or(...conditions) as SQL) : sql`false`;
}

/**
 * Per request `actor` may see (the need-to-know condition of the request, decision 004), the
 * messages of others that they may see and have not read, newest activity first; at most `limit`.
 */
export async function unreadPerRequest(db: Executor, actor: Actor, limit: number) {
  return db
    .select({ requestId: r.id, reference: sql<string>`coalesce(${r.reference}, '')`, unread: sql<number>`count(*)::int` })
    .from(m)
    .innerJoin(r, eq(r.id, m.requestId))
    .leftJoin(rd, and(eq(rd.requestId, m.requestId), eq(rd.userId, actor.userId)))
    .where(
      and(
        visibleTo(actor),
        sql`${m.authorId} <> ${actor.userId}`,
        gt(m.seq, sql`coalesce(${rd.lastReadSeq}, 0)`),
        or(eq(m.internal, false), seesInternalNotes(actor)),
      ),
    )
    .groupBy(r.id, r.reference)
    .orderBy(sql`max(${m.seq}) desc`)
    .limit(limit);
}
