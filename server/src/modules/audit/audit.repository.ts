import { type Executor, schema } from '@duidingspool/db';
import { type AuditEvent, type AuditEventFilter, dateRangeReversed } from '@duidingspool/shared';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import { countUpTo, iso, type Seek, seekCursor, seekOrder } from '../../lib/pagination.ts';
import { aboutReference, objectLabel } from './audit-log.read-model.ts';

const ev = schema.auditEvents;

/**
 * The WHERE of the audit-log filters; dates are whole days in Europe/Amsterdam, `reference` finds a
 * request and everything on it.
 *
 * @throws AppError 400 `validation-failed` on `/toDate` when the range ends before it starts
 */
export function auditFilter(f: AuditEventFilter): SQL | undefined {
  if (dateRangeReversed(f.fromDate, f.toDate)) {
    throw new AppError('validation-failed', 'De einddatum ligt vóór de begindatum.', {
      errors: [{ in: 'query', pointer: '/toDate', message: 'ligt vóór de begindatum', code: 'before-start' }],
    });
  }
  const filters: SQL[] = [];
  if (f.reference) filters.push(aboutReference(f.reference));
  if (f.actorId) filters.push(eq(ev.actorId, f.actorId));
  if (f.action) filters.push(eq(ev.action, f.action));
  if (f.objectType) filters.push(eq(ev.objectType, f.objectType));
  if (f.objectId) filters.push(eq(ev.objectId, f.objectId));
  if (f.result) filters.push(eq(ev.result, f.result));
  if (f.fromDate) filters.push(sql`${ev.occurredAt} >= (${f.fromDate}::date)::timestamp at time zone 'Europe/Amsterdam'`);
  if (f.toDate) filters.push(sql`${ev.occurredAt} < (${f.toDate}::date + 1)::timestamp at time zone 'Europe/Amsterdam'`);
  return filters.length > 0 ? and(...filters) : undefined;
}

/** The audit log's order: newest first, id as tiebreaker (indexes `audit_events_*`, decision 071). */
export const AUDIT_SEEK: Seek = {
  name: 'audit-events',
  keys: [
    { expr: ev.occurredAt, type: 'timestamptz', desc: true, notNull: true },
    { expr: ev.id, type: 'bigint', desc: true, notNull: true },
  ],
};

/**
 * Audit events matching `where` (and past cursor condition `after`, see `page()`), newest first
 * (id as tiebreaker), each with its `cursor` in `AUDIT_SEEK`.
 */
export async function selectAuditEvents(
  db: Executor,
  where: SQL | undefined,
  limit: number,
  offset: number,
  after?: SQL,
): Promise<(AuditEvent & { cursor: string })[]> {
  const rows = await db
    .select({
      id: ev.id,
      occurredAt: ev.occurredAt,
      actorId: ev.actorId,
      actorName: schema.users.displayName,
      action: ev.action,
      objectType: ev.objectType,
      objectId: ev.objectId,
      objectLabel: objectLabel(),
      result: ev.result,
      ip: sql<string | null>`host(${ev.ip})`,
      userAgent: ev.userAgent,
      details: ev.details,
      cursor: seekCursor(AUDIT_SEEK),
    })
    .from(ev)
    .leftJoin(schema.users, eq(schema.users.id, ev.actorId))
    .where(and(where, after))
    .orderBy(...seekOrder(AUDIT_SEEK))
    .limit(limit)
    .offset(offset);
  return rows.map((r) => ({
    ...r,
    occurredAt: iso(r.occurredAt),
  }));
}

/** How many audit events match `where`, counted up to `cap + 1` (`countUpTo`). */
export async function countAuditEvents(db: Executor, where: SQL | undefined, cap: number): Promise<number> {
  const [row] = await countUpTo(db, db.select({ one: sql`1` }).from(ev).where(where), cap);
  return row?.n ?? 0;
}
