import { schema } from '@duidingspool/db';
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
