import {
  CreateExtensionBodySchema,
  DecideExtensionBodySchema,
  ExtensionListQuerySchema,
  ExtensionRequestSchema,
  IdParamsSchema,
  pageOf,
} from '@duidingspool/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { serviceContext } from '../../lib/service-context.ts';
import { decideExtension, listExtensionRequests, requestExtension } from './extension-requests.service.ts';

const tags = ['assignments'];

/** Extension requests: the specialist asks for more hours, the coordinator grants or refuses. */
export const extensionRequestRoutes: FastifyPluginAsyncZod<{ now: () => Date }> = async (app, opts) => {
  const ctx = (request: Parameters<typeof serviceContext>[1]) => serviceContext(app, request, opts.now);
  app.get('/extension-requests', {
    config: { roles: ['coordinator', 'specialist'] },
    schema: {
      tags,
      summary: 'Verzoeken om meer uren (coördinator: alle; specialist: eigen)',
      querystring: ExtensionListQuerySchema,
      response: { 200: pageOf(ExtensionRequestSchema).meta({ id: 'ExtensionRequestPage' }) },
    },
    handler: async (request) => {
      return listExtensionRequests(ctx(request), request.query);
    },
  });
  app.post('/assignments/:id/extension-requests', {
    config: { roles: ['specialist'] },
    schema: {
      tags,
      summary: 'Meer uren vragen op een inzet (met reden)',
      params: IdParamsSchema,
      body: CreateExtensionBodySchema,
      response: { 201: ExtensionRequestSchema },
    },
    handler: async (request, reply) => reply.code(201).send(await requestExtension(ctx(request), request.params.id, request.body)),
  });
  app.patch('/extension-requests/:id', {
    config: { roles: ['coordinator'], problems: ['separation-of-duties'] },
    schema: {
      tags,
      summary: 'Verzoek om meer uren toekennen of weigeren',
      params: IdParamsSchema,
      body: DecideExtensionBodySchema,
      response: { 200: ExtensionRequestSchema },
    },
    handler: async (request) => decideExtension(ctx(request), request.params.id, request.body),
  });
};
