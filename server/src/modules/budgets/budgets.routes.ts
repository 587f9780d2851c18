import { BudgetListSchema, BudgetSchema, BudgetYearParamsSchema } from '@duidingspool/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { notFound } from '../../errors.ts';
import { findBudget, listBudgets } from './budget-ledger.ts';

const money = { roles: ['coordinator', 'finance'] as const };

/** Budget figures per year for coordinator and finance (DESIGN.md §5, §7). */
export const budgetRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/budgets', {
    config: money,
    schema: { tags: ['budgets'], summary: 'Budgetten per jaar', response: { 200: BudgetListSchema } },
    handler: async () => ({ items: await listBudgets(app.db) }),
  });
  app.get('/budgets/:year', {
    config: money,
    schema: { tags: ['budgets'], summary: 'Budget van één jaar met lopende totalen', params: BudgetYearParamsSchema, response: { 200: BudgetSchema } },
    handler: async (request) => {
      const budget = await findBudget(app.db, request.params.year);
      if (!budget) throw notFound(`Het budget voor ${request.params.year}`);
      return budget;
    },
  });
};
