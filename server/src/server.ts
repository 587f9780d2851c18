// Starts the server: opens the database (embedded PGlite without DATABASE_URL), migrates, seeds
// an empty embedded database with the demo data, listens on PORT, and shuts down gracefully.

import { join } from 'node:path';
import { isEmpty, openDatabase, seed } from '@duidingspool/db';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { loggerOptions } from './lib/logger.ts';
import { createMailTransport } from './modules/notifications/transport.ts';
import { NotificationWorker } from './modules/notifications/worker.ts';

const config = loadConfig();
const handle = await openDatabase({ url: config.databaseUrl, dataDir: join(config.dataDir, 'pglite') });
await handle.migrate();
if (config.seedDemo && (await isEmpty(handle.db))) {
  await handle.db.transaction((tx) => seed(tx));
}
const app = await buildApp({
  config,
  db: handle.db,
  logger: loggerOptions(config.logLevel),
});

// The outbox worker runs beside the API in this process (not inside buildApp, so API tests stay
// deterministic). Without SMTP_URL it still writes digests and reminders; mails stay in the outbox.
const worker = config.mailWorker ? new NotificationWorker({ db: handle.db, config, transport: createMailTransport(config), log: app.log }) : null;

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down');
  await worker?.stop();
  await app.close();
  await handle.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

await app.listen({ port: config.port, host: config.host });
worker?.start();
app.log.info(`Duidingspool draait op ${config.publicUrl} (${handle.driver}${config.webDist ? ', met SPA' : ', zonder gebouwde SPA'})`);
