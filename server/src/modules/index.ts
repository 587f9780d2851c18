import type { FastifyPluginAsync } from 'fastify';
import { assignmentRoutes } from './assignments/assignments.routes.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { sessionRoutes } from './auth/sessions.routes.ts';
import { budgetRoutes } from './budgets/budgets.routes.ts';
import { extensionRequestRoutes } from './extension-requests/extension-requests.routes.ts';
import { financialStatementRoutes } from './financial-statements/financial-statements.routes.ts';
import { healthRoutes } from './health/health.routes.ts';
import { interpretationRequestRoutes } from './interpretation-requests/interpretation-requests.routes.ts';
import { knowledgeRoutes } from './knowledge/knowledge.routes.ts';
import { matchingRoutes } from './matching/matching.routes.ts';
import { notificationRoutes } from './notifications/notifications.routes.ts';
import { organisationRoutes } from './organisation/organisation.routes.ts';
import { referenceAdminRoutes } from './organisation/reference-admin.routes.ts';
import { periodRoutes } from './periods/periods.routes.ts';
import { specialistRoutes } from './specialists/specialists.routes.ts';
import { timeEntryRoutes } from './time-entries/time-entries.routes.ts';
import { userRoutes } from './users/users.routes.ts';

/** All API routes; registered under `/api/v1`. */
export const registerModules: FastifyPluginAsync<{ now: () => Date }> = async (app, opts) => {
  await app.register(healthRoutes);
  await app.register(sessionRoutes);
  await app.register(organisationRoutes);
  await app.register(specialistRoutes, { now: opts.now });
  await app.register(interpretationRequestRoutes, { now: opts.now });
  await app.register(assignmentRoutes, { now: opts.now });
  await app.register(matchingRoutes, { now: opts.now });
  await app.register(timeEntryRoutes, { now: opts.now });
  await app.register(notificationRoutes);
  await app.register(budgetRoutes, { now: opts.now });
  await app.register(periodRoutes, { now: opts.now });
  await app.register(extensionRequestRoutes, { now: opts.now });
  await app.register(userRoutes, { now: opts.now });
  await app.register(referenceAdminRoutes, { now: opts.now });
  await app.register(auditRoutes, { now: opts.now });
  await app.register(knowledgeRoutes, { now: opts.now });
  await app.register(financialStatementRoutes, { now: opts.now });
};
