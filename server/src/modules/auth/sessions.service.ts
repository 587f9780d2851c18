import { type Database, dummyPasswordHash, type Executor, hashPassword, schema, verifyPassword } from '@duidingspool/db';
import type { AccountTokenPurpose, ChangePasswordBody, LoginBody, Me, PasswordResetRequestBody, Role, SetPasswordBody } from '@duidingspool/shared';
import { and, asc, eq, gt, inArray, isNull, ne, sql } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import type { Actor, RequestOrigin } from '../../lib/context.ts';
import { passwordGate } from '../../lib/password-gate.ts';
import { assertStrongPassword } from '../../lib/password-policy.ts';
import { decryptSecret, hashToken, randomToken } from '../../lib/secrets.ts';
import { verifyTotp } from '../../lib/totp.ts';
import { auditAs } from '../audit/index.ts';
import { enqueueSecurityMail, withdrawDeadLinks } from '../notifications/index.ts';
import { recordTotpStep, rolesOf, setPasswordHash } from '../users/index.ts';
import { clearAttempts, forgetStaleCounters, type Refusal, refundAttempts, takePairAttempt, takeWindowAttempt, throttleKey, windowFull } from './throttle.ts';

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
/** Password-reset requests allowed per e-mail address, and per IP, per window of 15 minutes. */
export const RESET_WINDOW_SECONDS = 15 * 60;
export const MAX_RESET_REQUESTS_PER_ACCOUNT = 3;
export const MAX_RESET_REQUESTS_PER_IP = 20;
/** Lifetime of a password-reset link, minutes. */
export const PASSWORD_RESET_TTL_MINUTES = 60;
/** Lifetime of an invitation link, hours. */
export const INVITATION_TTL_HOURS = 72;

/** What the session services need from the configuration. */
export interface AuthSettings {
  /** Absolute session lifetime, seconds. */
  sessionMaxSeconds: number;
  /** Session idle timeout, seconds. */
  sessionIdleSeconds: number;
  /** Key that encrypts TOTP secrets. */
  encryptionKey: string;
  requireSecondFactorForRequesters: boolean;
  /** Base of links in e-mails. */
  publicUrl: string;
  /** Demo accounts may log in without a second factor; never in production. */
  demoAccountsExempt: boolean;
}

/** Roles that always need a second factor (docs/design.md §6); requesters only when configured. */
export const SECOND_FACTOR_ROLES: readonly Role[] = ['coordinator', 'specialist', 'finance', 'admin'];

/**
 * True when a user with `roles` must log in with a second factor. Demo accounts made by the seed
 * (never in production) are exempt so the demo works without an authenticator app.
 */
