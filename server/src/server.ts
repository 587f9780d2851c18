// The server's entry point (`pnpm start` runs its bundle, dist/server.mjs): reads the
// configuration, starts the server (start.ts) and shuts it down gracefully on SIGINT/SIGTERM. A
// configuration error or a refused start ends the process with one line on stderr and exit code 1.

import { type AppConfig, loadConfig } from './config.ts';
import { StartRefusedError } from './lib/demo-exposure.ts';
import { type RunningServer, startServer } from './start.ts';

function refuse(message: string): never {
  console.error(message);
  process.exit(1);
}

let config: AppConfig;
try {
  config = loadConfig();
} catch (error) {
  refuse(error instanceof Error ? error.message : String(error));
}
let server: RunningServer;
try {
  server = await startServer(config);
} catch (error) {
  if (error instanceof StartRefusedError) refuse(error.message);
  throw error;
}

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  server.app.log.info({ signal }, 'shutting down');
  await server.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

server.app.log.info(
  `Duidingspool draait op ${config.publicUrl} (luistert op ${config.host}:${config.port}, ${server.driver}${config.webDist ? ', met SPA' : ', zonder gebouwde SPA'})`,
);
