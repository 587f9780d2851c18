import { type Executor, schema } from '@duidingspool/db';
import { and, eq, gte, sql } from 'drizzle-orm';
import { AppError } from '../../errors.ts';

/** The accounting month `YYYY-MM` of a `YYYY-MM-DD` date. */
export const monthOf = (isoDate: string) => isoDate.slice(0, 7);

const lockKey = (month: string) => sql`hashtext(${`accounting-period:${month}`})`;

/**
 * Refuses a change to an entry dated `workedOn` when its month is closed. Takes a
 * shared transaction-level advisory lock on the month first, so a concurrent close (which takes
 * it exclusively) either waits for this change or makes this check fail: never both.
 *
 * @throws AppError 409 `period-closed`
 */
export async function assertPeriodOpen(db: Executor, workedOn: string): Promise<void> {
  const month = monthOf(workedOn);
  await db.execute(sql`select pg_advisory_xact_lock_shared(${lockKey(month)})`);
  const [closed] = await db.select({ month: schema.closedPeriods.month }).from(schema.closedPeriods).where(eq(schema.closedPeriods.month, month));
  if (closed) throw new AppError('period-closed', `De periode ${month} is afgesloten; heropen die eerst (met reden).`);
}

/** Takes the month's advisory lock exclusively (closing and reopening). */
export async function lockPeriod(db: Executor, month: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(${lockKey(month)})`);
}

/**
 * Adds `minutes` to the specialist's day total, guarded at 24 hours (bad input): one
 * upsert whose update only happens while the sum stays ≤ 1440, so parallel entries cannot pass
 * it together. Negative `minutes` (a rejection, an approved correction) lower it.
 *
 * @throws AppError 409 `day-limit-exceeded` (with `remainingMinutes`)
 */
export async function addDayMinutes(db: Executor, specialistId: string, workedOn: string, minutes: number): Promise<void> {
  const d = schema.specialistDayMinutes;
  if (minutes < 0) {
    await db
      .update(d)
      .set({ minutes: sql`${d.minutes} + ${minutes}` })
      .where(and(eq(d.specialistId, specialistId), eq(d.workedOn, workedOn), gte(d.minutes, -minutes)));
    return;
  }
  const rows = await db
    .insert(d)
    .values({ specialistId, workedOn, minutes })
    .onConflictDoUpdate({
      target: [d.specialistId, d.workedOn],
      set: { minutes: sql`${d.minutes} + excluded.minutes` },
      setWhere: sql`${d.minutes} + excluded.minutes <= 1440`,
    })
    .returning({ minutes: d.minutes });
  if (rows.length === 0 || minutes > 1440) {
    const [now] = await db
      .select({ minutes: d.minutes })
      .from(d)
      .where(and(eq(d.specialistId, specialistId), eq(d.workedOn, workedOn)));
    throw new AppError('day-limit-exceeded', `Op ${workedOn} staat dan meer dan 24 uur geschreven.`, { remainingMinutes: 1440 - (now?.minutes ?? 0) });
  }
}
