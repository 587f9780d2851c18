import { AccountingPeriodListSchema, AccountingPeriodSchema, MonthParamsSchema, PatchPeriodBodySchema, PeriodListQuerySchema } from '@duidingspool/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { serviceContext } from '../../lib/service-context.ts';
import { listPeriods, setPeriodStatus } from './periods.service.ts';

const money = { roles: ['coordinator', 'finance'] as const };

/** Accounting months: closed months freeze their entries until reopened with a reason. */
export const periodRoutes: FastifyPluginAsyncZod<{ now: () => Date }> = async (app, opts) => {
  const ctx = (request: Parameters<typeof serviceContext>[1]) => serviceContext(app, request, opts.now);
  app.get('/accounting-periods', {
    config: money,
    schema: { tags: ['budgets'], summary: 'Boekmaanden van een jaar', querystring: PeriodListQuerySchema, response: { 200: AccountingPeriodListSchema } },
    handler: async (request) => ({ items: await listPeriods(ctx(request), request.query.year) }),
  });
  app.patch('/accounting-periods/:month', {
    config: money,
    schema: {
      tags: ['budgets'],
      summary: 'Maand afsluiten of heropenen (met reden)',
      params: MonthParamsSchema,
      body: PatchPeriodBodySchema,
      response: { 200: AccountingPeriodSchema },
    },
    handler: async (request) => setPeriodStatus(ctx(request), request.params.month, request.body),
  });
};
