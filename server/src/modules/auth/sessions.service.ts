import { type Database, dummyPasswordHash, schema, verifyPassword } from '@duidingspool/db';
import type { LoginBody, Me, Role } from '@duidingspool/shared';
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import type { Actor, RequestOrigin } from '../../lib/context.ts';

/** Failed logins allowed per account, and per IP address, within `THROTTLE_WINDOW_MINUTES`. */
export const MAX_FAILED_LOGINS_PER_ACCOUNT = 10;
export const MAX_FAILED_LOGINS_PER_IP = 50;
export const THROTTLE_WINDOW_MINUTES = 15;

/**
 * Refuses a login attempt with 429 `rate-limited` once the account or the IP address has had too
 * many failed logins recently (DESIGN.md §6). Counted from the audit log, so it holds across
 * server instances and only failures count.
 *
 * @throws AppError 429 `rate-limited`
 */
async function assertNotThrottled(db: Database, email: string, ip: string | null): Promise<void> {
  const ev = schema.auditEvents;
  const [row] = await db
    .select({
      byAccount: sql<number>`count(*) filter (where ${ev.details}->>'email' = ${email})::int`,
      byIp: ip ? sql<number>`count(*) filter (where ${ev.ip} = ${ip}::inet)::int` : sql<number>`0`,
    })
    .from(ev)
    .where(and(eq(ev.action, 'login'), eq(ev.result, 'denied'), gt(ev.occurredAt, sql`now() - make_interval(mins => ${THROTTLE_WINDOW_MINUTES})`)));
  if ((row?.byAccount ?? 0) >= MAX_FAILED_LOGINS_PER_ACCOUNT || (row?.byIp ?? 0) >= MAX_FAILED_LOGINS_PER_IP) {
    throw new AppError('rate-limited', `Te veel mislukte inlogpogingen. Probeer het over ${THROTTLE_WINDOW_MINUTES} minuten opnieuw.`);
  }
}

/**
 * Checks e-mail and password and opens a server-side session of `maxSeconds`. Unknown user,
 * deactivated user and wrong password answer alike (and take alike long). DESIGN.md §6.
 *
 * @returns the user id and session id
 * @throws AppError 401 `unauthenticated`, 429 `rate-limited`
 */
export async function login(db: Database, body: LoginBody, origin: RequestOrigin, maxSeconds: number): Promise<{ userId: string; sessionId: string }> {
  await assertNotThrottled(db, body.email, origin.ip);
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
      details: { email: body.email },
    });
    throw new AppError('unauthenticated', 'E-mailadres of wachtwoord is onjuist.');
  }
  return db.transaction(async (tx) => {
    const [session] = await tx
      .insert(schema.sessions)
      .values({
        userId: user.id,
        expiresAt: sql`now() + make_interval(secs => ${maxSeconds})` as never,
        ip: origin.ip,
        userAgent: origin.userAgent?.slice(0, 512) ?? null,
      })
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
    await tx
      .update(schema.sessions)
      .set({ revokedAt: sql`now()` as never })
      .where(eq(schema.sessions.id, actor.sessionId));
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
      roles: sql<Role[]>`coalesce((select array_agg(r.role order by r.role) from ${schema.userRoles} r where r.user_id = ${userId}::uuid), '{}')`,
      specialistId: sql<string | null>`(select sp.id::text from ${schema.specialists} sp where sp.user_id = ${userId}::uuid and sp.is_active)`,
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
