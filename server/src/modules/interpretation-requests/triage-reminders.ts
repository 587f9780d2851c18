import { type Executor, schema } from '@duidingspool/db';
import { sql } from 'drizzle-orm';
import { latestDueInstant, type WorkingHours } from '../../lib/working-time.ts';
import { enqueueForEach } from '../notifications/index.ts';

/** Working days a submitted request may wait for triage before coordinators are reminded (docs/design.md §4). */
export const TRIAGE_REMINDER_DAYS = { regular: 2, urgent: 1 } as const;

/** An advisory-lock key of the reminder job, so two instances do not run the same statement at once. */
const REMINDER_LOCK_KEY = 0x7472_6967; // 'trig'

/** What the reminder job needs: the public URL (Message-ID host), the clock and the working day. */
export interface TriageReminderContext {
  publicUrl: string;
  now: () => Date;
  workingHours: WorkingHours;
}

/**
 * Reminds coordinators of requests waiting for triage longer than 2 working days (urgent: 1),
 * counted from the latest move into `submitted` with `addWorkingDays` (from the start of the next
 * working day when it happened outside working hours). Once per request, submission and
 * coordinator, however many instances run it and however often.
 *
 * Set-based (decision 064): the two deadlines become two cut-off instants (`latestDueInstant`), and
 * one statement selects every waiting request submitted before its cut-off and writes the outbox rows
 * through `enqueueForEach`, skipping those already written. One run is one statement whatever the
 * number of waiting requests, also when there is nothing to do. @returns outbox rows written
 */
export function runTriageReminders(db: Executor, ctx: TriageReminderContext): Promise<number> {
  const now = ctx.now();
  // Deadlines are computed on millisecond instants; the event time is compared at that precision.
  const regularCut = latestDueInstant(now, TRIAGE_REMINDER_DAYS.regular, ctx.workingHours).toISOString();
  const urgentCut = latestDueInstant(now, TRIAGE_REMINDER_DAYS.urgent, ctx.workingHours).toISOString();
  const r = schema.interpretationRequests;
  const e = schema.requestStatusEvents;
  const items = sql`
    select w.reference, '/requests/' || w.id as link_path,
      jsonb_build_object('urgency', case when w.urgency = 'urgent' then 'urgent' else 'regular' end) as params,
      'triage-reminder:' || w.id || ':' || to_char(w.since at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as dedupe_key
    from (
      select ${r.id} as id, ${r.reference} as reference, ${r.urgency} as urgency, date_trunc('milliseconds', max(${e.occurredAt})) as since
      from ${r} join ${e} on ${e.requestId} = ${r.id} and ${e.toStatus} = 'submitted'
      where ${r.status} = 'submitted'
      group by ${r.id}
    ) w
    where w.since <= case when w.urgency = 'urgent' then ${urgentCut}::timestamptz else ${regularCut}::timestamptz end`;
  return enqueueForEach(db, ctx, { event: 'triage-reminder', roles: ['coordinator'], items, lockKey: REMINDER_LOCK_KEY });
}
