import { type Executor, schema } from '@duidingspool/db';
import type { CaseTable, PageQuerySchema, ReferenceData } from '@duidingspool/shared';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Actor, hasRole } from '../../lib/context.ts';
import { type Page, type PageWindow, page, rowCount } from '../../lib/pagination.ts';

/**
 * One page of the casustafels `actor` may act for (coordinator and admin: all; others: their own
 * memberships), by name, each with its safety house, region and municipalities (docs/design.md §3).
 */
export async function listCaseTables(db: Executor, actor: Actor, q: z.infer<typeof PageQuerySchema>): Promise<Page<CaseTable>> {
  const all = hasRole(actor, 'coordinator') || hasRole(actor, 'admin');
  const ct = schema.caseTables;
  const where = all ? undefined : actor.caseTableIds.length > 0 ? inArray(ct.id, actor.caseTableIds) : sql`false`;
  const rows = ({ limit, offset }: PageWindow) =>
    db
      .select({
        id: ct.id,
        name: ct.name,
        safetyHouseName: schema.safetyHouses.name,
        safetyRegionName: schema.safetyRegions.name,
        municipalities: sql<
          { id: string; name: string }[]
        >`coalesce((select json_agg(json_build_object('id', m.id, 'name', m.name) order by m.name) from ${schema.caseTableMunicipalities} ctm join ${schema.municipalities} m on m.id = ctm.municipality_id where ctm.case_table_id = ${ct.id}), '[]'::json)`,
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
    () => db.select({ n: rowCount() }).from(ct).where(where),
    (row) => row,
  );
}

/** The expertise areas (by Dutch name) and activities, for forms and filters (docs/design.md §7). */
export async function referenceData(db: Executor): Promise<ReferenceData> {
  return {
    expertiseAreas: await db.select().from(schema.expertiseAreas).orderBy(asc(schema.expertiseAreas.nameNl)),
    activities: await db.select().from(schema.activities),
  };
}
