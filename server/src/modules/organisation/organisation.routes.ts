import { CaseTableListQuerySchema, CaseTableSchema, pageOf, ReferenceDataSchema } from '@duidingspool/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../plugins/auth.ts';
import { listCaseTables, referenceData } from './organisation.service.ts';

/** Casustafels and reference data (docs/design.md §3, §7). */
export const organisationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/case-tables', {
    schema: {
      tags: ['reference'],
      summary: 'Casustafels waarvoor de gebruiker mag optreden (coördinator en beheerder: alle)',
      querystring: CaseTableListQuerySchema,
      response: { 200: pageOf(CaseTableSchema).meta({ id: 'CaseTablePage' }) },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      return listCaseTables(app.db, actor, request.query);
    },
  });
  app.get('/reference-data', {
    schema: { tags: ['reference'], summary: 'Expertisegebieden en activiteiten', response: { 200: ReferenceDataSchema } },
    handler: async () => referenceData(app.db),
  });
};
