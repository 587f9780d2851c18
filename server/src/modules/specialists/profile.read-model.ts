import { type Executor, schema } from '@duidingspool/db';
import { eq, inArray, sql } from 'drizzle-orm';
import { activeInPool } from './specialists.repository.ts';

// Read model of the specialist's profile page (docs/architecture.md, "Read models"). Besides this
// module's tables it reads, and never writes: `users` (name and address of the specialist, and
// whether the account is active and holds the role) and `safety_regions` (organisation: the codes
// of the regions a specialist works in, and which codes exist or are retired).

const s = schema.specialists;

/** One profile as stored, with its user's name and address and whether it is active in the pool. */
export interface ProfileRow {
  id: string;
  userId: string;
  displayName: string;
  email: string;
  active: boolean;
  capacityMinutesPerMonth: number;
  screeningDate: string | null;
  screeningValidUntil: string | null;
  bio: string;
  expertiseAreaCodes: string[];
  languages: string[];
  regionCodes: string[];
}

/**
 * The specialist's expertise-area codes, language codes and safety-region codes, each sorted and
 * `[]` when none: the list columns shared by the profile and the pool list.
 */
export function profileListColumns() {
  return {
    expertiseAreaCodes: sql<
      string[]
    >`coalesce((select array_agg(x.expertise_area_code order by x.expertise_area_code) from ${schema.specialistExpertiseAreas} x where x.specialist_id = ${s.id}), '{}')`,
    languages: sql<
      string[]
    >`coalesce((select array_agg(l.language order by l.language) from ${schema.specialistLanguages} l where l.specialist_id = ${s.id}), '{}')`,
    regionCodes: sql<
      string[]
    >`coalesce((select array_agg(sr.code order by sr.code) from ${schema.specialistRegions} x join ${schema.safetyRegions} sr on sr.id = x.region_id where x.specialist_id = ${s.id}), '{}')`,
  };
}

/** The profile `specialistId` (`lock`: its `specialists` row locked for update), or null. */
export async function findProfileRow(db: Executor, specialistId: string, lock = false): Promise<ProfileRow | null> {
  const query = db
    .select({
      id: s.id,
      userId: s.userId,
      displayName: schema.users.displayName,
      email: schema.users.email,
      active: sql<boolean>`${activeInPool}`,
      capacityMinutesPerMonth: s.capacityMinutesPerMonth,
      screeningDate: s.screeningDate,
      screeningValidUntil: s.screeningValidUntil,
      bio: s.bio,
      ...profileListColumns(),
    })
    .from(s)
    .innerJoin(schema.users, eq(schema.users.id, s.userId))
    .where(eq(s.id, specialistId));
  const [row] = lock ? await query.for('update', { of: s }) : await query;
  return row ? { ...row, active: row.active === true } : null;
}

/** The safety regions among `codes` that exist: id, code and whether retired. */
export async function regionsByCode(db: Executor, codes: readonly string[]): Promise<{ id: string; code: string; retired: boolean }[]> {
  if (codes.length === 0) return [];
  const r = schema.safetyRegions;
  const rows = await db
    .select({ id: r.id, code: r.code, retiredAt: r.retiredAt })
    .from(r)
    .where(inArray(r.code, [...codes]));
  return rows.map(({ retiredAt, ...row }) => ({ ...row, retired: retiredAt !== null }));
}
