import {
  AdoptStatementBodySchema,
  BudgetYearParamsSchema,
  FinancialStatementSchema,
  PrepareStatementBodySchema,
  StatementDocumentQuerySchema,
} from '@duidingspool/shared';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { serviceContext } from '../../lib/service-context.ts';
import { adoptStatement, getStatement, prepareStatement, STATEMENT_DOCUMENT_TYPES, statementDocument } from './financial-statements.service.ts';

const tags = ['budgets'];

/**
 * The financial statement to the NCTV (docs/design.md §11): finance prepares it for a closed year; a
 * coordinator or another finance user adopts it; both read it and download it as XLSX or tagged PDF. Case content
 * never appears in it.
 */
export const financialStatementRoutes: FastifyPluginAsyncZod<{ now: () => Date }> = async (app, opts) => {
  const ctx = (request: FastifyRequest) => serviceContext(app, request, opts.now);
  app.get('/financial-statements/:year', {
    config: { roles: ['finance', 'coordinator'] },
    schema: {
      tags,
      summary: 'Financiële verantwoording van een jaar, met wijzigingen in het grootboek sinds de vaststelling',
      params: BudgetYearParamsSchema,
      response: { 200: FinancialStatementSchema },
    },
    handler: async (request) => getStatement(ctx(request), request.params.year),
  });
  app.post('/financial-statements', {
    config: { roles: ['finance'], problems: ['no-budget'] },
    schema: {
      tags,
      summary: 'Verantwoording opstellen voor een afgesloten jaar (opnieuw zolang zij niet is vastgesteld)',
      body: PrepareStatementBodySchema,
      response: { 201: FinancialStatementSchema },
    },
    handler: async (request, reply) => reply.code(201).send(await prepareStatement(ctx(request), request.body.year)),
  });
  app.post('/financial-statements/:year/adoption', {
    config: { roles: ['finance', 'coordinator'], problems: ['separation-of-duties', 'conflict'] },
    schema: {
      tags,
      summary: 'Verantwoording vaststellen (niet door wie haar opstelde), met de SHA-256 van wat u zag; daarna bevroren',
      params: BudgetYearParamsSchema,
      body: AdoptStatementBodySchema,
      response: { 200: FinancialStatementSchema },
    },
    handler: async (request) => adoptStatement(ctx(request), request.params.year, request.body.sha256),
  });
  app.get('/financial-statements/:year/document', {
    config: { roles: ['finance', 'coordinator'] },
    schema: {
      tags,
      summary: 'De verantwoording als XLSX of getagde PDF (`format`, standaard xlsx; vastgesteld: het bewaarde bestand, byte voor byte)',
      params: BudgetYearParamsSchema,
      querystring: StatementDocumentQuerySchema,
      produces: Object.values(STATEMENT_DOCUMENT_TYPES).map((t) => t.mediaType),
      response: { 200: z.any().meta({ description: 'Het bestand (XLSX of PDF)' }) },
    },
    handler: async (request, reply) => {
      const { format } = request.query;
      const doc = await statementDocument(ctx(request), request.params.year, format);
      const { mediaType, extension } = STATEMENT_DOCUMENT_TYPES[format];
      const name = `verantwoording-duidingspool-${request.params.year}${doc.adopted ? '' : '-concept'}.${extension}`;
      return reply.type(mediaType).header('content-disposition', `attachment; filename="${name}"`).send(doc.bytes);
    },
  });
};
