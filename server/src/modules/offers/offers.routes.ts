import { CreateOfferBodySchema, DecideOfferBodySchema, IdParamsSchema, OfferListQuerySchema, OfferSchema, pageOf } from '@duidingspool/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { serviceContext } from '../../lib/service-context.ts';
import { createOffer, decideOffer, getOffer, listOffers } from './offers.service.ts';

const tags = ['offers'];

/** The coordinator's proactive offers to casustafels and municipalities (docs/design.md §4, decision 130). */
export const offerRoutes: FastifyPluginAsyncZod<{ now: () => Date }> = async (app, opts) => {
  const ctx = (request: Parameters<typeof serviceContext>[1]) => serviceContext(app, request, opts.now);
  app.get('/offers', {
    config: { roles: ['requester', 'coordinator'] },
    schema: {
      tags,
      summary: 'Aanbod van de coördinator (coördinator: alles; leden: aan hun casustafel of gemeente)',
      querystring: OfferListQuerySchema,
      response: { 200: pageOf(OfferSchema).meta({ id: 'OfferPage' }) },
    },
    handler: async (request) => listOffers(ctx(request), request.query),
  });
  app.post('/offers', {
    config: { roles: ['coordinator'], problems: ['retired', 'personal-data-detected'] },
    schema: {
      tags,
      summary: 'Aanbod doen aan een casustafel of gemeente (training, sessie, aanwezigheid aan tafel, …)',
      body: CreateOfferBodySchema,
      response: { 201: OfferSchema },
    },
    handler: async (request, reply) => {
      const created = await createOffer(ctx(request), request.body);
      return reply.code(201).header('Location', `/api/v1/offers/${created.id}`).send(created);
    },
  });
  app.get('/offers/:id', {
    config: { roles: ['requester', 'coordinator'] },
    schema: { tags, summary: 'Eén aanbod', params: IdParamsSchema, response: { 200: OfferSchema } },
    handler: async (request) => getOffer(ctx(request), request.params.id),
  });
  app.patch('/offers/:id', {
    config: { roles: ['requester', 'coordinator'], problems: ['invalid-transition', 'retired', 'personal-data-detected'] },
    schema: {
      tags,
      summary: 'Aanbod aannemen (er wordt een verzoek van dat soort ingediend), afwijzen of intrekken',
      params: IdParamsSchema,
      body: DecideOfferBodySchema,
      response: { 200: OfferSchema },
    },
    handler: async (request) => decideOffer(ctx(request), request.params.id, request.body),
  });
};
