import { type Executor, schema } from '@duidingspool/db';
import type { AuditResult } from '@duidingspool/shared';
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
  await db.insert(schema.auditEvents).values({
    actorId: who.actorId,
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId,
    result: entry.result,
    ip: who.origin.ip,
    userAgent: who.origin.userAgent?.slice(0, 512) ?? null,
    details: entry.details ?? null,
  });
}

/**
 * Appends one audit event. Call it with the transaction of the change so the two commit together;
 * for a denied access call it with `ctx.db` before throwing.
 */
export async function audit(ctx: Pick<ServiceContext, 'actor' | 'origin'>, db: Executor, entry: AuditEntry): Promise<void> {
  await auditAs(db, { actorId: ctx.actor.userId, origin: ctx.origin }, entry);
}

/** The origin of the system itself (the retention job, the admin CLI). */
export const SYSTEM_ORIGIN: RequestOrigin = { ip: null, userAgent: 'duidingspool-system' };
