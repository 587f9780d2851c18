import { type Executor, schema } from '@duidingspool/db';
import { addDays, amsterdamDate, SCREENING_REMINDER_DAYS } from '@duidingspool/shared';
import { sql } from 'drizzle-orm';
import type { WorkingHours } from '../../lib/working-time.ts';
import { enqueueForEach } from '../notifications/index.ts';
import { activeInPool } from './specialists.repository.ts';

/** An advisory-lock key of the screening reminder job, so two instances do not run it at once. */
const SCREENING_LOCK_KEY = 0x766f_6721; // 'vog!'

/** What the screening reminder job needs: the public URL (Message-ID host), the clock and the working day. */
export interface ScreeningReminderContext {
  publicUrl: string;
  now: () => Date;
  workingHours: WorkingHours;
}

/**
 * Tells the coordinators and the specialist when a screening (VOG) of a specialist active in the
 * pool expires within `SCREENING_REMINDER_DAYS` (30) days: from the day its last valid day is 30
 * days ahead (Europe/Amsterdam) up to and including that last day (decision 082). Once per
 * specialist, last valid day and recipient — a new screening date gives a new last day and so a
 * new reminder later — however many instances run it and however often.
 *
 * Set-based (decision 064): one statement selects every such specialist and writes the outbox rows
 * through `enqueueForEach`, skipping those already written. The link leads to the profile.
 * @returns outbox rows written
 */
export function runScreeningReminders(db: Executor, ctx: ScreeningReminderContext): Promise<number> {
  const today = amsterdamDate(ctx.now());
  const horizon = addDays(today, SCREENING_REMINDER_DAYS);
  const s = schema.specialists;
  const u = schema.users;
  const items = sql`
    select null::text as reference, '/specialists/' || ${s.id} as link_path,
      jsonb_build_object('specialistName', ${u.displayName}, 'validUntil', to_char(${s.screeningValidUntil}, 'YYYY-MM-DD')) as params,
      'screening-expiring:' || ${s.id} || ':' || to_char(${s.screeningValidUntil}, 'YYYY-MM-DD') as dedupe_key,
      ${u.id} as recipient_user_id
    from ${s} join ${u} on ${u.id} = ${s.userId}
    where ${activeInPool} and ${s.screeningValidUntil} between ${today}::date and ${horizon}::date`;
  return enqueueForEach(db, ctx, { event: 'screening-expiring', roles: ['coordinator'], items, lockKey: SCREENING_LOCK_KEY, itemRecipient: true });
}