export function secondFactorRequired(roles: readonly Role[], isDemo: boolean, requireForRequesters: boolean): boolean {
  if (isDemo) return false;
  return roles.some((r) => SECOND_FACTOR_ROLES.includes(r) || (r === 'requester' && requireForRequesters));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const wrongCredentials = () => new AppError('unauthenticated', 'E-mailadres of wachtwoord is onjuist.');

const rateLimited = (refusal: Refusal) => {
  const wait = refusal.retryAfterSeconds;
  const when = wait < 120 ? `${wait} ${wait === 1 ? 'seconde' : 'seconden'}` : `${Math.ceil(wait / 60)} minuten`;
  return new AppError('rate-limited', `Te veel pogingen. Probeer het over ${when} opnieuw.`, {}, { retryAfterSeconds: wait });
};

/** A client that logged in to this account before, by its signed device cookie (decision 042). */
export interface KnownDevice {
  userId: string;
  deviceId: string;
}

/** The counters one password attempt takes, and how to give them back. */
interface TakenAttempt {
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
async function takePasswordAttempt(db: Database, email: string, client: string, ip: string | null, knownDevice: boolean): Promise<TakenAttempt> {
  const pairKey = throttleKey('login-pair', email, client);
  const ceilings = knownDevice
    ? []
    : [
        { key: throttleKey('login-account', email), limit: LOGIN_ACCOUNT_CEILING },
        ...(ip ? [{ key: throttleKey('login-ip', ip), limit: LOGIN_IP_CEILING }] : []),
      ];
  for (const c of ceilings) {
    const full = await windowFull(db, c.key, c.limit, LOGIN_CEILING_WINDOW_SECONDS);
    if (full) throw rateLimited(full);
  }
  const pair = await takePairAttempt(db, pairKey, LOGIN_PAIR_RULE);
  if (pair) throw rateLimited(pair);
  const taken: string[] = [];
  for (const c of ceilings) {
    const refusal = await takeWindowAttempt(db, c.key, c.limit, LOGIN_CEILING_WINDOW_SECONDS);
    if (refusal) {
      await refundAttempts(db, [pairKey, ...taken]);
      throw rateLimited(refusal);
    }
    taken.push(c.key);
  }
  return { pairKey, ceilingKeys: taken };
}

/** Gives a counted attempt back: it was not verified, or it was no guess. */
const refund = (db: Database, a: TakenAttempt) => refundAttempts(db, [a.pairKey, ...a.ceilingKeys]);
/** A successful login: the pair starts over and the ceilings get the attempt back. */
async function settle(db: Database, a: TakenAttempt): Promise<void> {
  await clearAttempts(db, [a.pairKey]);
  await refundAttempts(db, a.ceilingKeys);
}

/** Runs an argon2 verification through the process's password gate (503 when it is full). */
export async function checkPassword(hash: string | null | undefined, password: string): Promise<boolean> {
  return passwordGate.run(async () => verifyPassword(hash ?? (await dummyPasswordHash()), password));
}

/** Hashes a new password through the process's password gate (503 when it is full). */
const hashThroughGate = (password: string) => passwordGate.run(() => hashPassword(password));

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
 * @throws AppError 401 `unauthenticated`, 401 `second-factor-required` (code missing),
 *   429 `rate-limited` and 503 `service-unavailable` (both with `retryAfterSeconds`)
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
    await refund(db, attempt);
    throw error;
  }
  const deny = async (reason: string, error = wrongCredentials()) => {
    await auditAs(
      db,
      { actorId: user?.id ?? null, origin },
      { action: 'login', objectType: 'session', objectId: null, result: 'denied', details: { email: body.email, reason } },
    );
    await forgetStaleCounters(db);
    return error;
  };
  if (!user || !ok || !user.isActive || !user.passwordHash) throw await deny('credentials');

  let factor: 'none' | 'totp' | 'recovery-code' = 'none';
  if (user.totpEnabledAt && user.totpSecretEncrypted) {
    if (!body.totp && !body.recoveryCode) {
      // The right password without a code is the first step of a normal login, not a guess.
      await refund(db, attempt);
      throw new AppError('second-factor-required', 'Vul de code uit uw authenticator-app in, of een herstelcode.', {
        errors: [{ in: 'body', pointer: '/totp', message: 'code uit de authenticator-app nodig' }],
      });
    }
    const wrongCode = new AppError('unauthenticated', 'De code is onjuist of al gebruikt.', {
      errors: [{ in: 'body', pointer: body.totp ? '/totp' : '/recoveryCode', message: 'onjuist of al gebruikt' }],
    });
    if (body.totp) {
      const step = await verifyTotp(decryptSecret(user.totpSecretEncrypted, settings.encryptionKey), body.totp, user.totpLastTimeStep);
      // Guarded: of two logins racing with the same code, only one moves the step on.
      const used = step !== null && (await recordTotpStep(db, user.id, step));
      if (!used) throw await deny('totp', wrongCode);
      factor = 'totp';
    } else if (body.recoveryCode) {
      const rc = schema.recoveryCodes;
      const used = await db
        .update(rc)
        .set({ usedAt: sql`now()` })
        .where(and(eq(rc.userId, user.id), eq(rc.codeHash, hashToken(body.recoveryCode)), isNull(rc.usedAt)))
        .returning({ id: rc.id });
      if (used.length === 0) throw await deny('recovery-code', wrongCode);
      factor = 'recovery-code';
    }
  }
  const enrolmentOnly =
    factor === 'none' && secondFactorRequired(user.roles, user.isDemo && settings.demoAccountsExempt, settings.requireSecondFactorForRequesters);
  const refreshToken = randomToken();
  await settle(db, attempt);
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

/**
 * Changes the actor's own password after checking the current one; every other session of the
 * user ends at once and every outstanding invitation or reset link is voided (ASVS 2.1.5, 3.3.3,
 * decision 041). A wrong current password counts on the login throttle's (account, client) pair.
 *
 * @throws AppError 400 `validation-failed` (current password wrong), 400 `weak-password`,
 *   429 `rate-limited`, 503 `service-unavailable`
 */
export async function changePassword(db: Database, actor: Actor, body: ChangePasswordBody, origin: RequestOrigin): Promise<void> {
  const [user] = await db.select({ hash: schema.users.passwordHash }).from(schema.users).where(eq(schema.users.id, actor.userId));
  // A guess at the current password counts like a login attempt of the same (account, client) pair.
  const attempt = await takePasswordAttempt(db, actor.email, `ip:${origin.ip ?? 'unknown'}`, origin.ip, false);
  let ok: boolean;
  try {
    ok = await checkPassword(user?.hash, body.currentPassword);
  } catch (error) {
    await refund(db, attempt);
    throw error;
  }
  if (!user?.hash || !ok) {
    await auditAs(db, { actorId: actor.userId, origin }, { action: 'change-password', objectType: 'user', objectId: actor.userId, result: 'denied' });
    throw new AppError('validation-failed', 'Het huidige wachtwoord klopt niet.', {
      errors: [{ in: 'body', pointer: '/currentPassword', message: 'klopt niet' }],
    });
  }
  await settle(db, attempt);
  assertStrongPassword(body.newPassword, [actor.email, actor.displayName]);
  const hash = await hashThroughGate(body.newPassword);
  await db.transaction(async (tx) => {
    await setPasswordHash(tx, actor.userId, hash);
    await revokeSessions(tx, actor.userId, actor.sessionId);
    await voidAccountTokens(tx, actor.userId);
    await auditAs(tx, { actorId: actor.userId, origin }, { action: 'change-password', objectType: 'user', objectId: actor.userId, result: 'success' });
  });
}

/**
 * Voids every live invitation and reset link of `userId` (marks them used) and withdraws their
 * sealed tokens from the outbox. The rule (decision 041): whatever ends a user's sessions or
 * replaces their password — setting or changing the password, deactivation, a second-factor reset,
 * a change of roles or memberships, a new link — leaves no older link that still works.
 *
 * @returns the purposes of the links that were live
 */
export async function voidAccountTokens(tx: Executor, userId: string): Promise<AccountTokenPurpose[]> {
  const t = schema.accountTokens;
  // The user's row lock serialises concurrent voiding and issuing: two parallel reset requests
  // cannot each miss the other's new link and leave two live.
  await tx.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.id, userId)).for('update');
  const voided = await tx
    .update(t)
    .set({ usedAt: sql`now()` })
    .where(and(eq(t.userId, userId), isNull(t.usedAt), gt(t.expiresAt, sql`now()`)))
    .returning({ purpose: t.purpose });
  await withdrawDeadLinks(tx, userId);
  return voided.map((v) => v.purpose);
}

