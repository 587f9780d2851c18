import { type Executor, schema } from '@duidingspool/db';
import { NOTIFICATION_WAITING_STATUSES, type NotificationStatus } from '@duidingspool/shared';
import { inArray, sql } from 'drizzle-orm';

/** The outbox at one moment, for the metrics (decision 084). */
export interface OutboxStats {
  /** Mails waiting to go out: `pending` (due now or later, retries included) and `sending` (claimed). */
  depth: number;
  /** Age of the oldest mail waiting to go out, seconds; 0 when none waits. */
  oldestPendingAgeSeconds: number;
  /** Mails that gave up (`failed`): they wait for an admin's re-send. */
  failed: number;
}

/**
 * Counts the outbox in one set-based query over the `notifications_due` / status indexes: cheap and
 * bounded however many mails there are. Digest rows (`digest`, parked until the next working day)
 * are not waiting to be sent and do not count.
 */
export async function outboxStats(db: Executor, now: Date): Promise<OutboxStats> {
  const n = schema.notifications;
  const waiting = inArray(n.status, [...NOTIFICATION_WAITING_STATUSES]);
  const failedStatus: NotificationStatus = 'failed';
  const [row] = await db
    .select({
      depth: sql<number>`count(*) filter (where ${waiting})::int`,
      oldest: sql<string | null>`min(${n.createdAt}) filter (where ${waiting})`,
      failed: sql<number>`count(*) filter (where ${n.status} = ${failedStatus})::int`,
    })
    .from(n)
    .where(inArray(n.status, [...NOTIFICATION_WAITING_STATUSES, failedStatus]));
  const oldest = row?.oldest ? new Date(row.oldest) : undefined;
  return {
    depth: row?.depth ?? 0,
    oldestPendingAgeSeconds: oldest ? Math.max(0, (now.getTime() - oldest.getTime()) / 1000) : 0,
    failed: row?.failed ?? 0,
  };
}
