import {
  IdParamsSchema,
  InviteUserBodySchema,
  PatchUserBodySchema,
  PutLanguageBodySchema,
  pageOf,
  UserListQuerySchema,
  UserSchema,
} from '@duidingspool/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { serviceContext } from '../../lib/service-context.ts';
import { getUser, inviteUser, listUsers, setOwnLanguage, updateUser } from './users.service.ts';

const tags = ['users'];
const config = { roles: ['admin'] as const };

/** User management for the admin (docs/design.md §2): invite, roles, memberships, deactivate; and every user's own language. */
export const userRoutes: FastifyPluginAsyncZod<{ now: () => Date }> = async (app, opts) => {
  const ctx = (request: Parameters<typeof serviceContext>[1]) => serviceContext(app, request, opts.now);
  app.put('/me/language', {
    config: { duringEnrolment: true },
    schema: {
      tags,
      summary: 'Eigen taal van de schermen en e-mails (nl of en)',
      body: PutLanguageBodySchema,
      response: { 204: z.undefined() },
    },
    handler: async (request, reply) => {
      await setOwnLanguage(ctx(request), request.body.language);
      return reply.code(204).send();
    },
  });
  app.get('/users', {
    config,
    schema: { tags, summary: 'Gebruikers (beheerder)', querystring: UserListQuerySchema, response: { 200: pageOf(UserSchema).meta({ id: 'UserPage' }) } },
    handler: async (request) => {
      return listUsers(ctx(request), request.query);
    },
  });
  app.get('/users/:id', {
    config,
    schema: { tags, summary: 'Eén gebruiker (beheerder)', params: IdParamsSchema, response: { 200: UserSchema } },
    handler: async (request) => getUser(ctx(request), request.params.id),
  });
  app.post('/users', {
    config,
    schema: { tags, summary: 'Gebruiker uitnodigen per e-mail (eenmalige, verlopende link)', body: InviteUserBodySchema, response: { 201: UserSchema } },
    handler: async (request, reply) => {
      const user = await inviteUser(ctx(request), request.body);
      return reply.code(201).header('Location', `/api/v1/users/${user.id}`).send(user);
    },
  });
  app.patch('/users/:id', {
    config,
    schema: {
      tags,
      summary: 'Rollen, lidmaatschappen, actief, tweestapsverificatie herstellen of uitnodiging opnieuw sturen',
      params: IdParamsSchema,
      body: PatchUserBodySchema,
      response: { 200: UserSchema },
    },
    handler: async (request) => updateUser(ctx(request), request.params.id, request.body),
  });
};