/**
 * Writes a single-use link token for `userId` (only its sha256 is stored), voiding every earlier
 * live link of the user, and — unless `mail` is null — puts the e-mail with the link in the outbox,
 * where the token is kept sealed under `mail.encryptionKey` only until the mail is sent. The token
 * sits in the link's fragment (`#token=`), so it never reaches a server log.
 *
 * @returns the token, for the CLI that prints the link to the operator
 */
export async function issueAccountToken(
  tx: Executor,
  input: {
    userId: string;
    purpose: AccountTokenPurpose;
    createdBy: string | null;
    /** Where the mail's link points and the key that seals its token; null: no mail (the CLI prints the link). */
    mail: { publicUrl: string; encryptionKey: string } | null;
  },
): Promise<string> {
  const t = schema.accountTokens;
  await voidAccountTokens(tx, input.userId);
  const token = randomToken();
  const ttl =
    input.purpose === 'invitation'
      ? sql`now() + make_interval(hours => ${INVITATION_TTL_HOURS})`
      : sql`now() + make_interval(mins => ${PASSWORD_RESET_TTL_MINUTES})`;
  const [row] = await tx
    .insert(t)
    .values({ userId: input.userId, purpose: input.purpose, tokenHash: hashToken(token), expiresAt: ttl, createdBy: input.createdBy })
    .returning({ id: t.id });
  if (!row) throw new Error('insert returned no row');
  if (input.mail) {
    await enqueueSecurityMail(
      tx,
      { publicUrl: input.mail.publicUrl, encryptionKey: input.mail.encryptionKey, now: () => new Date() },
      { event: input.purpose, userId: input.userId, linkPath: '/set-password', token, accountTokenId: row.id },
    );
  }
  return token;
}

