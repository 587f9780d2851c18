import { type Executor, schema } from '@duidingspool/db';
import type { CaseTable, CaseTableListQuery, ReferenceData } from '@duidingspool/shared';
import { and, asc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { type Actor, hasRole } from '../../lib/context.ts';
import { countUpTo, type Page, type PageWindow, page } from '../../lib/pagination.ts';
import { listActivities, listExpertiseAreas } from '../specialists/index.ts';

/**
 * One page of the casustafels `actor` may act for (coordinator and admin: all; a specialist: all too,
 * the public structure they declare conflicts of interest against, decision 100; others: their own
 * memberships), by name, each with its safety house, region and municipalities (docs/design.md §3).
 * Retired casustafels and municipalities are left out (they are offered for nothing new) unless
 * `q.includeRetired` is `true` (decision 081).
 */
export async function listCaseTables(db: Executor, actor: Actor, q: CaseTableListQuery): Promise<Page<CaseTable>> {
  const all = hasRole(actor, 'coordinator') || hasRole(actor, 'admin') || hasRole(actor, 'specialist');
  const ct = schema.caseTables;
  const withRetired = q.includeRetired === 'true';
  const where = and(
    all ? undefined : actor.caseTableIds.length > 0 ? inArray(ct.id, actor.caseTableIds) : sql`false`,
    withRetired ? undefined : isNull(ct.retiredAt),
  );
  const municipalityFilter = withRetired ? sql`` : sql` and m.retired_at is null`;
  const rows = ({ limit, offset }: PageWindow) =>
    db
      .select({
        id: ct.id,
        name: ct.name,
        safetyHouseId: ct.safetyHouseId,
        safetyHouseName: schema.safetyHouses.name,
        safetyRegionName: schema.safetyRegions.name,
        municipalities: sql<
          { id: string; name: string }[]
        >`coalesce((select json_agg(json_build_object('id', m.id, 'name', m.name) order by m.name) from ${schema.caseTableMunicipalities} ctm join ${schema.municipalities} m on m.id = ctm.municipality_id where ctm.case_table_id = ${ct.id}${municipalityFilter}), '[]'::json)`,
        retired: sql<boolean>`${ct.retiredAt} is not null`,
      })
      .from(ct)
      .innerJoin(schema.safetyHouses, eq(schema.safetyHouses.id, ct.safetyHouseId))
      .innerJoin(schema.safetyRegions, eq(schema.safetyRegions.id, schema.safetyHouses.regionId))
      .where(where)
      .orderBy(asc(ct.name), asc(ct.id))
      .limit(limit)
      .offset(offset);
  return page(
    q,
    rows,
    (cap) => countUpTo(db, db.select({ one: sql`1` }).from(ct).where(where), cap),
    (row) => row,
  );
}

/**
 * The expertise areas (by Dutch name) and activities, read from the specialists module, and the
 * safety regions by code (the specialist profile's regions), for forms and filters (docs/design.md §7).
 */
export async function referenceData(db: Executor): Promise<ReferenceData> {
  const r = schema.safetyRegions;
  const regions = await db.select({ code: r.code, name: r.name, retiredAt: r.retiredAt }).from(r).orderBy(asc(r.code));
  return {
    expertiseAreas: await listExpertiseAreas(db),
    activities: await listActivities(db),
    safetyRegions: regions.map(({ retiredAt, ...row }) => ({ ...row, retired: retiredAt !== null })),
  };
}

/** True when casustafel `caseTableId` serves municipality `municipalityId` (`case_table_municipalities`). */
export async function servesMunicipality(db: Executor, caseTableId: string, municipalityId: string): Promise<boolean> {
  const m = schema.caseTableMunicipalities;
  const [row] = await db
    .select({ id: m.municipalityId })
    .from(m)
    .where(and(eq(m.caseTableId, caseTableId), eq(m.municipalityId, municipalityId)));
  return row !== undefined;
}

/** The ids among `ids` that name no casustafel, in the order given (empty when all are known). */
export async function unknownCaseTables(db: Executor, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const ct = schema.caseTables;
  const known = new Set(
    (
      await db
        .select({ id: ct.id })
        .from(ct)
        .where(inArray(ct.id, [...ids]))
    ).map((k) => k.id),
  );
  return ids.filter((id) => !known.has(id));
}

/** True when casustafel `caseTableId` is retired (it takes no new requests, decision 081). */
export async function caseTableRetired(db: Executor, caseTableId: string): Promise<boolean> {
  const ct = schema.caseTables;
  // `for share`: until the caller's transaction ends the casustafel is neither retired nor changes
  // the municipalities it serves (both lock its row `for update` first, then check what uses it).
  const [row] = await db.select({ retiredAt: ct.retiredAt }).from(ct).where(eq(ct.id, caseTableId)).for('share');
  return row !== undefined && row.retiredAt !== null;
}

/** The ids among `ids` that name a retired casustafel, in the order given (they take no new members, decision 081). */
export async function retiredCaseTables(db: Executor, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const ct = schema.caseTables;
  const retired = new Set(
    (
      await db
        .select({ id: ct.id })
        .from(ct)
        .where(and(inArray(ct.id, [...ids]), isNotNull(ct.retiredAt)))
    ).map((k) => k.id),
  );
  return ids.filter((id) => retired.has(id));
}

/**
 * How much structure the database holds (`pnpm admin doctor`, decision 083): safety regions,
 * municipalities and casustafels, counted in one query.
 */
export async function structureCounts(db: Executor): Promise<{ regions: number; municipalities: number; caseTables: number }> {
  const [row] = await db
    .select({
      regions: sql<number>`(select count(*) from ${schema.safetyRegions} where ${schema.safetyRegions.retiredAt} is null)::int`,
      municipalities: sql<number>`(select count(*) from ${schema.municipalities} where ${schema.municipalities.retiredAt} is null)::int`,
      caseTables: sql<number>`(select count(*) from ${schema.caseTables} where ${schema.caseTables.retiredAt} is null)::int`,
    })
    .from(sql`(select 1) as one`);
  return row ?? { regions: 0, municipalities: 0, caseTables: 0 };
}

/**
 * The ids among `ids` that name no municipality (`unknown`) or a retired one (`retired`), each in
 * the order given: a municipality's new members and requests (decision 095) take neither.
 */
export async function municipalityProblems(db: Executor, ids: readonly string[]): Promise<{ unknown: string[]; retired: string[] }> {
  if (ids.length === 0) return { unknown: [], retired: [] };
  const m = schema.municipalities;
  const rows = await db
    .select({ id: m.id, retiredAt: m.retiredAt })
    .from(m)
    .where(inArray(m.id, [...ids]));
  const known = new Map(rows.map((r) => [r.id, r.retiredAt !== null]));
  return { unknown: ids.filter((id) => !known.has(id)), retired: ids.filter((id) => known.get(id) === true) };
}
