import { AuditEventFilterSchema, AuditEventListQuerySchema, AuditEventSchema, pageOf } from '@duidingspool/shared';
import { stringify } from 'csv-stringify/sync';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { serviceContext } from '../../lib/service-context.ts';
import { auditEventPage, auditFilter, selectAuditEvents } from './audit.repository.ts';
import { audit } from './audit.service.ts';

const tags = ['audit'];
const config = { roles: ['coordinator', 'admin'] as const };
/** Most rows one export holds; narrow the filters for more. */
export const AUDIT_EXPORT_LIMIT = 50_000;

/** The audit log (docs/design.md §6) for coordinator and admin: filtered pages and a CSV export. */
export const auditRoutes: FastifyPluginAsyncZod<{ now: () => Date }> = async (app, opts) => {
  app.get('/audit-events', {
    config,
    schema: {
      tags,
      summary: 'Auditlog met filters (coördinator, beheerder)',
      querystring: AuditEventListQuerySchema,
      response: { 200: pageOf(AuditEventSchema).meta({ id: 'AuditEventPage' }) },
    },
    handler: async (request) => auditEventPage(app.db, request.query),
  });
  app.get('/audit-events/export', {
    config,
    schema: {
      tags,
      summary: 'Auditlog als CSV (UTF-8, puntkomma) met dezelfde filters',
      querystring: AuditEventFilterSchema,
      response: { 200: z.string().meta({ description: 'text/csv' }) },
    },
    handler: async (request, reply) => {
      const ctx = serviceContext(app, request, opts.now);
      const rows = await selectAuditEvents(app.db, auditFilter(request.query), AUDIT_EXPORT_LIMIT, 0);
      await audit(ctx, app.db, {
        action: 'export',
        objectType: 'audit-log',
        objectId: null,
        result: 'success',
        details: { filters: request.query, rows: rows.length },
      });
      const csv = stringify(
        rows.map((r) => [
          r.id,
          r.occurredAt,
          r.actorId ?? '',
          r.actorName ?? '',
          r.action,
          r.objectType,
          r.objectId ?? '',
          r.objectLabel ?? '',
          r.result,
          r.ip ?? '',
          r.userAgent ?? '',
          r.details ? JSON.stringify(r.details) : '',
        ]),
        {
          header: true,
          columns: ['id', 'tijdstip', 'actor_id', 'actor', 'actie', 'objecttype', 'object_id', 'object', 'resultaat', 'ip', 'user_agent', 'details'],
          delimiter: ';',
          bom: true,
          // A cell starting with = + - @ cannot become a formula in a spreadsheet.
          escape_formulas: true,
        },
      );
      const day = new Date().toISOString().slice(0, 10);
      return reply.type('text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename="auditlog-${day}.csv"`).send(csv);
    },
  });
};
