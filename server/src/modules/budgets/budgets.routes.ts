import {
  BreakdownQuerySchema,
  BreakdownSchema,
  BudgetLineParamsSchema,
  BudgetLineSchema,
  BudgetListSchema,
  BudgetSchema,
  BudgetYearParamsSchema,
  BurnUpSchema,
  CreateBudgetBodySchema,
  CreateBudgetLineBodySchema,
  LedgerEntryQuerySchema,
  LedgerEntrySchema,
  LedgerExportQuerySchema,
  PatchBudgetBodySchema,
  PatchBudgetLineBodySchema,
  pageOf,
} from '@duidingspool/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { serviceContext } from '../../lib/service-context.ts';
import { listBudgets } from './budget-ledger.ts';
import { createBudgetLine, deleteBudgetLine, updateBudgetLine } from './budget-lines.service.ts';
import { breakdown, burnUp } from './budget-page.read-model.ts';
import { createBudget, getBudget, updateBudget } from './budgets.service.ts';
import { ledgerCsv, ledgerXlsx } from './ledger-export.ts';
import { allLedgerEntries, ledgerEntries } from './ledger-lines.read-model.ts';

const money = { roles: ['coordinator', 'finance'] as const };
const tags = ['budgets'];

/** Budget figures per year, the budget page's data and the ledger export, for coordinator and finance (docs/design.md §5, §7). */
export const budgetRoutes: FastifyPluginAsyncZod<{ now: () => Date }> = async (app, opts) => {
  const now = opts.now;
  const ctx = (request: Parameters<typeof serviceContext>[1]) => serviceContext(app, request, now);
  app.get('/budgets', {
    config: money,
    schema: { tags, summary: 'Budgetten per jaar', response: { 200: BudgetListSchema } },
    handler: async () => ({ items: await listBudgets(app.db) }),
  });
  app.post('/budgets', {
    config: money,
    schema: { tags, summary: 'Budget voor een nieuw jaar openen', body: CreateBudgetBodySchema, response: { 201: BudgetSchema } },
    handler: async (request, reply) => reply.code(201).send(await createBudget(ctx(request), request.body)),
  });
  app.get('/budgets/:year', {
    config: money,
    schema: { tags, summary: 'Budget van één jaar met lopende totalen en drempels', params: BudgetYearParamsSchema, response: { 200: BudgetSchema } },
    handler: async (request) => getBudget({ db: app.db }, request.params.year),
  });
  app.patch('/budgets/:year', {
    config: money,
    schema: {
      tags,
      summary: 'Toegekend bedrag, financieringsbron, toelichting of drempels wijzigen',
      params: BudgetYearParamsSchema,
      body: PatchBudgetBodySchema,
      response: { 200: BudgetSchema },
    },
    handler: async (request) => updateBudget(ctx(request), request.params.year, request.body),
  });
  app.post('/budgets/:year/lines', {
    config: money,
    schema: {
      tags,
      summary: 'Budgetregel toevoegen (bedrag en financieringsbron; samen nooit meer dan het jaar)',
      params: BudgetYearParamsSchema,
      body: CreateBudgetLineBodySchema,
      response: { 201: BudgetLineSchema },
    },
    handler: async (request, reply) => reply.code(201).send(await createBudgetLine(ctx(request), request.params.year, request.body)),
  });
  app.patch('/budgets/:year/lines/:lineId', {
    config: money,
    schema: {
      tags,
      summary: 'Budgetregel wijzigen (bedrag nooit onder wat erop is vastgelegd)',
      params: BudgetLineParamsSchema,
      body: PatchBudgetLineBodySchema,
      response: { 200: BudgetLineSchema },
    },
    handler: async (request) => updateBudgetLine(ctx(request), request.params.year, request.params.lineId, request.body),
  });
  app.delete('/budgets/:year/lines/:lineId', {
    config: money,
    schema: {
      tags,
      summary: 'Budgetregel verwijderen waarop nooit is geboekt',
      params: BudgetLineParamsSchema,
      response: { 204: z.undefined() },
    },
    handler: async (request, reply) => {
      await deleteBudgetLine(ctx(request), request.params.year, request.params.lineId);
      return reply.code(204).send();
    },
  });
  app.get('/budgets/:year/burn-up', {
    config: money,
    schema: { tags, summary: 'Verloop over het jaar met prognose', params: BudgetYearParamsSchema, response: { 200: BurnUpSchema } },
    handler: async (request) => burnUp({ db: app.db, now }, request.params.year),
  });
  app.get('/budgets/:year/breakdowns', {
    config: money,
    schema: {
      tags,
      summary: 'Uitsplitsing naar regio, gemeente, casustafel, specialist, expertise of activiteit',
      params: BudgetYearParamsSchema,
      querystring: BreakdownQuerySchema,
      response: { 200: BreakdownSchema },
    },
    handler: async (request) => breakdown({ db: app.db }, request.params.year, request.query.dimension),
  });
  app.get('/budgets/:year/ledger-entries', {
    config: money,
    schema: {
      tags,
      summary: 'Grootboekregels (geld en organisatie, geen casusinhoud)',
      params: BudgetYearParamsSchema,
      querystring: LedgerEntryQuerySchema,
      response: { 200: pageOf(LedgerEntrySchema).meta({ id: 'LedgerEntryPage' }) },
    },
    handler: async (request) => {
      return ledgerEntries({ db: app.db }, request.params.year, request.query);
    },
  });
  app.get('/budgets/:year/ledger-export', {
    config: money,
    schema: {
      tags,
      summary: 'Grootboek als CSV (UTF-8 met BOM, puntkomma, decimale komma) of XLSX',
      params: BudgetYearParamsSchema,
      querystring: LedgerExportQuerySchema,
      produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      response: { 200: z.string().describe('Het bestand (text/csv of XLSX)') },
    },
    handler: async (request, reply) => {
      const { format, ...filter } = request.query;
      const entries = await allLedgerEntries({ db: app.db }, request.params.year, filter);
      const name = `grootboek-${filter.month ?? request.params.year}`;
      if (format === 'xlsx') {
        const file = await ledgerXlsx(entries);
        return (
          reply
            .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
            .header('content-disposition', `attachment; filename="${name}.xlsx"`)
            // Fastify sends a Buffer as-is, past the response schema (which documents the body as a string).
            .send(file as unknown as string)
        );
      }
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}.csv"`).send(ledgerCsv(entries));
    },
  });
};
