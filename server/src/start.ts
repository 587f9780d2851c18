import { join } from 'node:path';
import { type DatabaseHandle, isEmpty, openDatabase, seed } from '@duidingspool/db';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import type { AppConfig } from './config.ts';
import { assertDemoAccountsNotExposed } from './lib/demo-exposure.ts';
import { loggerOptions } from './lib/logger.ts';
import { every, type Scheduled } from './lib/schedule.ts';
import { runTriageReminders } from './modules/interpretation-requests/index.ts';
import { createMailTransport, NotificationWorker } from './modules/notifications/index.ts';

/** A listening server with its outbox worker. */
export interface RunningServer {
  app: FastifyInstance;
  driver: DatabaseHandle['driver'];
  /** Stops the worker, closes the app (in-flight requests finish) and the database. */
  close(): Promise<void>;
}

/**
 * Starts the server: opens the database (embedded PGlite in `dataDir` without `databaseUrl`),
 * migrates, refuses demo accounts where others could reach them, seeds an empty database with the
 * demo data when `seedDemo`, listens on `host:port` and starts the outbox worker and the triage
 * reminders when `mailWorker`.
 * @throws StartRefusedError (see `assertDemoAccountsNotExposed`, decision 045), after closing the database
 */
export async function startServer(config: AppConfig): Promise<RunningServer> {
  const handle = await openDatabase({ url: config.databaseUrl, dataDir: join(config.dataDir, 'pglite') });
  let app: FastifyInstance | undefined;
  try {
    await handle.migrate();
    const seedingDemo = config.seedDemo && (await isEmpty(handle.db));
    await assertDemoAccountsNotExposed(handle.db, config, { seedingDemo });
    if (seedingDemo) await handle.db.transaction((tx) => seed(tx));
    app = await buildApp({ config, db: handle.db, logger: loggerOptions(config.logLevel) });
    // The outbox worker and the triage reminders run beside the API in this process (not inside
    // buildApp, so API tests stay deterministic), each on its own timer. Without SMTP_URL the worker
    // still writes digests; mails stay in the outbox.
    const worker = config.mailWorker ? new NotificationWorker({ db: handle.db, config, transport: createMailTransport(config), log: app.log }) : null;
    await app.listen({ port: config.port, host: config.host });
    worker?.start();
    const db = handle.db;
    const reminders: Scheduled | null = config.mailWorker
      ? every('triage-reminders', 60_000, () => runTriageReminders(db, { ...config, now: () => new Date() }), app.log, 5_000)
      : null;
    const started = app;
    return {
      app: started,
      driver: handle.driver,
      close: async () => {
        await reminders?.stop();
        await worker?.stop();
        await started.close();
        await handle.close();
      },
    };
  } catch (error) {
    await app?.close();
    await handle.close();
    throw error;
  }
}
