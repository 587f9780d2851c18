import { type Database, dummyPasswordHash, hashPassword, verifyPassword } from '@duidingspool/db';
import { passwordGate } from '../../lib/password-gate.ts';
import { clearAttempts, rateLimited, refundAttempts, takePairAttempt, takeWindowAttempt, throttleKey, windowFull } from './throttle.ts';

// A password guess — at login, or at a change of one's own password — is counted before it is
// verified, and the verification (and any new hash) passes the process's password gate.

/**
 * Login throttle (decision 042). Per (account, client) pair — the client is a known device (its
 * signed device cookie) or else the IP address — five attempts pass at once, then each makes the
 * next wait twice as long: 1 s, 2 s, 4 s … up to 15 minutes. A pair quiet for an hour starts over;
 * a successful login clears it.
 */
export const LOGIN_PAIR_RULE = { free: 5, baseSeconds: 1, capSeconds: 15 * 60, forgetSeconds: 60 * 60 } as const;

/**
 * Ceilings for clients that are not a known device of the account, per fixed window of an hour: all
 * such attempts on one account (far above what a person types), and all attempts from one IP
 * address across accounts (password spraying). A known device is held by its pair only.
 */
export const LOGIN_CEILING_WINDOW_SECONDS = 60 * 60;
export const LOGIN_ACCOUNT_CEILING = 100;
export const LOGIN_IP_CEILING = 200;

/** The counters one password attempt takes, and how to give them back. */
export interface TakenAttempt {
  pairKey: string;
  ceilingKeys: string[];
}

/**
 * Counts one password attempt of `email` from `client` before it is verified (decision 042): the
 * ceilings are read first (a full ceiling costs the pair nothing), then the pair is taken and then
 * each ceiling, each with one atomic upsert.
 *
 * @param client `device:<id>` for a known device (no ceilings), else `ip:<address>`
 * @throws AppError 429 `rate-limited` with `retryAfterSeconds`
 */
export async function takePasswordAttempt(db: Database, email: string, client: string, ip: string | null, knownDevice: boolean): Promise<TakenAttempt> {
  const pairKey = throttleKey('login-pair', email, client);
  const ceilings = knownDevice
    ? []
    : [
        { name: 'login-account', key: throttleKey('login-account', email), limit: LOGIN_ACCOUNT_CEILING },
        ...(ip ? [{ name: 'login-ip', key: throttleKey('login-ip', ip), limit: LOGIN_IP_CEILING }] : []),
      ];
  for (const c of ceilings) {
    const full = await windowFull(db, c.key, c.limit, LOGIN_CEILING_WINDOW_SECONDS);
    if (full) throw rateLimited(full, c.name);
  }
  const pair = await takePairAttempt(db, pairKey, LOGIN_PAIR_RULE);
  if (pair) throw rateLimited(pair, 'login-pair');
  const taken: string[] = [];
  for (const c of ceilings) {
    const refusal = await takeWindowAttempt(db, c.key, c.limit, LOGIN_CEILING_WINDOW_SECONDS);
    if (refusal) {
      await refundAttempts(db, [pairKey, ...taken]);
      throw rateLimited(refusal, c.name);
    }
    taken.push(c.key);
  }
  return { pairKey, ceilingKeys: taken };
}

/** Gives a counted attempt back: it was not verified, or it was no guess. */
export const refundAttempt = (db: Database, a: TakenAttempt): Promise<void> => refundAttempts(db, [a.pairKey, ...a.ceilingKeys]);

/** A successful login: the pair starts over and the ceilings get the attempt back. */
export async function settleAttempt(db: Database, a: TakenAttempt): Promise<void> {
  await clearAttempts(db, [a.pairKey]);
  await refundAttempts(db, a.ceilingKeys);
}

/** Runs an argon2 verification through the process's password gate (503 when it is full). */
export async function checkPassword(hash: string | null | undefined, password: string): Promise<boolean> {
  return passwordGate.run(async () => verifyPassword(hash ?? (await dummyPasswordHash()), password));
}

/** Hashes a new password through the process's password gate (503 when it is full). */
export const hashThroughGate = (password: string): Promise<string> => passwordGate.run(() => hashPassword(password));
