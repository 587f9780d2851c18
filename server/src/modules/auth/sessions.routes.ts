import {
  ChangePasswordBodySchema,
  ConfirmTotpBodySchema,
  LoginBodySchema,
  LoginResponseSchema,
  MeSchema,
  PasswordResetRequestBodySchema,
  RecoveryCodesSchema,
  SetPasswordBodySchema,
  TotpEnrolmentSchema,
} from '@duidingspool/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, REFRESH_COOKIE } from '../../plugins/auth.ts';
import type { AuthSettings } from './auth-settings.ts';
import { loadMe } from './me.service.ts';
import { changePassword, requestPasswordReset, setPasswordWithToken } from './passwords.service.ts';
import { confirmTotpEnrolment, startTotpEnrolment } from './second-factor.service.ts';
import { login, logout, refreshSession } from './sessions.service.ts';

const originOf = (request: { ip: string; headers: { 'user-agent'?: string | undefined } }) => ({
  ip: request.ip ?? null,
  userAgent: request.headers['user-agent'] ?? null,
});

/** Log in, refresh, log out, who am I, the second factor and passwords (docs/design.md §6, §7). */
export const sessionRoutes: FastifyPluginAsyncZod = async (app) => {
  const c = app.config;
  const settings: AuthSettings = {
    sessionMaxSeconds: c.sessionMaxSeconds,
    sessionIdleSeconds: c.sessionIdleSeconds,
    encryptionKey: c.encryptionKey,
    requireSecondFactorForRequesters: c.requireSecondFactorForRequesters,
    publicUrl: c.publicUrl,
    demoAccountsExempt: c.nodeEnv !== 'production',
  };
  const me = (userId: string, sessionId: string) => loadMe(app.db, userId, sessionId, settings);

  app.post('/sessions', {
    config: { public: true },
    schema: { tags: ['sessions'], summary: 'Inloggen: zet de sessiecookie', body: LoginBodySchema, response: { 200: LoginResponseSchema } },
    handler: async (request, reply) => {
      const device = app.readDeviceCookie(request);
      const session = await login(app.db, request.body, originOf(request), settings, device);
      await app.issueSessionCookie(reply, session);
      app.issueRefreshCookie(reply, session);
      // A complete login makes (or keeps) this browser a known device of the user (decision 042).
      if (session.trustDevice) app.issueDeviceCookie(reply, session.userId, device?.userId === session.userId ? device.deviceId : undefined);
      return { user: await me(session.userId, session.sessionId) };
    },
  });
  app.post('/sessions/current/refresh', {
    // Authenticated by the refresh cookie, not by the (possibly expired) access JWT.
    config: { public: true },
    schema: { tags: ['sessions'], summary: 'Nieuwe toegangstoken met de (roterende) verversingscookie', response: { 200: LoginResponseSchema } },
    handler: async (request, reply) => {
      try {
        const session = await refreshSession(app.db, request.cookies[REFRESH_COOKIE], originOf(request), settings);
        await app.issueSessionCookie(reply, session);
        app.issueRefreshCookie(reply, session);
        return { user: await me(session.userId, session.sessionId) };
      } catch (error) {
        app.clearSessionCookie(reply);
        throw error;
      }
    },
  });
  app.delete('/sessions/current', {
    config: { duringEnrolment: true },
    schema: { tags: ['sessions'], summary: 'Uitloggen: beëindigt de sessie direct', response: { 204: z.undefined() } },
    handler: async (request, reply) => {
      await logout(app.db, actorOf(request), originOf(request));
      app.clearSessionCookie(reply);
      return reply.code(204).send();
    },
  });
  app.get('/me', {
    config: { duringEnrolment: true },
    schema: { tags: ['sessions'], summary: 'De ingelogde gebruiker met rollen en lidmaatschappen', response: { 200: MeSchema } },
    handler: async (request) => {
      const actor = actorOf(request);
      return me(actor.userId, actor.sessionId);
    },
  });
  app.put('/me/password', {
    schema: {
      tags: ['sessions'],
      summary: 'Eigen wachtwoord wijzigen; beëindigt andere sessies',
      body: ChangePasswordBodySchema,
      response: { 204: z.undefined() },
    },
    handler: async (request, reply) => {
      await changePassword(app.db, actorOf(request), request.body, originOf(request));
      return reply.code(204).send();
    },
  });
  app.post('/me/totp-enrolments', {
    config: { duringEnrolment: true },
    schema: { tags: ['sessions'], summary: 'Tweestapsverificatie instellen: nieuw geheim met QR-code', response: { 201: TotpEnrolmentSchema } },
    handler: async (request, reply) => reply.code(201).send(await startTotpEnrolment(app.db, actorOf(request), originOf(request), c.encryptionKey)),
  });
  app.post('/me/totp-confirmations', {
    config: { duringEnrolment: true },
    schema: {
      tags: ['sessions'],
      summary: 'Tweestapsverificatie bevestigen met een code; geeft eenmalige herstelcodes',
      body: ConfirmTotpBodySchema,
      response: { 201: RecoveryCodesSchema },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await confirmTotpEnrolment(app.db, actorOf(request), request.body.code, originOf(request), c.encryptionKey)),
  });
  app.post('/password-resets', {
    config: { public: true },
    schema: {
      tags: ['sessions'],
      summary: 'Wachtwoord vergeten: stuurt een eenmalige link als het adres bekend is',
      body: PasswordResetRequestBodySchema,
      response: { 202: z.undefined() },
    },
    handler: async (request, reply) => {
      await requestPasswordReset(app.db, request.body, originOf(request), settings);
      return reply.code(202).send();
    },
  });
  app.post('/password-changes', {
    config: { public: true },
    schema: {
      tags: ['sessions'],
      summary: 'Wachtwoord instellen met de link uit een uitnodiging of herstelmail',
      body: SetPasswordBodySchema,
      response: { 204: z.undefined() },
    },
    handler: async (request, reply) => {
      await setPasswordWithToken(app.db, request.body, originOf(request));
      return reply.code(204).send();
    },
  });
};
