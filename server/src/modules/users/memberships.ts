import { type Executor, schema } from '@duidingspool/db';
import { asc, eq, inArray, type SQL, sql } from 'drizzle-orm';

// Reads of a user's casustafel memberships (`case_table_members`, this module's table) for the
// session's actor, the admin's user list and the current user.

const m = schema.caseTableMembers;

/**
 * The ids (as text) of the casustafels the user whose id is `userId` (a uuid column or value) is a
 * member of, sorted (`{}` when none): the one place this aggregation is written.
 */
export function caseTableIdsOf(userId: SQL | typeof schema.users.id): SQL<string[]> {
  return sql<string[]>`coalesce((select array_agg(m.case_table_id::text order by m.case_table_id) from ${m} m where m.user_id = ${userId}), '{}')`;
}

/**
 * The ids (as text) of the municipalities the user whose id is `userId` is a member of (a policy or
 * safety adviser asking on its behalf, decision 095), sorted (`{}` when none).
 */
export function municipalityIdsOf(userId: SQL | typeof schema.users.id): SQL<string[]> {
  return sql<
    string[]
  >`coalesce((select array_agg(mm.municipality_id::text order by mm.municipality_id) from ${schema.municipalityMembers} mm where mm.user_id = ${userId}), '{}')`;
}

/** The memberships of user `userId` with each casustafel's name (read from organisation's `case_tables`), by name. */
export async function membershipsOf(db: Executor, userId: string): Promise<{ caseTableId: string; caseTableName: string }[]> {
  return db
    .select({ caseTableId: schema.caseTables.id, caseTableName: schema.caseTables.name })
    .from(m)
    .innerJoin(schema.caseTables, eq(schema.caseTables.id, m.caseTableId))
    .where(eq(m.userId, userId))
    .orderBy(asc(schema.caseTables.name));
}

/** The municipality memberships of user `userId` with each municipality's name (organisation's `municipalities`), by name. */
export async function municipalityMembershipsOf(db: Executor, userId: string): Promise<{ municipalityId: string; municipalityName: string }[]> {
  const mm = schema.municipalityMembers;
  return db
    .select({ municipalityId: schema.municipalities.id, municipalityName: schema.municipalities.name })
    .from(mm)
    .innerJoin(schema.municipalities, eq(schema.municipalities.id, mm.municipalityId))
    .where(eq(mm.userId, userId))
    .orderBy(asc(schema.municipalities.name));
}

/** A casustafel's member as the admin's reference-data page lists them. */
export interface CaseTableMember {
  userId: string;
  displayName: string;
  email: string;
}

/** The members of each of the casustafels `caseTableIds`, by e-mail (a casustafel without members is absent from the map). */
export async function membersOfCaseTables(db: Executor, caseTableIds: readonly string[]): Promise<Map<string, CaseTableMember[]>> {
  const out = new Map<string, CaseTableMember[]>();
  if (caseTableIds.length === 0) return out;
  const u = schema.users;
  const rows = await db
    .select({ caseTableId: m.caseTableId, userId: u.id, displayName: u.displayName, email: u.email })
    .from(m)
    .innerJoin(u, eq(u.id, m.userId))
    .where(inArray(m.caseTableId, [...caseTableIds]))
    .orderBy(asc(u.email));
  for (const { caseTableId, ...member } of rows) out.set(caseTableId, [...(out.get(caseTableId) ?? []), member]);
  return out;
}
