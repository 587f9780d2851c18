import { type Executor, schema } from '@duidingspool/db';
import type { ServiceContext } from '../../lib/context.ts';

/** What an audit event records (DESIGN.md §6). `action` is `<verb>` such as `read`, `create`, `transition`. */
export interface AuditEntry {
  action: string;
  objectType: string;
  objectId: string | null;
  result: 'success' | 'denied';
  details?: Record<string, unknown>;
}

/**
 * Appends one audit event. Call it with the transaction of the change so the two commit together;
 * for a denied access call it with `ctx.db` before throwing.
 */
export async function audit(ctx: Pick<ServiceContext, 'actor' | 'origin'>, db: Executor, entry: AuditEntry): Promise<void> {
  await db.insert(schema.auditEvents).values({
    actorId: ctx.actor.userId,
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId,
    result: entry.result,
    ip: ctx.origin.ip,
    userAgent: ctx.origin.userAgent?.slice(0, 512) ?? null,
    details: entry.details ?? null,
  });
}
