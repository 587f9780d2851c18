import {
  IdParamsSchema,
  MailPreviewSchema,
  MailTemplateParamsSchema,
  MailTemplateQuerySchema,
  NotificationListQuerySchema,
  NotificationListSchema,
  NotificationPreferenceListSchema,
  PutNotificationPreferencesBodySchema,
} from '@duidingspool/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../plugins/auth.ts';
import { getPreferences, listOutbox, previewAvailable, previewNotification, previewTemplate, setPreferences } from './notifications.service.ts';

const tags = ['notifications'];
const admin = { roles: ['admin'] as const };

/**
 * E-mail notifications: every user's preferences; for admins the outbox with its
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
  app.get('/notifications', {
    config: admin,
    schema: {
      tags,
      summary: 'Uitgaande e-mail (outbox) met verzendstatus',
      querystring: NotificationListQuerySchema,
      response: { 200: NotificationListSchema },
    },
    handler: async (request) => {
      const { items, total } = await listOutbox(app.db, request.query);
      return {
        items,
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
        transport: app.config.smtpUrl ? ('smtp' as const) : ('outbox' as const),
        previewAvailable: previewAvailable(app.config),
      };
    },
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
};