/**
 * Sends a password-reset link when the address belongs to an active user; answers the same
 * either way so the form reveals no accounts (ASVS 2.5.x). Rate-limited per address and IP.
 *
 * @throws AppError 429 `rate-limited`
 */
export async function requestPasswordReset(db: Database, body: PasswordResetRequestBody, origin: RequestOrigin, settings: AuthSettings): Promise<void> {
  // Counted before the mail is written, atomically, so parallel requests cannot slip past.
  const accountKey = throttleKey('reset-account', body.email);
  const byAccount = await takeWindowAttempt(db, accountKey, MAX_RESET_REQUESTS_PER_ACCOUNT, RESET_WINDOW_SECONDS);
  if (byAccount) throw rateLimited(byAccount);
  if (origin.ip) {
    const byIp = await takeWindowAttempt(db, throttleKey('reset-ip', origin.ip), MAX_RESET_REQUESTS_PER_IP, RESET_WINDOW_SECONDS);
    if (byIp) {
      await refundAttempts(db, [accountKey]);
      throw rateLimited(byIp);
    }
  }
  await db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: schema.users.id })
      .from(schema.users)
      .where(and(eq(schema.users.email, body.email), eq(schema.users.isActive, true)));
    if (user) {
      await issueAccountToken(tx, {
        userId: user.id,
        purpose: 'password-reset',
        createdBy: null,
        mail: { publicUrl: settings.publicUrl, encryptionKey: settings.encryptionKey },
      });
    }
    await auditAs(
      tx,
      { actorId: user?.id ?? null, origin },
      { action: 'request-password-reset', objectType: 'user', objectId: user?.id ?? null, result: 'success', details: { email: body.email } },
    );
  });
}

/**
 * Sets a password with the token of an invitation or reset link: single use, expiring, for an
 * active user, looked up by its sha256. The password must be strong; every session of the user ends
 * and the user's other links are voided (decision 041).
 *
 * @throws AppError 400 `invalid-token`, 400 `weak-password`, 503 `service-unavailable`
 */
