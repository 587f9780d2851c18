import {
  amsterdamDate,
  CreateRateBodySchema,
  IdParamsSchema,
  pageOf,
  SpecialistListQuerySchema,
  SpecialistRateListSchema,
  SpecialistRateSchema,
  SpecialistSchema,
} from '@duidingspool/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { serviceContext } from '../../lib/service-context.ts';
import { actorOf } from '../../plugins/auth.ts';
import { listPoolSpecialists } from './pool.read-model.ts';
import { addRate, listRates } from './rates.service.ts';

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
    handler: async (request) => listPoolSpecialists(app.db, actorOf(request), request.query, amsterdamDate(now())),
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
