import { type Executor, schema } from '@duidingspool/db';
import type { AuditEvent, AuditEventFilter } from '@duidingspool/shared';
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import { iso } from '../../lib/pagination.ts';

const ev = schema.auditEvents;

/** The WHERE of the audit-log filters; dates are whole days in Europe/Amsterdam. */
export function auditFilter(f: AuditEventFilter): SQL | undefined {
  const filters: SQL[] = [];
  if (f.actorId) filters.push(eq(ev.actorId, f.actorId));
  if (f.action) filters.push(eq(ev.action, f.action));
  if (f.objectType) filters.push(eq(ev.objectType, f.objectType));
  if (f.objectId) filters.push(eq(ev.objectId, f.objectId));
  if (f.result) filters.push(eq(ev.result, f.result));
  if (f.fromDate) filters.push(sql`${ev.occurredAt} >= (${f.fromDate}::date)::timestamp at time zone 'Europe/Amsterdam'`);
  if (f.toDate) filters.push(sql`${ev.occurredAt} < (${f.toDate}::date + 1)::timestamp at time zone 'Europe/Amsterdam'`);
  return filters.length > 0 ? and(...filters) : undefined;
}

/** Audit events matching `where`, newest first (id as tiebreaker). */
export async function selectAuditEvents(db: Executor, where: SQL | undefined, limit: number, offset: number): Promise<AuditEvent[]> {
  const rows = await db
    .select({
      id: ev.id,
      occurredAt: ev.occurredAt,
      actorId: ev.actorId,
      actorName: schema.users.displayName,
      action: ev.action,
      objectType: ev.objectType,
      objectId: ev.objectId,
      result: ev.result,
      ip: sql<string | null>`host(${ev.ip})`,
      userAgent: ev.userAgent,
      details: ev.details,
    })
    .from(ev)
    .leftJoin(schema.users, eq(schema.users.id, ev.actorId))
    .where(where)
    .orderBy(desc(ev.occurredAt), desc(ev.id))
    .limit(limit)
    .offset(offset);
  return rows.map((r) => ({
    ...r,
    occurredAt: iso(r.occurredAt),
  }));
}

/** How many audit events match `where`. */
export async function countAuditEvents(db: Executor, where: SQL | undefined): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(ev).where(where);
  return row?.n ?? 0;
}
