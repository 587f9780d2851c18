import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { pingDatabase } from './health.service.ts';

const HealthSchema = z.object({ status: z.literal('ok') }).meta({ id: 'Health' });

/** `GET /health`: 200 `{status:"ok"}` when the database answers, else 503 problem+json. */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/health', {
    config: { public: true },
    schema: { tags: ['system'], summary: 'Gezondheid: antwoordt de database?', response: { 200: HealthSchema } },
    handler: async () => {
      try {
        await pingDatabase(app.db);
      } catch (error) {
        throw new AppError('service-unavailable', 'De database antwoordt niet.', {}, { log: 'health check: database ping failed', cause: error });
      }
      return { status: 'ok' as const };
    },
  });
};
