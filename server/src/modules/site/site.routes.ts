import { SiteInfoSchema } from '@duidingspool/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** `HH:MM` of minutes after midnight. */
const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * What every page shows without login (decision 123): the pool's contact from the configuration
 * (`POOL_CONTACT_*`) with the working day it answers in, and the two retention clocks the privacy
 * statement names. Reads no database: it answers from the configuration alone.
 */
export const siteRoutes: FastifyPluginAsyncZod = async (app) => {
  const c = app.config;
  const info = {
    contact: {
      name: c.poolContact.name,
      email: c.poolContact.email,
      phone: c.poolContact.phone ?? null,
      hours: { start: clock(c.workingHours.startMinute), end: clock(c.workingHours.endMinute) },
    },
    retention: { caseContentMonths: c.retentionCaseMonths, ledgerYears: c.retentionLedgerYears },
  };
  app.get('/site-info', {
    config: { public: true },
    schema: { tags: ['system'], summary: 'Contact van de pool en bewaartermijnen, voor elke pagina (openbaar)', response: { 200: SiteInfoSchema } },
    handler: async () => info,
  });
};
