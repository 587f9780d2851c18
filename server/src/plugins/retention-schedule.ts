import type { Database } from '@duidingspool/db';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { AppConfig } from '../config.ts';
import { safeError } from '../lib/logger.ts';
import { runRetention } from '../modules/retention/index.ts';

/**
 * Runs the retention job (docs/design.md §6) every `retentionIntervalMinutes` on this instance. Every
 * instance may run it: the job claims rows with `FOR UPDATE SKIP LOCKED`, so no row is purged twice.
 */
export default fp(async function retentionSchedule(app: FastifyInstance, opts: { config: AppConfig; db: Database }) {
  const minutes = opts.config.retentionIntervalMinutes;
  if (minutes <= 0) return;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const result = await runRetention(opts.db, opts.config, app.log);
      app.metrics.retentionRuns.inc({ outcome: 'ok' });
      if (result.contentPurged + result.ledgerPurged + result.failed > 0) app.log.info(result, 'retention job purged expired data');
    } catch (error) {
      app.metrics.retentionRuns.inc({ outcome: 'failed' });
      app.log.error({ err: safeError(error) }, 'retention job failed');
    } finally {
      running = false;
    }
  };
  const first = setTimeout(tick, 60_000);
  const timer = setInterval(tick, minutes * 60_000);
  first.unref();
  timer.unref();
  app.addHook('onClose', async () => {
    clearTimeout(first);
    clearInterval(timer);
  });
});