export async function setPasswordWithToken(db: Database, body: SetPasswordBody, origin: RequestOrigin): Promise<void> {
  const t = schema.accountTokens;
  const u = schema.users;
  const tokenHash = hashToken(body.token);
  const live = and(eq(t.tokenHash, tokenHash), isNull(t.usedAt), gt(t.expiresAt, sql`now()`), eq(u.isActive, true));
  const [found] = await db
    .select({ id: t.id, userId: t.userId, purpose: t.purpose, email: u.email, displayName: u.displayName })
    .from(t)
    .innerJoin(u, eq(u.id, t.userId))
    .where(live);
  if (!found) {
    await auditAs(
      db,
      { actorId: null, origin },
      { action: 'set-password', objectType: 'user', objectId: null, result: 'denied', details: { reason: 'token' } },
    );
    throw new AppError('invalid-token', 'Deze link is ongeldig, al gebruikt of verlopen. Vraag een nieuwe aan.');
  }
  // Checked before the token is used up, so a refused password does not burn the link.
  assertStrongPassword(body.newPassword, [found.email, found.displayName]);
  const hash = await hashThroughGate(body.newPassword);
  await db.transaction(async (tx) => {
    const used = await tx
      .update(t)
      .set({ usedAt: sql`now()` })
      .where(and(eq(t.id, found.id), isNull(t.usedAt)))
      .returning({ id: t.id });
    if (used.length === 0) throw new AppError('invalid-token', 'Deze link is al gebruikt.');
    await setPasswordHash(tx, found.userId, hash);
    await revokeSessions(tx, found.userId);
    // The other links of the user (an invitation next to a reset, say) die with this one.
    await voidAccountTokens(tx, found.userId);
    await auditAs(
      tx,
      { actorId: found.userId, origin },
      { action: 'set-password', objectType: 'user', objectId: found.userId, result: 'success', details: { purpose: found.purpose } },
    );
  });
}

/** The user with roles, memberships (with casustafel names), specialist profile and second-factor state. */
export async function loadMe(
  db: Database,
  userId: string,
  sessionId: string,
  settings: Pick<AuthSettings, 'requireSecondFactorForRequesters' | 'demoAccountsExempt'>,
): Promise<Me> {
  const [user] = await db
    .select({
      id: schema.users.id,
      email: schema.users.email,
      displayName: schema.users.displayName,
      language: schema.users.language,
      isDemo: schema.users.isDemo,
      totpEnabledAt: schema.users.totpEnabledAt,
      roles: rolesOf(schema.users.id),
      specialistId: sql<string | null>`(select sp.id::text from ${schema.specialists} sp where sp.user_id = ${userId}::uuid and sp.is_active)`,
      enrolmentOnly: sql<boolean>`coalesce((select s.enrolment_only from ${schema.sessions} s where s.id = ${sessionId}::uuid), false)`,
    })
    .from(schema.users)
    .where(eq(schema.users.id, userId));
  if (!user) throw new AppError('unauthenticated', 'U bent niet (meer) ingelogd.');
  const memberships = await db
    .select({ caseTableId: schema.caseTables.id, caseTableName: schema.caseTables.name })
    .from(schema.caseTableMembers)
    .innerJoin(schema.caseTables, eq(schema.caseTables.id, schema.caseTableMembers.caseTableId))
    .where(inArray(schema.caseTableMembers.userId, [userId]))
    .orderBy(asc(schema.caseTables.name));
  const { isDemo, totpEnabledAt, enrolmentOnly, ...rest } = user;
  return {
    ...rest,
    language: user.language === 'en' ? 'en' : 'nl',
    memberships,
    twoFactorEnabled: totpEnabledAt !== null,
    twoFactorRequired: secondFactorRequired(user.roles, isDemo && settings.demoAccountsExempt, settings.requireSecondFactorForRequesters),
    enrolmentOnly: Boolean(enrolmentOnly),
  };
}

/** Marks session `sessionId` as seen now (the idle timeout counts from here). */
export async function touchSession(db: Executor, sessionId: string): Promise<void> {
  await db.update(schema.sessions).set({ lastSeenAt: sql`now()` }).where(eq(schema.sessions.id, sessionId));
}
