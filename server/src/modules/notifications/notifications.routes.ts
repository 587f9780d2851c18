import {
  IdParamsSchema,
  InboxItemSchema,
  InboxListQuerySchema,
  InboxListSchema,
  InboxSummarySchema,
  MailPreviewSchema,
  MailTemplateParamsSchema,
  MailTemplateQuerySchema,
  NotificationListQuerySchema,
  NotificationListSchema,
  NotificationPreferenceListSchema,
  OutboxNotificationSchema,
  PatchInboxItemBodySchema,
  PutNotificationPreferencesBodySchema,
} from '@duidingspool/shared';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../plugins/auth.ts';
import { inboxSummary, listInbox, markAllInboxRead, markInboxItem } from './inbox.service.ts';
import {
  getPreferences,
  listOutbox,
  previewAvailable,
  previewNotification,
  previewTemplate,
  resendNotification,
  setPreferences,
} from './notifications.service.ts';

const tags = ['notifications'];
const admin = { roles: ['admin'] as const };

/**
 * Notifications: every user's own inbox and e-mail preferences; for admins the outbox with its
 * failures and, outside production, rendered previews of each mail and template.
 */
export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/me/notification-preferences', {
    schema: { tags, summary: 'Mijn meldingsvoorkeuren per gebeurtenis', response: { 200: NotificationPreferenceListSchema } },
    handler: async (request) => getPreferences(app.db, actorOf(request)),
  });
  app.put('/me/notification-preferences', {
    schema: {
      tags,
      summary: 'Meldingsvoorkeuren wijzigen (direct, dagoverzicht of uit)',
      body: PutNotificationPreferencesBodySchema,
      response: { 200: NotificationPreferenceListSchema },
    },
    handler: async (request) =>
      setPreferences(app.db, actorOf(request), { ip: request.ip ?? null, userAgent: request.headers['user-agent'] ?? null }, request.body),
  });
  const originOf = (request: { ip: string; headers: { 'user-agent'?: string | undefined } }) => ({
    ip: request.ip ?? null,
    userAgent: request.headers['user-agent'] ?? null,
  });
  app.get('/me/inbox-items', {
    schema: {
      tags,
      summary: 'Mijn meldingen, nieuwste eerst, met het aantal ongelezen',
      querystring: InboxListQuerySchema,
      response: { 200: InboxListSchema },
    },
    handler: async (request) => listInbox(app.db, actorOf(request), request.query),
  });
  app.get('/me/inbox-summary', {
    schema: { tags, summary: 'Aantal ongelezen meldingen (voor het menu)', response: { 200: InboxSummarySchema } },
    handler: async (request) => inboxSummary(app.db, actorOf(request)),
  });
  app.patch('/me/inbox-items/:id', {
    schema: {
      tags,
      summary: 'Eén eigen melding gelezen of ongelezen maken',
      params: IdParamsSchema,
      body: PatchInboxItemBodySchema,
      response: { 200: InboxItemSchema },
    },
    handler: async (request) => markInboxItem(app.db, actorOf(request), originOf(request), request.params.id, request.body.read),
  });
  app.post('/me/inbox-items/mark-all-read', {
    schema: { tags, summary: 'Alle eigen meldingen gelezen maken', response: { 200: InboxSummarySchema } },
    handler: async (request) => markAllInboxRead(app.db, actorOf(request), originOf(request)),
  });
  app.get('/notifications', {
    config: admin,
    schema: {
      tags,
      summary: 'Uitgaande e-mail (outbox) met verzendstatus',
      querystring: NotificationListQuerySchema,
      response: { 200: NotificationListSchema },
    },
    handler: async (request) => {
      return {
        ...(await listOutbox(app.db, request.query)),
        transport: app.config.smtpUrl ? ('smtp' as const) : ('outbox' as const),
        previewAvailable: previewAvailable(app.config),
      };
    },
  });
  app.post('/notifications/:id/resend', {
    config: admin,
    schema: {
      tags,
      summary: 'Een mislukte e-mail opnieuw versturen (niet voor uitnodigingen en herstelmails)',
      params: IdParamsSchema,
      response: { 200: OutboxNotificationSchema },
    },
    handler: async (request) =>
      resendNotification(app.db, actorOf(request), { ip: request.ip ?? null, userAgent: request.headers['user-agent'] ?? null }, request.params.id),
  });
  app.get('/notifications/:id/preview', {
    config: admin,
    schema: { tags, summary: 'Eén e-mail zoals de ontvanger hem krijgt (niet in productie)', params: IdParamsSchema, response: { 200: MailPreviewSchema } },
    handler: async (request) => previewNotification(app.db, app.config, request.params.id),
  });
  app.get('/mail-templates/:event/preview', {
    config: admin,
    schema: {
      tags,
      summary: 'Een e-mailsjabloon met voorbeeldwaarden (niet in productie)',
      params: MailTemplateParamsSchema,
      querystring: MailTemplateQuerySchema,
      response: { 200: MailPreviewSchema },
    },
    handler: async (request) => previewTemplate(app.config, request.params.event, request.query.language),
  });

  // The same previews as a page of their own for the preview frame: the app's strict CSP would block
  // the mail's inline styles in an embedded srcdoc, so the mail gets its own, narrower policy.
  const sendHtml = (reply: FastifyReply, html: string) =>
    reply
      .type('text/html; charset=utf-8')
      .header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; sandbox")
      .serializer((payload: unknown) => String(payload))
      .send(html);
  app.get('/notifications/:id/preview-page', {
    config: admin,
    schema: {
      tags,
      summary: 'Eén e-mail als HTML-pagina voor het voorbeeldkader (niet in productie)',
      params: IdParamsSchema,
      response: { 200: { description: 'De HTML van de e-mail', content: { 'text/html': { schema: z.string() } } } },
    },
    handler: async (request, reply) => sendHtml(reply, (await previewNotification(app.db, app.config, request.params.id)).html),
  });
  app.get('/mail-templates/:event/preview-page', {
    config: admin,
    schema: {
      tags,
      summary: 'Een e-mailsjabloon als HTML-pagina voor het voorbeeldkader (niet in productie)',
      params: MailTemplateParamsSchema,
      querystring: MailTemplateQuerySchema,
      response: { 200: { description: 'De HTML van het sjabloon', content: { 'text/html': { schema: z.string() } } } },
    },
    handler: async (request, reply) => sendHtml(reply, (await previewTemplate(app.config, request.params.event, request.query.language)).html),
  });
};
