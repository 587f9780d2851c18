import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { hasRoom, pingDatabase } from './health.service.ts';

const HealthSchema = z.object({ status: z.literal('ok') }).meta({ id: 'Health' });

/** `Retry-After` of an unhealthy answer, seconds. */
const RETRY_AFTER_SECONDS = 5;

/**
 * `GET /health` (readiness): 200 `{status:"ok"}` when the server is ready, the database answers and
 * the embedded database's folder has room; else 503 `service-unavailable` problem+json with
 * `Retry-After` (while starting or stopping the availability plugin answers it, decision 060).
 */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/health', {
    config: { public: true },
    schema: { tags: ['system'], summary: 'Gereedheid: antwoordt de database en is er opslagruimte?', response: { 200: HealthSchema } },
    handler: async () => {
      try {
        await pingDatabase(app.db);
      } catch (error) {
        throw new AppError(
          'service-unavailable',
          'De database antwoordt niet.',
          {},
          { retryAfterSeconds: RETRY_AFTER_SECONDS, log: 'health check: database ping failed', cause: error },
        );
      }
      const { dataDir, minFreeBytes } = app.availability;
      if (dataDir !== undefined && !hasRoom(dataDir, minFreeBytes)) {
        throw new AppError(
          'service-unavailable',
          'De opslag van de database is (bijna) vol.',
          {},
          { retryAfterSeconds: RETRY_AFTER_SECONDS, log: `health check: less than ${minFreeBytes} bytes free in the data folder` },
        );
      }
      return { status: 'ok' as const };
    },
  });
};
