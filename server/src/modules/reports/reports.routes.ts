import { ReportExportQuerySchema, ReportQuerySchema, ReportSchema } from '@duidingspool/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { serviceContext } from '../../lib/service-context.ts';
import { reportCsv, reportXlsx } from './report-export.ts';
import { reportPdf } from './report-pdf.ts';
import { buildReport } from './reports.service.ts';

const tags = ['reports'];
const readers = { roles: ['coordinator', 'finance'] as const, problems: ['no-budget'] as const };

/** The report of a period (docs/design.md §12): the coordinator's full report, finance's money part, and its download. */
export const reportRoutes: FastifyPluginAsyncZod<{ now: () => Date }> = async (app, opts) => {
  const ctx = (request: Parameters<typeof serviceContext>[1]) => serviceContext(app, request, opts.now);

  app.get('/reports', {
    config: { roles: [...readers.roles], problems: [...readers.problems] },
    schema: {
      tags,
      summary: 'Rapportage over een periode (activiteiten, bereik, resultaten, tijdigheid, geld), kleine aantallen afgeschermd',
      querystring: ReportQuerySchema,
      response: { 200: ReportSchema },
    },
    handler: async (request) => buildReport(ctx(request), request.query),
  });

  app.get('/reports/export', {
    config: { roles: [...readers.roles], problems: [...readers.problems] },
    schema: {
      tags,
      summary: 'Rapportage als CSV (UTF-8 met BOM, puntkomma, decimale komma), XLSX of getagde PDF',
      querystring: ReportExportQuerySchema,
      produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/pdf'],
      response: { 200: z.string().describe('Het bestand (text/csv, XLSX of PDF)') },
    },
    handler: async (request, reply) => {
      const { format, ...query } = request.query;
      const context = ctx(request);
      const report = await buildReport(context, query);
      const name = `rapportage-${report.from}-${report.to}`;
      if (format === 'pdf') {
        const file = await reportPdf(report, context.actor.language);
        return (
          reply
            .type('application/pdf')
            .header('content-disposition', `attachment; filename="${name}.pdf"`)
            // Fastify sends a Buffer as-is, past the response schema (which documents the body as a string).
            .send(file as unknown as string)
        );
      }
      if (format === 'xlsx') {
        const file = await reportXlsx(report, context.actor.language);
        return (
          reply
            .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
            .header('content-disposition', `attachment; filename="${name}.xlsx"`)
            // Fastify sends a Buffer as-is, past the response schema (which documents the body as a string).
            .send(file as unknown as string)
        );
      }
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}.csv"`)
        .send(reportCsv(report, context.actor.language));
    },
  });
};
