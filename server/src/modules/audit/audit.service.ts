import { type Executor, schema } from '@duidingspool/db';
import type { AuditResult } from '@duidingspool/shared';
import { sql } from 'drizzle-orm';
import { builtStatement } from '../../lib/built-statement.ts';
import type { RequestOrigin, ServiceContext } from '../../lib/context.ts';

/** What an audit event records (docs/design.md §6). `action` is `<verb>` such as `read`, `create`, `transition`. */
export interface AuditEntry {
  action: string;
  objectType: string;
  objectId: string | null;
  result: AuditResult;
  details?: Record<string, unknown>;
}

/**
 * Appends one audit event for `actorId` (null: the system or an unknown caller) from `origin`.
 * Call it with the transaction of the change so both commit together (docs/design.md §6).
 */
export async function auditAs(db: Executor, who: { actorId: string | null; origin: RequestOrigin }, entry: AuditEntry): Promise<void> {
  await insertEvent(db, {
    actorId: who.actorId,
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId,
    result: entry.result,
    ip: who.origin.ip,
    userAgent: who.origin.userAgent?.slice(0, 512) ?? null,
    details: entry.details === undefined ? null : JSON.stringify(entry.details),
  });
}

/**
 * The insert of one audit event, built once (decision 135): every write sends it. `details` is
 * bound as the JSON text (or null) and cast, so both drivers store the same jsonb.
 */
const insertEvent = builtStatement('audit_event', () => {
  const ev = schema.auditEvents;
  const v = (name: string) => sql.placeholder(name);
  return sql`insert into ${ev} (${sql.identifier(ev.actorId.name)}, ${sql.identifier(ev.action.name)}, ${sql.identifier(ev.objectType.name)}, ${sql.identifier(ev.objectId.name)},
      ${sql.identifier(ev.result.name)}, ${sql.identifier(ev.ip.name)}, ${sql.identifier(ev.userAgent.name)}, ${sql.identifier(ev.details.name)})
    values (${v('actorId')}::uuid, ${v('action')}::text, ${v('objectType')}::text, ${v('objectId')}::text, ${v('result')}::text, ${v('ip')}::inet, ${v('userAgent')}::text, ${v('details')}::text::jsonb)`;
});

/**
 * Appends one audit event. Call it with the transaction of the change so the two commit together;
 * for a denied access call it with `ctx.db` before throwing.
 */
export async function audit(ctx: Pick<ServiceContext, 'actor' | 'origin'>, db: Executor, entry: AuditEntry): Promise<void> {
  await auditAs(db, { actorId: ctx.actor.userId, origin: ctx.origin }, entry);
}

/** The origin of the system itself (the retention job, the admin CLI). */
export const SYSTEM_ORIGIN: RequestOrigin = { ip: null, userAgent: 'duidingspool-system' };
