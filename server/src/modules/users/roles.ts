import { type Executor, schema } from '@duidingspool/db';
import type { Role } from '@duidingspool/shared';
import { type SQL, sql } from 'drizzle-orm';

/**
 * The roles of the user whose id is `userId` (a column or value of type uuid), as one
 * alphabetically sorted array (`{}` when none): the one place the role aggregation of `user_roles`
 * is written, for selects of users, sessions and the current user.
 */
export function rolesOf(userId: SQL | SQL.Aliased | typeof schema.users.id): SQL<Role[]> {
  return sql<Role[]>`coalesce((select array_agg(r.role order by r.role) from ${schema.userRoles} r where r.user_id = ${userId}), '{}')`;
}

/**
 * The number of active admins who have a second factor set up (`pnpm admin doctor`, decision 083):
 * without one, nobody can manage the users once the first admin's account is lost.
 */
export async function activeAdminsWithSecondFactor(db: Executor): Promise<number> {
  const u = schema.users;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(u)
    .where(
      sql`${u.isActive} and ${u.totpEnabledAt} is not null and exists (select 1 from ${schema.userRoles} r where r.user_id = ${u.id} and r.role = 'admin')`,
    );
  return row?.n ?? 0;
}
