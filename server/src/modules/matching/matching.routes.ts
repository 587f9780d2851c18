import { IdParamsSchema, PutStandingSpecialistsBodySchema, StandingSpecialistListSchema, SuggestionListSchema } from '@duidingspool/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { serviceContext } from '../../lib/service-context.ts';
import { getStandingSpecialists, setStandingSpecialists } from './standing-specialists.service.ts';
import { getSuggestions } from './suggestions.read-model.ts';

/** Suggestions for a request and standing specialists per casustafel (coordinator; decisions 100, 101). */
export const matchingRoutes: FastifyPluginAsyncZod<{ now?: () => Date }> = async (app, opts) => {
  const now = opts.now ?? (() => new Date());
  const ctx = (request: Parameters<typeof serviceContext>[1]) => serviceContext(app, request, now);
  app.get('/interpretation-requests/:id/suggestions', {
    config: { roles: ['coordinator'] },
    schema: {
      tags: ['assignments'],
      summary: 'Specialisten voor dit verzoek, gerangschikt met redenen, en wie niet in aanmerking komt en waarom',
      params: IdParamsSchema,
      response: { 200: SuggestionListSchema },
    },
    handler: async (request) => getSuggestions(ctx(request), request.params.id),
  });
  app.get('/case-tables/:id/standing-specialists', {
    config: { roles: ['coordinator'] },
    schema: {
      tags: ['reference'],
      summary: 'Vaste specialisten van een casustafel',
      params: IdParamsSchema,
      response: { 200: StandingSpecialistListSchema },
    },
    handler: async (request) => getStandingSpecialists(ctx(request), request.params.id),
  });
  app.put('/case-tables/:id/standing-specialists', {
    config: { roles: ['coordinator'], problems: ['separation-of-duties', 'conflict-of-interest', 'retired'] },
    schema: {
      tags: ['reference'],
      summary: 'Vaste specialisten van een casustafel vastleggen (de hele lijst)',
      params: IdParamsSchema,
      body: PutStandingSpecialistsBodySchema,
      response: { 200: StandingSpecialistListSchema },
    },
    handler: async (request) => setStandingSpecialists(ctx(request), request.params.id, request.body),
  });
};
