// The server's entry point (`pnpm start` runs its bundle, dist/server.mjs): reads the
// configuration, starts the server (start.ts) and shuts it down on SIGINT/SIGTERM (decision 062):
// new requests are refused at once with 503 problem+json, in-flight requests and the outbox worker
// get a bounded time, then the process exits 0. A configuration error or a refused start ends the
// process with one line on stderr and exit code 1.

import { type AppConfig, loadConfig } from './config.ts';
import { StartRefusedError } from './lib/demo-exposure.ts';
import { IN_FLIGHT_GRACE_MS, type RunningServer, StartAbortedError, startServer, WORKER_STOP_GRACE_MS } from './start.ts';

/** libuv's thread pool on the embedded database (libuv's default is 4): at most this many password hashes' memory is kept. */
const EMBEDDED_THREAD_POOL_SIZE = 2;

/** Past this, a shutdown that still hangs (a database that does not answer its close) exits 1. */
const SHUTDOWN_DEADLINE_MS = Math.max(IN_FLIGHT_GRACE_MS, WORKER_STOP_GRACE_MS) + 10_000;

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

// The embedded default runs libuv's thread pool with 2 threads instead of 4 (decision 074). Each
// password hash (argon2id, 19 MiB) runs on a pool thread, and glibc keeps a thread's 19 MiB after
// the hash is done, so every pool thread that ever hashed holds 19 MiB for good. Read by libuv when
// the pool first starts, which is later than this (no file or hash work happens while the modules
// load); an operator's own UV_THREADPOOL_SIZE wins.
if (!config.databaseUrl) process.env.UV_THREADPOOL_SIZE ??= String(EMBEDDED_THREAD_POOL_SIZE);

let server: RunningServer | undefined;
let signalled: string | undefined;
async function shutdown(signal: string) {
  if (signalled) return;
  signalled = signal;
  // Before the server listens (the data folder checks, opening the database) there is nothing to drain.
  if (!server) process.exit(0);
  server.app.log.info({ signal }, 'shutting down');
  setTimeout(() => {
    server?.app.log.error(`shutdown took longer than ${SHUTDOWN_DEADLINE_MS / 1000} s; exiting`);
    process.exit(1);
  }, SHUTDOWN_DEADLINE_MS).unref();
  await server.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

try {
  await startServer(config, {
    onListening: (listening) => {
      server = listening;
    },
  });
} catch (error) {
  // Shut down while waiting for the database: shutdown() exits.
  if (error instanceof StartAbortedError) await new Promise(() => {});
  if (error instanceof StartRefusedError) refuse(error.message);
  throw error;
}

server?.app.log.info(
  `Duidingspool draait op ${config.publicUrl} (luistert op ${config.host}:${config.port}, ${server?.driver}${config.webDist ? ', met SPA' : ', zonder gebouwde SPA'})`,
);
