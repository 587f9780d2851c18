import { type Executor, schema } from '@duidingspool/db';
import { and, eq, gte, type Placeholder, type SQL, sql } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import { builtStatement } from '../../lib/built-statement.ts';

/** The accounting month `YYYY-MM` of a `YYYY-MM-DD` date. */
export const monthOf = (isoDate: string) => isoDate.slice(0, 7);

const lockKey = (month: string) => sql`hashtext(${`accounting-period:${month}`})`;

/** The problem for a change to an entry of a closed `month` (`YYYY-MM`). */
const periodClosed = (month: string) => new AppError('period-closed', `De periode ${month} is afgesloten; heropen die eerst (met reden).`);

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
  if (closed) throw periodClosed(month);
}

/** `assertPeriodOpen`'s lock as a statement built once; `key` is the month's lock name, `accounting-period:YYYY-MM`. */
const lockShared = builtStatement('period_lock_shared', () => sql`select pg_advisory_xact_lock_shared(hashtext(${sql.placeholder('key')}))`);

/**
 * `assertPeriodOpen` in two halves, for a write that reads what it checks in one statement of its
 * own: `lockPeriodShared` takes the month's shared advisory lock, and a statement sent after it on
 * the same transaction (pipelined behind it: it starts once the lock is held, so it sees a close
 * that committed while the lock was waited for) selects `monthClosed(month)`; `throwIfClosed` then
 * refuses as `assertPeriodOpen` does.
 */
export function lockPeriodShared(db: Executor, workedOn: string): Promise<unknown[]> {
  return lockShared(db, { key: `accounting-period:${monthOf(workedOn)}` });
}

/** True (SQL) when the month `YYYY-MM` given (a value or a placeholder) is closed; see `lockPeriodShared`. */
export const monthClosed = (month: string | Placeholder): SQL =>
  sql`exists (select 1 from ${schema.closedPeriods} where ${schema.closedPeriods.month} = ${month})`;

/**
 * Refuses a change to an entry dated `workedOn` when `closed` (read by `monthClosed` under `lockPeriodShared`).
 * @throws AppError 409 `period-closed`
 */
export function throwIfClosed(workedOn: string, closed: boolean): void {
  if (closed) throw periodClosed(monthOf(workedOn));
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
  if (rows.length === 0 || minutes > 1440) throw await dayLimitExceeded(db, specialistId, workedOn);
}

/** The problem for minutes that do not fit in the specialist's day, with what is left of it now. */
export async function dayLimitExceeded(db: Executor, specialistId: string, workedOn: string): Promise<AppError> {
  const d = schema.specialistDayMinutes;
  const [now] = await db
    .select({ minutes: d.minutes })
    .from(d)
    .where(and(eq(d.specialistId, specialistId), eq(d.workedOn, workedOn)));
  return new AppError('day-limit-exceeded', `Op ${workedOn} staat dan meer dan 24 uur geschreven.`, { remainingMinutes: 1440 - (now?.minutes ?? 0) });
}

/**
 * `addDayMinutes` for positive `minutes` as the WITH part `name` of a larger statement: the same
 * guarded upsert, returning a row only when the minutes fit in the day (≤ 1440). The values are
 * given as values or placeholders; a caller that finds no row answers `dayLimitExceeded`.
 */
export function addDayMinutesPart(name: string, specialistId: string | Placeholder, workedOn: string | Placeholder, minutes: number | Placeholder): SQL {
  const d = schema.specialistDayMinutes;
  return sql`${sql.identifier(name)} as (
    insert into ${d} (${sql.identifier(d.specialistId.name)}, ${sql.identifier(d.workedOn.name)}, ${sql.identifier(d.minutes.name)})
    values (${specialistId}, ${workedOn}::date, ${minutes})
    on conflict (${sql.identifier(d.specialistId.name)}, ${sql.identifier(d.workedOn.name)})
    do update set ${sql.identifier(d.minutes.name)} = ${d.minutes} + excluded.${sql.identifier(d.minutes.name)}
    where ${d.minutes} + excluded.${sql.identifier(d.minutes.name)} <= 1440
    returning 1
  )`;
}
