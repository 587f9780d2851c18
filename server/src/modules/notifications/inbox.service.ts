import { type Database, schema } from '@duidingspool/db';
import { type InboxItem, type InboxList, type InboxListQuery, type InboxSummary, LIST_TOTAL_CAP } from '@duidingspool/shared';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { notFound } from '../../errors.ts';
import type { Actor, RequestOrigin } from '../../lib/context.ts';
import { countUpTo, iso, isoOrNull, page, type Seek, seekCursor, seekOrder } from '../../lib/pagination.ts';
import { audit } from '../audit/index.ts';

const i = schema.inboxItems;

/** The inbox's order: newest first, id as tiebreaker (indexes `inbox_items_list`, `inbox_items_unread`; decision 071). */
const INBOX_SEEK: Seek = {
  name: 'inbox',
  keys: [
    { expr: i.createdAt, type: 'timestamptz', desc: true, notNull: true },
    { expr: i.id, type: 'uuid', desc: true, notNull: true },
  ],
};

type InboxRow = typeof i.$inferSelect;

/** An inbox row in the contract's shape; unknown parameters are dropped (the response schema is the allowlist). */
function toInboxItem(r: InboxRow): InboxItem {
  const p = (r.params ?? {}) as Record<string, unknown>;
  const params: InboxItem['params'] = {};
  if (typeof p.year === 'number') params.year = p.year;
  if (typeof p.thresholdPercent === 'number') params.thresholdPercent = p.thresholdPercent;
  if (typeof p.lineName === 'string') params.lineName = p.lineName;
  if (p.urgency === 'regular' || p.urgency === 'urgent') params.urgency = p.urgency;
  if (typeof p.specialistName === 'string') params.specialistName = p.specialistName;
  if (typeof p.validUntil === 'string') params.validUntil = p.validUntil;
  return {
    id: r.id,
    event: r.event,
    reference: r.reference,
    linkPath: r.linkPath,
    params,
    createdAt: iso(r.createdAt),
    readAt: isoOrNull(r.readAt),
  };
}

/** The number of the actor's unread items, counted up to `LIST_TOTAL_CAP` + 1 at most. */
async function unreadCount(db: Database, userId: string): Promise<number> {
  const [row] = await countUpTo(
    db,
    db
      .select({ one: sql`1` })
      .from(i)
      .where(and(eq(i.userId, userId), isNull(i.readAt))),
    LIST_TOTAL_CAP,
  );
  return Math.min(row?.n ?? 0, LIST_TOTAL_CAP);
}

/**
 * A page of the actor's own inbox, newest first (deep pages by cursor), with the number of unread
 * items; `unread: 'true'` lists only those. Nobody sees another user's items (decision 121).
 */
export async function listInbox(db: Database, actor: Actor, q: InboxListQuery): Promise<InboxList> {
  const where = and(eq(i.userId, actor.userId), q.unread === 'true' ? isNull(i.readAt) : undefined);
  const list = await page(
    q,
    ({ limit, offset, after }) =>
      db
        .select({ row: i, cursor: seekCursor(INBOX_SEEK) })
        .from(i)
        .where(and(where, after))
        .orderBy(...seekOrder(INBOX_SEEK))
        .limit(limit)
        .offset(offset),
    (cap) => countUpTo(db, db.select({ one: sql`1` }).from(i).where(where), cap),
    ({ row }) => toInboxItem(row),
    { seek: INBOX_SEEK, cursorOf: (row) => row.cursor },
  );
  return { ...list, unread: await unreadCount(db, actor.userId) };
}

/** The number of the actor's unread items (for the menu). */
export async function inboxSummary(db: Database, actor: Actor): Promise<InboxSummary> {
  return { unread: await unreadCount(db, actor.userId) };
}

/**
 * Marks one of the actor's own items read (now) or unread; audited. Reading it again keeps the
 * first time it was read.
 *
 * @throws AppError 404 `not-found` for an item that is not the actor's (or does not exist)
 */
export async function markInboxItem(db: Database, actor: Actor, origin: RequestOrigin, id: string, read: boolean): Promise<InboxItem> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(i)
      .set({ readAt: read ? sql`coalesce(${i.readAt}, now())` : null })
      .where(and(eq(i.id, id), eq(i.userId, actor.userId)))
      .returning();
    if (!row) throw notFound('Deze melding');
    await audit({ actor, origin }, tx, { action: read ? 'mark-read' : 'mark-unread', objectType: 'inbox-item', objectId: id, result: 'success' });
    return toInboxItem(row);
  });
}

/** Marks every unread item of the actor read; audited with the number marked. */
export async function markAllInboxRead(db: Database, actor: Actor, origin: RequestOrigin): Promise<InboxSummary> {
  return db.transaction(async (tx) => {
    const marked = await tx
      .update(i)
      .set({ readAt: sql`now()` })
      .where(and(eq(i.userId, actor.userId), isNull(i.readAt)))
      .returning({ id: i.id });
    await audit({ actor, origin }, tx, {
      action: 'mark-all-read',
      objectType: 'inbox-item',
      objectId: null,
      result: 'success',
      details: { count: marked.length },
    });
    return { unread: 0 };
  });
}
