import { IdParamsSchema, PostMessageBodySchema, RequestMessageSchema, RequestMessageThreadSchema, UnreadMessagesSchema } from '@duidingspool/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { serviceContext } from '../../lib/service-context.ts';
import { getMessageThread, getUnreadMessages, postMessage } from './request-messages.service.ts';

const tags = ['interpretation-requests'];
const roles = ['requester', 'coordinator', 'specialist'] as const;

/** Messages on a request: one thread per request under the request's need-to-know (decision 110). */
export const requestMessageRoutes: FastifyPluginAsyncZod<{ now: () => Date }> = async (app, opts) => {
  const ctx = (request: Parameters<typeof serviceContext>[1]) => serviceContext(app, request, opts.now);

  app.get('/interpretation-requests/:id/messages', {
    config: { roles: [...roles] },
    schema: {
      tags,
      summary: 'Berichten bij een verzoek (markeert ze als gelezen)',
      params: IdParamsSchema,
      response: { 200: RequestMessageThreadSchema },
    },
    handler: async (request) => getMessageThread(ctx(request), request.params.id),
  });

  app.post('/interpretation-requests/:id/messages', {
    config: { roles: [...roles] },
    schema: {
      tags,
      summary: 'Bericht of interne notitie plaatsen bij een verzoek',
      params: IdParamsSchema,
      body: PostMessageBodySchema,
      response: { 201: RequestMessageSchema },
    },
    handler: async (request, reply) => reply.code(201).send(await postMessage(ctx(request), request.params.id, request.body)),
  });

  app.get('/me/unread-messages', {
    config: { roles: [...roles] },
    schema: { tags, summary: 'Ongelezen berichten per verzoek', response: { 200: UnreadMessagesSchema } },
    handler: async (request) => getUnreadMessages(ctx(request)),
  });
};
