import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { hasRoom, pendingMigrations, pingDatabase } from './health.service.ts';

const HealthSchema = z.object({ status: z.literal('ok') }).meta({ id: 'Health' });
const LivenessSchema = z
  .object({
    status: z.literal('alive'),
    /** `starting` (waiting for the database or migrating), `ready`, or `closing` (shutting down). */
    state: z.enum(['starting', 'ready', 'closing']),
  })
  .meta({ id: 'Liveness' });

/** `Retry-After` of an unhealthy answer, seconds. */
const RETRY_AFTER_SECONDS = 5;

/**
 * The health endpoints (decision 083):
 * - `GET /health` and `GET /health/ready` (readiness): 200 `{status:"ok"}` when the server is
 *   ready, the database answers, every committed migration is applied and the embedded database's
 *   folder has room; else 503 `service-unavailable` problem+json with `Retry-After` (while starting
 *   or stopping the availability plugin answers it, decision 060).
 * - `GET /health/live` (liveness): 200 `{status:"alive", state}` whenever the process can answer,
 *   also while it starts or stops; the availability plugin lets it through (`config.liveness`).
 */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  const readiness = async () => {
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
    const pending = await pendingMigrations(app.db);
    if (pending > 0) {
      throw new AppError(
        'service-unavailable',
        'De database is nog niet bijgewerkt naar deze versie.',
        {},
        { retryAfterSeconds: RETRY_AFTER_SECONDS, log: `health check: ${pending} migration(s) not applied` },
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
  };
  app.get('/health', {
    config: { public: true },
    schema: {
      tags: ['system'],
      summary: 'Gereedheid: antwoordt de database, is hij bijgewerkt en is er opslagruimte?',
      response: { 200: HealthSchema },
    },
    handler: readiness,
  });
  app.get('/health/ready', {
    config: { public: true },
    schema: {
      tags: ['system'],
      summary: 'Gereedheid (zelfde als /health): antwoordt de database, is hij bijgewerkt en is er opslagruimte?',
      response: { 200: HealthSchema },
    },
    handler: readiness,
  });
  app.get('/health/live', {
    config: { public: true, liveness: true },
    schema: { tags: ['system'], summary: 'Leeft het proces? Antwoordt ook tijdens opstarten en stoppen.', response: { 200: LivenessSchema } },
    handler: async () => ({ status: 'alive' as const, state: app.availability.state }),
  });
};
