import { randomBytes } from 'node:crypto';
import { type Database, type Executor, schema } from '@duidingspool/db';
import type { RecoveryCodes, Role, TotpEnrolment } from '@duidingspool/shared';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import type { Actor, RequestOrigin } from '../../lib/context.ts';
import { encryptSecret, hashToken, readSecret } from '../../lib/secrets.ts';
import { newTotpSecret, totpProvisioning, verifyTotp } from '../../lib/totp.ts';
import { auditAs } from '../audit/index.ts';
import { enableTotp, storePendingTotpSecret } from '../users/index.ts';

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

/** How many one-time recovery codes an enrolment hands out. */
export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

/** A recovery code `xxxxx-xxxxx`: 10 base32 characters (50 bits), unbiased (256 is a multiple of 32). */
export function newRecoveryCode(): string {
  const chars = [...randomBytes(10)].map((b) => ALPHABET[b % 32]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

const alreadyEnabled = () => new AppError('conflict', 'Tweestapsverificatie is al ingesteld. Vraag de beheerder om haar opnieuw in te stellen.');

/**
 * Starts TOTP enrolment: stores a new secret (encrypted) as pending and answers it with its QR
 * code. Refused when a second factor is already set up (an admin resets it first).
 *
 * @throws AppError 409 `conflict`
 */
export async function startTotpEnrolment(db: Database, actor: Actor, origin: RequestOrigin, encryptionKey: string): Promise<TotpEnrolment> {
  const secret = newTotpSecret();
  if (!(await storePendingTotpSecret(db, actor.userId, encryptSecret(secret, encryptionKey)))) throw alreadyEnabled();
  await auditAs(db, { actorId: actor.userId, origin }, { action: 'start-totp-enrolment', objectType: 'user', objectId: actor.userId, result: 'success' });
  return { secret, ...(await totpProvisioning(secret, actor.email)) };
}

/**
 * Confirms the pending secret with a code from the app: the second factor is on, ten one-time
 * recovery codes are made (answered once, stored as hashes), and the session may do everything
 * its roles allow.
 *
 * @throws AppError 409 `conflict` (none pending or already on), 400 `validation-failed` (wrong code)
 */
export async function confirmTotpEnrolment(db: Database, actor: Actor, code: string, origin: RequestOrigin, encryptionKey: string): Promise<RecoveryCodes> {
  const u = schema.users;
  const [user] = await db.select({ secret: u.totpSecretEncrypted, enabledAt: u.totpEnabledAt }).from(u).where(eq(u.id, actor.userId));
  if (!user || user.enabledAt) throw alreadyEnabled();
  if (!user.secret) throw new AppError('conflict', 'Start eerst het instellen van tweestapsverificatie.');
  const secret = readSecret(user.secret, encryptionKey);
  // A pending secret stored under another key (a restore in between) cannot be confirmed: start again.
  if (secret === null)
    throw new AppError('conflict', 'Het instellen van tweestapsverificatie is niet af te ronden op deze installatie. Begin opnieuw met instellen.');
  const step = await verifyTotp(secret, code, null);
  if (step === null) {
    await auditAs(db, { actorId: actor.userId, origin }, { action: 'enable-totp', objectType: 'user', objectId: actor.userId, result: 'denied' });
    throw new AppError('validation-failed', 'De code klopt niet. Controleer de tijd op uw telefoon en probeer de volgende code.', {
      errors: [{ in: 'body', pointer: '/code', message: 'klopt niet', code: 'incorrect' }],
    });
  }
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await db.transaction(async (tx) => {
    if (!(await enableTotp(tx, actor.userId, step))) throw alreadyEnabled();
    await tx.delete(schema.recoveryCodes).where(eq(schema.recoveryCodes.userId, actor.userId));
    await tx.insert(schema.recoveryCodes).values(codes.map((c) => ({ userId: actor.userId, codeHash: hashToken(c.replace('-', '')) })));
    await tx.update(schema.sessions).set({ enrolmentOnly: false }).where(eq(schema.sessions.id, actor.sessionId));
    await auditAs(tx, { actorId: actor.userId, origin }, { action: 'enable-totp', objectType: 'user', objectId: actor.userId, result: 'success' });
  });
  return { recoveryCodes: codes };
}

/** Deletes every recovery code of user `userId` (an admin resets their second factor). */
export async function deleteRecoveryCodes(db: Executor, userId: string): Promise<void> {
  await db.delete(schema.recoveryCodes).where(eq(schema.recoveryCodes.userId, userId));
}

/**
 * Uses up recovery code `code` (normalised, without the dash) of user `userId`: guarded, so of two
 * logins racing with the same code only one succeeds.
 *
 * @returns true when the code was the user's and unused
 */
export async function redeemRecoveryCode(db: Executor, userId: string, code: string): Promise<boolean> {
  const rc = schema.recoveryCodes;
  const used = await db
    .update(rc)
    .set({ usedAt: sql`now()` })
    .where(and(eq(rc.userId, userId), eq(rc.codeHash, hashToken(code)), isNull(rc.usedAt)))
    .returning({ id: rc.id });
  return used.length > 0;
}
