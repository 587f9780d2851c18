import { schema } from '@duidingspool/db';
import { CaseTableSchema, PageQuerySchema, pageOf, ReferenceDataSchema } from '@duidingspool/shared';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { hasRole } from '../../lib/context.ts';
import { pageWindow } from '../../lib/pagination.ts';
import { actorOf } from '../../plugins/auth.ts';

/** Casustafels and reference data (docs/design.md §3, §7). */
export const organisationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/case-tables', {
    schema: {
      tags: ['reference'],
      summary: 'Casustafels waarvoor de gebruiker mag optreden (coördinator en beheerder: alle)',
      querystring: PageQuerySchema,
      response: { 200: pageOf(CaseTableSchema).meta({ id: 'CaseTablePage' }) },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const all = hasRole(actor, 'coordinator') || hasRole(actor, 'admin');
      const ct = schema.caseTables;
      const where = all ? undefined : actor.caseTableIds.length > 0 ? inArray(ct.id, actor.caseTableIds) : sql`false`;
      const { limit, offset } = pageWindow(request.query);
      const rows = await app.db
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
      const [count] = await app.db.select({ n: sql<number>`count(*)::int` }).from(ct).where(where);
      return { items: rows, page: request.query.page, pageSize: request.query.pageSize, total: count?.n ?? 0 };
    },
  });
  app.get('/reference-data', {
    schema: { tags: ['reference'], summary: 'Expertisegebieden en activiteiten', response: { 200: ReferenceDataSchema } },
    handler: async () => ({
      expertiseAreas: await app.db.select().from(schema.expertiseAreas).orderBy(asc(schema.expertiseAreas.nameNl)),
      activities: await app.db.select().from(schema.activities),
    }),
  });
};
