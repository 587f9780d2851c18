import { type Executor, schema } from '@duidingspool/db';
import { and, eq, isNull, or, sql } from 'drizzle-orm';

/**
 * The credential columns of `users` (password hash, second factor), written for the auth module:
 * `users` is this module's table (docs/decisions/050-table-owners-and-module-boundaries.md); auth
 * decides when a credential changes, these functions write it.
 */

const u = schema.users;

/** Sets user `userId`'s password to the argon2 hash `hash` (changed now). */
export async function setPasswordHash(db: Executor, userId: string, hash: string): Promise<void> {
  await db.update(u).set({ passwordHash: hash, passwordChangedAt: sql`now()` }).where(eq(u.id, userId));
}

/**
 * Stores `encryptedSecret` as the pending TOTP secret of `userId`, only while no second factor is
 * on. Answers false when one is.
 */
export async function storePendingTotpSecret(db: Executor, userId: string, encryptedSecret: string): Promise<boolean> {
  const updated = await db
    .update(u)
    .set({ totpSecretEncrypted: encryptedSecret, totpLastTimeStep: null })
    .where(and(eq(u.id, userId), isNull(u.totpEnabledAt)))
    .returning({ id: u.id });
  return updated.length > 0;
}

/** Turns the second factor of `userId` on with time step `step` used; false when it already was on. */
export async function enableTotp(db: Executor, userId: string, step: number): Promise<boolean> {
  const enabled = await db
    .update(u)
    .set({ totpEnabledAt: new Date(), totpLastTimeStep: step })
    .where(and(eq(u.id, userId), isNull(u.totpEnabledAt)))
    .returning({ id: u.id });
  return enabled.length > 0;
}

/**
 * Records TOTP time step `step` as used by `userId`, guarded: of two logins racing with the same
 * code only one moves the step on. Answers false when the step was not newer than the last one.
 */
export async function recordTotpStep(db: Executor, userId: string, step: number): Promise<boolean> {
  const used = await db
    .update(u)
    .set({ totpLastTimeStep: step })
    .where(and(eq(u.id, userId), or(isNull(u.totpLastTimeStep), sql`${u.totpLastTimeStep} < ${step}`)))
    .returning({ id: u.id });
  return used.length > 0;
}
