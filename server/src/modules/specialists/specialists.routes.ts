import { schema } from '@duidingspool/db';
import {
  amsterdamDate,
  CreateRateBodySchema,
  IdParamsSchema,
  LIVE_ASSIGNMENT_STATUSES,
  pageOf,
  SpecialistListQuerySchema,
  SpecialistRateListSchema,
  SpecialistRateSchema,
  SpecialistSchema,
} from '@duidingspool/shared';
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pageWindow } from '../../lib/pagination.ts';
import { serviceContext } from '../../lib/service-context.ts';
import { actorOf } from '../../plugins/auth.ts';
import { addRate, listRates } from './rates.service.ts';
import { activeInPool, specialistActions } from './specialists.repository.ts';

/**
 * The pool's active specialists (see `activeInPool`) with expertise, current rate and current load,
 * for the coordinator; each with the actions the coordinator may take on them.
 */
export const specialistRoutes: FastifyPluginAsyncZod<{ now?: () => Date }> = async (app, opts) => {
  const now = opts.now ?? (() => new Date());
  app.get('/specialists', {
    config: { roles: ['coordinator'] },
    schema: {
      tags: ['reference'],
      summary: 'Actieve specialisten met expertise, capaciteit, huidig tarief en huidige belasting',
      querystring: SpecialistListQuerySchema,
      response: { 200: pageOf(SpecialistSchema).meta({ id: 'SpecialistPage' }) },
    },
    handler: async (request) => {
      const q = request.query;
      const s = schema.specialists;
      const today = amsterdamDate(now());
      const actor = actorOf(request);
      const filters: SQL[] = [activeInPool];
      if (q.expertiseAreaCode) {
        filters.push(
          sql`exists (select 1 from ${schema.specialistExpertiseAreas} x where x.specialist_id = ${s.id} and x.expertise_area_code = ${q.expertiseAreaCode})`,
        );
      }
      if (q.language) filters.push(sql`exists (select 1 from ${schema.specialistLanguages} l where l.specialist_id = ${s.id} and l.language = ${q.language})`);
      const where = and(...filters);
      const live = sql`a.status in (${sql.join(
        LIVE_ASSIGNMENT_STATUSES.map((status) => sql`${status}`),
        sql`, `,
      )}) and a.closed_at is null`;
      const { limit, offset } = pageWindow(q);
      const rows = await app.db
        .select({
          id: s.id,
          userId: s.userId,
          displayName: schema.users.displayName,
          email: schema.users.email,
          capacityMinutesPerMonth: s.capacityMinutesPerMonth,
          screeningValidUntil: s.screeningValidUntil,
          expertiseAreaCodes: sql<
            string[]
          >`coalesce((select array_agg(x.expertise_area_code order by x.expertise_area_code) from ${schema.specialistExpertiseAreas} x where x.specialist_id = ${s.id}), '{}')`,
          languages: sql<
            string[]
          >`coalesce((select array_agg(l.language order by l.language) from ${schema.specialistLanguages} l where l.specialist_id = ${s.id}), '{}')`,
          regionCodes: sql<
            string[]
          >`coalesce((select array_agg(sr.code order by sr.code) from ${schema.specialistRegions} x join ${schema.safetyRegions} sr on sr.id = x.region_id where x.specialist_id = ${s.id}), '{}')`,
          currentRateCents: sql<
            string | number | null
          >`(select r.rate_cents from ${schema.specialistRates} r where r.specialist_id = ${s.id} and r.valid_from <= ${today}::date order by r.valid_from desc limit 1)`,
          openAssignments: sql<number>`(select count(*)::int from ${schema.assignments} a where a.specialist_id = ${s.id} and ${live})`,
          openEstimatedMinutes: sql<number>`(select coalesce(sum(a.estimated_minutes - a.logged_minutes), 0)::int from ${schema.assignments} a where a.specialist_id = ${s.id} and ${live})`,
        })
        .from(s)
        .innerJoin(schema.users, eq(schema.users.id, s.userId))
        .where(where)
        .orderBy(asc(schema.users.displayName), asc(s.id))
        .limit(limit)
        .offset(offset);
      const [count] = await app.db.select({ n: sql<number>`count(*)::int` }).from(s).innerJoin(schema.users, eq(schema.users.id, s.userId)).where(where);
      return {
        items: rows.map(({ userId, ...row }) => ({
          ...row,
          currentRateCents: row.currentRateCents === null ? null : Number(row.currentRateCents),
          allowedActions: specialistActions(actor, userId),
        })),
        page: q.page,
        pageSize: q.pageSize,
        total: count?.n ?? 0,
      };
    },
  });
  const ctx = (request: Parameters<typeof serviceContext>[1]) => serviceContext(app, request, now);
  app.get('/specialists/:id/rates', {
    config: { roles: ['coordinator'] },
    schema: { tags: ['reference'], summary: 'Tariefhistorie van een specialist', params: IdParamsSchema, response: { 200: SpecialistRateListSchema } },
    handler: async (request) => ({ items: await listRates(ctx(request), request.params.id) }),
  });
  app.post('/specialists/:id/rates', {
    config: { roles: ['coordinator'], problems: ['separation-of-duties'] },
    schema: {
      tags: ['reference'],
      summary: 'Nieuw tarief vanaf een datum (bestaande uren houden hun prijs)',
      params: IdParamsSchema,
      body: CreateRateBodySchema,
      response: { 201: SpecialistRateSchema },
    },
    handler: async (request, reply) => reply.code(201).send(await addRate(ctx(request), request.params.id, request.body)),
  });
};
