import { type Database, schema } from '@duidingspool/db';
import type { ChangePasswordBody, PasswordResetRequestBody, SetPasswordBody } from '@duidingspool/shared';
import { and, eq } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import type { Actor, RequestOrigin } from '../../lib/context.ts';
import { assertStrongPassword } from '../../lib/password-policy.ts';
import { auditAs } from '../audit/index.ts';
import { setPasswordHash } from '../users/index.ts';
import { findLiveAccountToken, issueAccountToken, redeemAccountToken, voidAccountTokens } from './account-tokens.ts';
import type { AuthSettings } from './auth-settings.ts';
import { checkPassword, hashThroughGate, refundAttempt, settleAttempt, takePasswordAttempt } from './password-attempts.ts';
import { revokeSessions } from './sessions.service.ts';
import { rateLimited, refundAttempts, takeWindowAttempt, throttleKey } from './throttle.ts';

// Passwords: a user changes their own, asks for a reset link, or sets one with the link of an
// invitation or a reset mail (docs/design.md §6, decision 041).

/** Password-reset requests allowed per e-mail address, and per IP, per window of 15 minutes. */
export const RESET_WINDOW_SECONDS = 15 * 60;
export const MAX_RESET_REQUESTS_PER_ACCOUNT = 3;
export const MAX_RESET_REQUESTS_PER_IP = 20;

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
    await refundAttempt(db, attempt);
    throw error;
  }
  if (!user?.hash || !ok) {
    await auditAs(db, { actorId: actor.userId, origin }, { action: 'change-password', objectType: 'user', objectId: actor.userId, result: 'denied' });
    throw new AppError('validation-failed', 'Het huidige wachtwoord klopt niet.', {
      errors: [{ in: 'body', pointer: '/currentPassword', message: 'klopt niet', code: 'incorrect' }],
    });
  }
  await settleAttempt(db, attempt);
  await assertStrongPassword(body.newPassword, [actor.email, actor.displayName]);
  const hash = await hashThroughGate(body.newPassword);
  await db.transaction(async (tx) => {
    await setPasswordHash(tx, actor.userId, hash);
    await revokeSessions(tx, actor.userId, actor.sessionId);
    await voidAccountTokens(tx, actor.userId);
    await auditAs(tx, { actorId: actor.userId, origin }, { action: 'change-password', objectType: 'user', objectId: actor.userId, result: 'success' });
  });
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
  if (byAccount) throw rateLimited(byAccount, 'reset-account');
  if (origin.ip) {
    const byIp = await takeWindowAttempt(db, throttleKey('reset-ip', origin.ip), MAX_RESET_REQUESTS_PER_IP, RESET_WINDOW_SECONDS);
    if (byIp) {
      await refundAttempts(db, [accountKey]);
      throw rateLimited(byIp, 'reset-ip');
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
  const found = await findLiveAccountToken(db, body.token);
  if (!found) {
    await auditAs(
      db,
      { actorId: null, origin },
      { action: 'set-password', objectType: 'user', objectId: null, result: 'denied', details: { reason: 'token' } },
    );
    throw new AppError('invalid-token', 'Deze link is ongeldig, al gebruikt of verlopen. Vraag een nieuwe aan.');
  }
  // Checked before the token is used up, so a refused password does not burn the link.
  await assertStrongPassword(body.newPassword, [found.email, found.displayName]);
  const hash = await hashThroughGate(body.newPassword);
  await db.transaction(async (tx) => {
    if (!(await redeemAccountToken(tx, found.id))) throw new AppError('invalid-token', 'Deze link is al gebruikt.');
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
