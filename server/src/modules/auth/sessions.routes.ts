import { LoginBodySchema, LoginResponseSchema, MeSchema } from '@duidingspool/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../plugins/auth.ts';
import { loadMe, login, logout } from './sessions.service.ts';

const originOf = (request: { ip: string; headers: Record<string, unknown> }) => ({
  ip: request.ip ?? null,
  userAgent: (request.headers['user-agent'] as string | undefined) ?? null,
});

/** Log in, log out, and who am I (DESIGN.md §7). */
export const sessionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/sessions', {
    config: { public: true },
    schema: { tags: ['sessions'], summary: 'Inloggen: zet de sessiecookie', body: LoginBodySchema, response: { 200: LoginResponseSchema } },
    handler: async (request, reply) => {
      const session = await login(app.db, request.body, originOf(request), app.config.sessionMaxSeconds);
      await app.issueSessionCookie(reply, session);
      return { user: await loadMe(app.db, session.userId) };
    },
  });
  app.delete('/sessions/current', {
    schema: { tags: ['sessions'], summary: 'Uitloggen: beëindigt de sessie direct', response: { 204: z.undefined() } },
    handler: async (request, reply) => {
      await logout(app.db, actorOf(request), originOf(request));
      app.clearSessionCookie(reply);
      return reply.code(204).send();
    },
  });
  app.get('/me', {
    schema: { tags: ['sessions'], summary: 'De ingelogde gebruiker met rollen en lidmaatschappen', response: { 200: MeSchema } },
    handler: async (request) => loadMe(app.db, actorOf(request).userId),
  });
};
