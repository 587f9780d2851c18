import { type Executor, schema } from '@duidingspool/db';
import type { AccountTokenPurpose } from '@duidingspool/shared';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { hashToken, randomToken } from '../../lib/secrets.ts';
import { enqueueSecurityMail, withdrawDeadLinks } from '../notifications/index.ts';

// One-time account links (invitation, password reset): issued, looked up, used and voided here,
// the only code that touches `account_tokens` (decision 041).

/** Lifetime of a password-reset link, minutes. */
export const PASSWORD_RESET_TTL_MINUTES = 60;

/** Lifetime of an invitation link, hours. */
export const INVITATION_TTL_HOURS = 72;

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

/** A live link's token with the user it is for. */
export interface LiveAccountToken {
  id: string;
  userId: string;
  purpose: AccountTokenPurpose;
  email: string;
  displayName: string;
}

/**
 * Looks up the link token `token` by its sha256: unused, not expired, for an active user.
 *
 * @returns the token and its user, or null
 */
export async function findLiveAccountToken(db: Executor, token: string): Promise<LiveAccountToken | null> {
  const t = schema.accountTokens;
  const u = schema.users;
  const [found] = await db
    .select({ id: t.id, userId: t.userId, purpose: t.purpose, email: u.email, displayName: u.displayName })
    .from(t)
    .innerJoin(u, eq(u.id, t.userId))
    .where(and(eq(t.tokenHash, hashToken(token)), isNull(t.usedAt), gt(t.expiresAt, sql`now()`), eq(u.isActive, true)));
  return found ?? null;
}

/**
 * Marks link token `id` used, guarded: of two requests racing with the same link only one wins.
 *
 * @returns false when it was already used
 */
export async function redeemAccountToken(tx: Executor, id: string): Promise<boolean> {
  const t = schema.accountTokens;
  const used = await tx
    .update(t)
    .set({ usedAt: sql`now()` })
    .where(and(eq(t.id, id), isNull(t.usedAt)))
    .returning({ id: t.id });
  return used.length > 0;
}
