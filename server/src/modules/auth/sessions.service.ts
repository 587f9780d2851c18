import { type Database, type Executor, schema } from '@duidingspool/db';
import type { LoginBody } from '@duidingspool/shared';
import { and, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import type { Actor, RequestOrigin } from '../../lib/context.ts';
import { hashToken, randomToken, readSecret } from '../../lib/secrets.ts';
import { verifyTotp } from '../../lib/totp.ts';
import { auditAs } from '../audit/index.ts';
import { recordTotpStep, rolesOf } from '../users/index.ts';
import type { AuthSettings } from './auth-settings.ts';
import { checkPassword, refundAttempt, settleAttempt, takePasswordAttempt } from './password-attempts.ts';
import { redeemRecoveryCode, secondFactorRequired } from './second-factor.service.ts';
import { forgetStaleCounters } from './throttle.ts';

// Sessions: log in (password, then the second factor when the user has one), refresh, log out,
// and the session's own bookkeeping. Passwords and one-time links are in passwords.service.ts and
// account-tokens.ts, the current user in me.service.ts.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One answer for every failed password check (no account enumeration); the log says which check failed. */
const wrongCredentials = (why = 'wrong credentials') =>
  new AppError('unauthenticated', 'E-mailadres of wachtwoord is onjuist.', {}, { log: `login refused: ${why}` });

/** A client that logged in to this account before, by its signed device cookie (decision 042). */
export interface KnownDevice {
  userId: string;
  deviceId: string;
}

/** Revokes every live session of `userId` (except `keep`): logout everywhere. */
export async function revokeSessions(db: Executor, userId: string, keep?: string): Promise<void> {
  const s = schema.sessions;
  await db
    .update(s)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(s.userId, userId), isNull(s.revokedAt), keep ? ne(s.id, keep) : undefined));
}

/** An opened session: the ids and the refresh token to put in its cookie. */
export interface OpenedSession {
  userId: string;
  sessionId: string;
  refreshToken: string;
}

/** A login's session, and whether the client has proved itself enough to become a known device. */
export interface LoginResult extends OpenedSession {
  /** Password and, when the user has one, the second factor were right (not an enrolment-only session). */
  trustDevice: boolean;
}

/**
 * Checks e-mail, password and — when the user has set one up — the TOTP code or a one-time
 * recovery code, then opens a server-side session. Unknown user, deactivated user and wrong
 * password answer alike (and take alike long). A user whose roles need a second factor but who
 * has none yet gets a session that may only enrol one. docs/design.md §6, ASVS 2.2.1, 2.8.
 *
 * Every attempt is counted before the password is verified (decision 042): per (account, client)
 * pair with growing delays, and — unless `device` is a known device of this account — against the
 * account's and the IP address's ceilings. The verification itself passes the password gate.
 *
 * @param device the client's device cookie, already checked for its signature and age
 * @throws AppError 401 `unauthenticated`, 401 `second-factor-required` (code missing), 409
 *   `conflict` (a code given, but the stored secret cannot be read with this installation's key:
 *   a recovery code still works), 429 `rate-limited` and 503 `service-unavailable` (both with `retryAfterSeconds`)
 */
export async function login(
  db: Database,
  body: LoginBody,
  origin: RequestOrigin,
  settings: AuthSettings,
  device: KnownDevice | null = null,
): Promise<LoginResult> {
  const u = schema.users;
  const [user] = await db
    .select({
      id: u.id,
      email: u.email,
      passwordHash: u.passwordHash,
      isActive: u.isActive,
      isDemo: u.isDemo,
      totpSecretEncrypted: u.totpSecretEncrypted,
      totpEnabledAt: u.totpEnabledAt,
      totpLastTimeStep: u.totpLastTimeStep,
      roles: rolesOf(u.id),
    })
    .from(u)
    .where(eq(u.email, body.email));
  const known = device !== null && user !== undefined && device.userId === user.id;
  const client = known ? `device:${device.deviceId}` : `ip:${origin.ip ?? 'unknown'}`;
  const attempt = await takePasswordAttempt(db, body.email, client, origin.ip, known);
  let ok: boolean;
  try {
    ok = await checkPassword(user?.passwordHash, body.password);
  } catch (error) {
    await refundAttempt(db, attempt);
    throw error;
  }
  const deny = async (reason: string, error = wrongCredentials(reason)) => {
    await auditAs(
      db,
      { actorId: user?.id ?? null, origin },
      { action: 'login', objectType: 'session', objectId: null, result: 'denied', details: { email: body.email, reason } },
    );
    await forgetStaleCounters(db);
    return error;
  };
  if (!user || !ok || !user.isActive || !user.passwordHash) {
    const why = !user ? 'unknown account' : !user.passwordHash ? 'account without a password' : !ok ? 'wrong password' : 'inactive account';
    throw await deny('credentials', wrongCredentials(why));
  }

  let factor: 'none' | 'totp' | 'recovery-code' = 'none';
  if (user.totpEnabledAt && user.totpSecretEncrypted) {
    if (!body.totp && !body.recoveryCode) {
      // The right password without a code is the first step of a normal login, not a guess.
      await refundAttempt(db, attempt);
      throw new AppError('second-factor-required', 'Vul de code uit uw authenticator-app in, of een herstelcode.', {
        errors: [{ in: 'body', pointer: '/totp', message: 'code uit de authenticator-app nodig', code: 'required' }],
      });
    }
    const wrongCode = new AppError('unauthenticated', 'De code is onjuist of al gebruikt.', {
      errors: [{ in: 'body', pointer: body.totp ? '/totp' : '/recoveryCode', message: 'onjuist of al gebruikt', code: 'incorrect' }],
    });
    if (body.totp) {
      const secret = readSecret(user.totpSecretEncrypted, settings.encryptionKey);
      if (secret === null) {
        // The key changed since the secret was stored (a restore into a new data folder): no code can
        // be checked. Said in words, with the way out; never a 500. The attempt is not counted.
        await refundAttempt(db, attempt);
        throw new AppError(
          'conflict',
          'De code uit uw authenticator-app kan op deze installatie niet worden gecontroleerd: de sleutel waarmee uw tweestapsverificatie is bewaard, is veranderd (bijvoorbeeld na het terugzetten van een back-up). Log in met een herstelcode en stel tweestapsverificatie daarna opnieuw in, of vraag de beheerder om de oorspronkelijke ENCRYPTION_KEY.',
          { errors: [{ in: 'body', pointer: '/totp', message: 'niet te controleren op deze installatie; gebruik een herstelcode', code: 'unreadable' }] },
        );
      }
      const step = await verifyTotp(secret, body.totp, user.totpLastTimeStep);
      // Guarded: of two logins racing with the same code, only one moves the step on.
      const used = step !== null && (await recordTotpStep(db, user.id, step));
      if (!used) throw await deny('totp', wrongCode);
      factor = 'totp';
    } else if (body.recoveryCode) {
      if (!(await redeemRecoveryCode(db, user.id, body.recoveryCode))) throw await deny('recovery-code', wrongCode);
      factor = 'recovery-code';
    }
  }
  const enrolmentOnly =
    factor === 'none' && secondFactorRequired(user.roles, user.isDemo && settings.demoAccountsExempt, settings.requireSecondFactorForRequesters);
  const refreshToken = randomToken();
  await settleAttempt(db, attempt);
  const opened = await db.transaction(async (tx) => {
    const [session] = await tx
      .insert(schema.sessions)
      .values({
        userId: user.id,
        expiresAt: sql`now() + make_interval(secs => ${settings.sessionMaxSeconds})`,
        ip: origin.ip,
        userAgent: origin.userAgent?.slice(0, 512) ?? null,
        refreshTokenHash: hashToken(refreshToken),
        enrolmentOnly,
      })
      .returning({ id: schema.sessions.id });
    if (!session) throw new Error('insert returned no row');
    await auditAs(
      tx,
      { actorId: user.id, origin },
      {
        action: 'login',
        objectType: 'session',
        objectId: session.id,
        result: 'success',
        details: { secondFactor: enrolmentOnly ? 'enrolment-required' : factor },
      },
    );
    return { userId: user.id, sessionId: session.id, refreshToken };
  });
  return { ...opened, trustDevice: !enrolmentOnly };
}

