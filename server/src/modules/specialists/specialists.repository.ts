import { type Executor, schema } from '@duidingspool/db';
import type { SpecialistAction } from '@duidingspool/shared';
import { and, Column, eq, getTableName, type SQL, sql } from 'drizzle-orm';
import { type Actor, hasRole } from '../../lib/context.ts';
import { isOwnWork } from '../../lib/separation-of-duties.ts';

const s = schema.specialists;
const u = schema.users;

/**
 * True (in SQL) when a specialist is active in the pool: the profile is active, the user account is
 * active and the user still holds the `specialist` role. Only active specialists are offered (the
 * specialist list, the assignment picker) and assignable; a specialist who stops being active has
 * their open proposals withdrawn (docs/design.md §4). The query must join `specialists` and `users`.
 */
export const activeInPool: SQL = sql`(${s.isActive} and ${u.isActive} and exists (select 1 from ${schema.userRoles} ur where ur.user_id = ${u.id} and ur.role = 'specialist'))`;

/** The specialist profile `specialistId` with its user and whether it is active in the pool, or null. */
export async function findSpecialist(db: Executor, specialistId: string): Promise<{ id: string; userId: string; active: boolean } | null> {
  const [row] = await db
    .select({ id: s.id, userId: s.userId, active: sql<boolean>`${activeInPool}` })
    .from(s)
    .innerJoin(u, eq(u.id, s.userId))
    .where(and(eq(s.id, specialistId)));
  return row ? { ...row, active: row.active === true } : null;
}

/**
 * The id (as text) of the active specialist profile of the user whose id is `userId` (a uuid column
 * or value), or null: the one place this subquery is written, for the actor of a session and the
 * current user.
 */
export function activeSpecialistIdOf(userId: SQL | typeof schema.users.id): SQL<string | null> {
  // A column is written with its table: drizzle leaves it bare in a query on one table, and a bare
  // "id" inside this subquery would name the specialist's own id (the profile was then never found).
  const user = userId instanceof Column ? sql`${sql.identifier(getTableName(userId.table))}.${sql.identifier(userId.name)}` : userId;
  return sql<string | null>`(select sp.id::text from ${s} sp where sp.user_id = ${user} and sp.is_active)`;
}

/** The specialist profile of user `userId`, or null when the user has none. */
export async function findSpecialistOfUser(db: Executor, userId: string): Promise<{ id: string } | null> {
  const [row] = await db.select({ id: s.id }).from(s).where(eq(s.userId, userId));
  return row ?? null;
}

/**
 * What `actor` may do with the specialist whose user is `specialistUserId`: a coordinator may
 * assign them and add a rate, except for their own profile (separation of duties).
 */
export function specialistActions(actor: Actor, specialistUserId: string): SpecialistAction[] {
  if (!hasRole(actor, 'coordinator') || isOwnWork(actor, specialistUserId)) return [];
  return ['assign', 'add-rate'];
}
