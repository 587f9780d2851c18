import { type Database, dummyPasswordHash, schema, verifyPassword } from '@duidingspool/db';
import type { LoginBody, Me, Role } from '@duidingspool/shared';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import type { Actor, RequestOrigin } from '../../lib/context.ts';

/**
 * Checks e-mail and password and opens a server-side session of `maxSeconds`. Unknown user,
 * deactivated user and wrong password answer alike (and take alike long). DESIGN.md §6.
 *
 * @returns the user id and session id
 * @throws AppError 401 `unauthenticated`
 */
export async function login(db: Database, body: LoginBody, origin: RequestOrigin, maxSeconds: number): Promise<{ userId: string; sessionId: string }> {
  const [user] = await db
    .select({ id: schema.users.id, passwordHash: schema.users.passwordHash, isActive: schema.users.isActive })
    .from(schema.users)
    .where(eq(schema.users.email, body.email));
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), body.password);
  if (!user || !ok || !user.isActive) {
    await db.insert(schema.auditEvents).values({
      actorId: user?.id ?? null,
      action: 'login',
      objectType: 'session',
      objectId: null,
      result: 'denied',
      ip: origin.ip,
      userAgent: origin.userAgent?.slice(0, 512) ?? null,
    });
    throw new AppError('unauthenticated', 'E-mailadres of wachtwoord is onjuist.');
  }
  return db.transaction(async (tx) => {
    const [session] = await tx
      .insert(schema.sessions)
      .values({ userId: user.id, expiresAt: sql`now() + make_interval(secs => ${maxSeconds})` as never, ip: origin.ip, userAgent: origin.userAgent?.slice(0, 512) ?? null })
      .returning({ id: schema.sessions.id });
    if (!session) throw new Error('insert returned no row');
    await tx.insert(schema.auditEvents).values({
      actorId: user.id,
      action: 'login',
      objectType: 'session',
      objectId: session.id,
      result: 'success',
      ip: origin.ip,
      userAgent: origin.userAgent?.slice(0, 512) ?? null,
    });
    return { userId: user.id, sessionId: session.id };
  });
}

/** Revokes the session at once: its JWT stops working on the next request. */
export async function logout(db: Database, actor: Actor, origin: RequestOrigin): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(schema.sessions).set({ revokedAt: sql`now()` as never }).where(eq(schema.sessions.id, actor.sessionId));
    await tx.insert(schema.auditEvents).values({
      actorId: actor.userId,
      action: 'logout',
      objectType: 'session',
      objectId: actor.sessionId,
      result: 'success',
      ip: origin.ip,
      userAgent: origin.userAgent?.slice(0, 512) ?? null,
    });
  });
}

/** The user with roles, memberships (with casustafel names) and specialist profile. */
export async function loadMe(db: Database, userId: string): Promise<Me> {
  const [user] = await db
    .select({
      id: schema.users.id,
      email: schema.users.email,
      displayName: schema.users.displayName,
      language: schema.users.language,
      roles: sql<Role[]>`coalesce((select array_agg(r.role order by r.role) from ${schema.userRoles} r where r.user_id = ${schema.users.id}), '{}')`,
      specialistId: sql<string | null>`(select sp.id::text from ${schema.specialists} sp where sp.user_id = ${schema.users.id} and sp.is_active)`,
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
  return { ...user, language: user.language === 'en' ? 'en' : 'nl', memberships };
}