/**
 * Rotates the refresh token of a live session and answers the user and session for a new access
 * JWT. A refresh token that was already rotated away is a sign of theft: the session is revoked
 * (OWASP refresh-token rotation with reuse detection).
 *
 * @param cookie the `dp_refresh` cookie value `<sessionId>.<token>`
 * @throws AppError 401 `unauthenticated`
 */
export async function refreshSession(db: Database, cookie: string | undefined, origin: RequestOrigin, settings: AuthSettings): Promise<OpenedSession> {
  const gone = () => new AppError('unauthenticated', 'U bent niet (meer) ingelogd. Log opnieuw in.');
  const [sessionId, token] = (cookie ?? '').split('.');
  if (!sessionId || !token || !UUID.test(sessionId) || token.length > 64) throw gone();
  const s = schema.sessions;
  const presented = hashToken(token);
  const next = randomToken();
  return db
    .transaction(async (tx) => {
      const [row] = await tx
        .select({ id: s.id, userId: s.userId, current: s.refreshTokenHash, previous: s.previousRefreshTokenHash })
        .from(s)
        .innerJoin(schema.users, eq(schema.users.id, s.userId))
        .where(
          and(
            eq(s.id, sessionId),
            isNull(s.revokedAt),
            gt(s.expiresAt, sql`now()`),
            gt(s.lastSeenAt, sql`now() - make_interval(secs => ${settings.sessionIdleSeconds})`),
            eq(schema.users.isActive, true),
          ),
        )
        .for('update', { of: s });
      if (!row) throw gone();
      if (row.current !== presented) {
        if (row.previous === presented) {
          await tx.update(s).set({ revokedAt: sql`now()` }).where(eq(s.id, row.id));
          await auditAs(
            tx,
            { actorId: row.userId, origin },
            { action: 'refresh', objectType: 'session', objectId: row.id, result: 'denied', details: { reason: 'reuse' } },
          );
          return { userId: row.userId, sessionId: '', refreshToken: '' };
        }
        throw gone();
      }
      await tx
        .update(s)
        .set({ refreshTokenHash: hashToken(next), previousRefreshTokenHash: presented, lastSeenAt: sql`now()` })
        .where(eq(s.id, row.id));
      return { userId: row.userId, sessionId: row.id, refreshToken: next };
    })
    .then((opened) => {
      // The revocation above must commit, so the refusal is thrown after the transaction.
      if (!opened.sessionId) throw gone();
      return opened;
    });
}

/** Revokes the session at once: its JWT stops working on the next request. */
export async function logout(db: Database, actor: Actor, origin: RequestOrigin): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(schema.sessions).set({ revokedAt: sql`now()` }).where(eq(schema.sessions.id, actor.sessionId));
    await auditAs(tx, { actorId: actor.userId, origin }, { action: 'logout', objectType: 'session', objectId: actor.sessionId, result: 'success' });
  });
}

/** Marks session `sessionId` as seen now (the idle timeout counts from here). */
export async function touchSession(db: Executor, sessionId: string): Promise<void> {
  await db.update(schema.sessions).set({ lastSeenAt: sql`now()` }).where(eq(schema.sessions.id, sessionId));
}
