import { createHash } from 'node:crypto';
import { type Executor, schema } from '@duidingspool/db';
import { retryWait } from '@duidingspool/shared';
import { and, eq, gt, gte, inArray, lt, lte, or, sql } from 'drizzle-orm';
import { AppError } from '../../errors.ts';

// The counters behind the login and password-reset throttles (decision 042). Every attempt is
// taken — counted — with one atomic INSERT … ON CONFLICT DO UPDATE … WHERE before the work it
// guards, so concurrent requests and several server instances cannot slip past a limit: the row
// lock of the upsert serialises them, and a refused take writes nothing. Times are
// `clock_timestamp()`, not `now()`: `now()` is the start of each transaction, so a take that began
// a moment before the one it waited for would see that one's "now" as the future.

const t = schema.authThrottles;

/** A take that was refused, with the seconds until one would be allowed (for `Retry-After`). */
export interface Refusal {
  retryAfterSeconds: number;
}

/**
 * The refusal of a throttle as the answer to the client, with the wait in words; `counter` names
 * the throttle that refused, for the operator's log line only.
 *
 * @returns AppError 429 `rate-limited` with `retryAfterSeconds`
 */
export function rateLimited(refusal: Refusal, counter: string): AppError {
  const wait = Math.max(1, Math.ceil(refusal.retryAfterSeconds));
  const { unit, count } = retryWait(wait);
  const when = unit === 'seconds' ? `${count} ${count === 1 ? 'seconde' : 'seconden'}` : `${count} ${count === 1 ? 'minuut' : 'minuten'}`;
  return new AppError(
    'rate-limited',
    `Te veel pogingen. Probeer het over ${when} opnieuw.`,
    { retryAfterSeconds: wait },
    { retryAfterSeconds: wait, log: `throttled by the ${counter} counter` },
  );
}

/** The stored key of a counter: sha256 of its parts, so no address or IP is kept in plain text. */
export function throttleKey(kind: string, ...parts: string[]): string {
  return createHash('sha256')
    .update([kind, ...parts].join('\u0000'))
    .digest('hex');
}

/** Seconds from now until the pair's next allowed attempt, at least 1. */
const secondsUntil = sql<number>`greatest(1, ceil(extract(epoch from (${t.nextAllowedAt} - clock_timestamp()))))::int`;

/**
 * Growing delays for one (account, client) pair: `free` attempts pass at once; from attempt
 * n = `free` on, each makes the next wait `min(capSeconds, baseSeconds · 2^(n − free))` seconds
 * (1, 2, 4, … with the defaults). A pair quiet for `forgetSeconds` starts over.
 *
 * @returns null when the attempt may go ahead (it is counted), or the refusal
 */
export async function takePairAttempt(
  db: Executor,
  key: string,
  rule: { free: number; baseSeconds: number; capSeconds: number; forgetSeconds: number },
): Promise<Refusal | null> {
  const forgotten = sql`${t.lastAttemptAt} < clock_timestamp() - make_interval(secs => ${rule.forgetSeconds})`;
  const n = sql`(case when ${forgotten} then 1 else ${t.attempts} + 1 end)`;
  const delay = (attempts: ReturnType<typeof sql>) =>
    sql`make_interval(secs => case when ${attempts} < ${rule.free} then 0 else least(${rule.capSeconds}::float8, ${rule.baseSeconds}::float8 * power(2::float8, (${attempts} - ${rule.free})::float8)) end)`;
  const taken = await db
    .insert(t)
    .values({ key, attempts: 1, nextAllowedAt: sql`clock_timestamp() + ${delay(sql`1`)}`, lastAttemptAt: sql`clock_timestamp()` })
    .onConflictDoUpdate({
      target: t.key,
      set: { attempts: sql`${n}`, nextAllowedAt: sql`clock_timestamp() + ${delay(n)}`, lastAttemptAt: sql`clock_timestamp()` },
      setWhere: or(lte(t.nextAllowedAt, sql`clock_timestamp()`), forgotten),
    })
    .returning({ attempts: t.attempts });
  if (taken.length > 0) return null;
  const [row] = await db.select({ wait: secondsUntil }).from(t).where(eq(t.key, key));
  return { retryAfterSeconds: row?.wait ?? 1 };
}

/**
 * A ceiling of `limit` attempts per fixed window of `windowSeconds` (an account across all
 * clients, an IP address across all accounts, reset mails per address).
 *
 * @returns null when the attempt may go ahead (it is counted), or the refusal
 */
export async function takeWindowAttempt(db: Executor, key: string, limit: number, windowSeconds: number): Promise<Refusal | null> {
  const expired = sql`${t.windowStartedAt} <= clock_timestamp() - make_interval(secs => ${windowSeconds})`;
  const taken = await db
    .insert(t)
    .values({ key, attempts: 1, windowStartedAt: sql`clock_timestamp()`, lastAttemptAt: sql`clock_timestamp()` })
    .onConflictDoUpdate({
      target: t.key,
      set: {
        attempts: sql`case when ${expired} then 1 else ${t.attempts} + 1 end`,
        windowStartedAt: sql`case when ${expired} then clock_timestamp() else ${t.windowStartedAt} end`,
        lastAttemptAt: sql`clock_timestamp()`,
      },
      setWhere: or(expired, lt(t.attempts, limit)),
    })
    .returning({ attempts: t.attempts });
  if (taken.length > 0) return null;
  return (await windowFull(db, key, limit, windowSeconds)) ?? { retryAfterSeconds: 1 };
}

/** Reads, without counting, whether the window of `key` is full. @returns the refusal, or null */
export async function windowFull(db: Executor, key: string, limit: number, windowSeconds: number): Promise<Refusal | null> {
  const [row] = await db
    .select({
      wait: sql<number>`greatest(1, ceil(extract(epoch from (${t.windowStartedAt} + make_interval(secs => ${windowSeconds}) - clock_timestamp()))))::int`,
    })
    .from(t)
    .where(and(eq(t.key, key), gte(t.attempts, limit), gt(t.windowStartedAt, sql`clock_timestamp() - make_interval(secs => ${windowSeconds})`)));
  return row ? { retryAfterSeconds: row.wait } : null;
}

/**
 * Gives back attempts that were counted but not verified (the server was busy, or a second
 * factor was asked for) or that succeeded: the count goes down by one; a pair whose delay came from
 * that attempt may try again at once.
 */
export async function refundAttempts(db: Executor, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await db
    .update(t)
    .set({ attempts: sql`greatest(${t.attempts} - 1, 0)`, nextAllowedAt: sql`least(${t.nextAllowedAt}, clock_timestamp())` })
    .where(inArray(t.key, keys));
}

/** Forgets a pair after a successful login: the person got in, their typos no longer count. */
export async function clearAttempts(db: Executor, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await db.delete(t).where(inArray(t.key, keys));
}

/** Deletes up to 500 counters untouched for a day, so the table stays small under a spray of addresses. */
export async function forgetStaleCounters(db: Executor): Promise<void> {
  const stale = db.select({ key: t.key }).from(t).where(lt(t.lastAttemptAt, sql`clock_timestamp() - interval '1 day'`)).limit(500);
  await db.delete(t).where(inArray(t.key, stale));
}
