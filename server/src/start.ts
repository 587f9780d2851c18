import { join } from 'node:path';
import { type DatabaseHandle, isEmpty, openDatabase } from '@duidingspool/db';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import type { AppConfig } from './config.ts';
import { seedDemoDatabase } from './demo-seed.ts';
import { assertDemoAccountsNotExposed } from './lib/demo-exposure.ts';
import { loggerOptions } from './lib/logger.ts';
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
 * demo data when `seedDemo`, listens on `host:port` and starts the outbox worker when `mailWorker`.
 * @throws StartRefusedError (see `assertDemoAccountsNotExposed`, decision 045), after closing the database
 */
export async function startServer(config: AppConfig): Promise<RunningServer> {
  const handle = await openDatabase({ url: config.databaseUrl, dataDir: join(config.dataDir, 'pglite') });
  let app: FastifyInstance | undefined;
  try {
    await handle.migrate();
    const seedingDemo = config.seedDemo && (await isEmpty(handle.db));
    await assertDemoAccountsNotExposed(handle.db, config, { seedingDemo });
    if (seedingDemo) await handle.db.transaction((tx) => seedDemoDatabase(tx));
    app = await buildApp({ config, db: handle.db, logger: loggerOptions(config.logLevel) });
    // The outbox worker runs beside the API in this process (not inside buildApp, so API tests stay
    // deterministic). Without SMTP_URL it still writes digests and reminders; mails stay in the outbox.
    const worker = config.mailWorker ? new NotificationWorker({ db: handle.db, config, transport: createMailTransport(config), log: app.log }) : null;
    await app.listen({ port: config.port, host: config.host });
    worker?.start();
    const started = app;
    return {
      app: started,
      driver: handle.driver,
      close: async () => {
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
