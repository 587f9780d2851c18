import { join } from 'node:path';
import { type DatabaseHandle, DataDirLockedError, databaseFault, isEmpty, openDatabase } from '@duidingspool/db';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import type { AppConfig } from './config.ts';
import { seedDemoDatabase } from './demo-seed.ts';
import { seedDemoYear } from './demo-year.ts';
import { checkDataDir } from './lib/data-dir.ts';
import { assertDemoAccountsNotExposed, StartRefusedError } from './lib/demo-exposure.ts';
import { loggerOptions, safeError } from './lib/logger.ts';
import { every, type Scheduled } from './lib/schedule.ts';
import { runFeedbackReminders, runServiceLevelEscalations, runTriageReminders } from './modules/interpretation-requests/index.ts';
import { createMailTransport, NotificationWorker } from './modules/notifications/index.ts';
import { runScreeningReminders } from './modules/specialists/index.ts';
import { Availability } from './plugins/availability.ts';
import { listenMetrics, Metrics, type MetricsListener } from './plugins/metrics.ts';

/** A listening server with its outbox worker. */
export interface RunningServer {
  app: FastifyInstance;
  driver: DatabaseHandle['driver'];
  /**
   * Shuts down (decision 062): from the first call on every request answers 503 problem+json and no
   * new connection is accepted; in-flight requests get `IN_FLIGHT_GRACE_MS` to finish, the outbox
   * worker `WORKER_STOP_GRACE_MS` to stop; then the database closes and the data folder's lock is
   * released. Idempotent: later calls return the same promise. Never rejects.
   */
  close(): Promise<void>;
}

/** The server was shut down while it still waited for the database; not a fault. */
export class StartAbortedError extends Error {
  constructor() {
    super('start aborted by shutdown');
    this.name = 'StartAbortedError';
  }
}

/** How long in-flight requests may take to finish at shutdown before their connections are cut. */
export const IN_FLIGHT_GRACE_MS = 10_000;
/** How long the outbox worker may take to stop at shutdown (a send in progress). */
export const WORKER_STOP_GRACE_MS = 10_000;
/** Delays between start attempts while the database is unreachable: 1 s doubling up to 30 s. */
export const START_RETRY_FIRST_MS = 1_000;
export const START_RETRY_MAX_MS = 30_000;

export interface StartOptions {
  /**
   * Called once the server listens, before the database is ready (`/api/v1/health` answers 503
   * until then): the entry point uses it to shut down a start that waits for the database.
   */
  onListening?: (server: RunningServer) => void;
}

/** Resolves after `ms`, or at once when `signal` aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

/** Waits up to `ms` for `work`; says whether it finished in time. */
async function within(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([work.then(() => true as const), late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The first line of the message of the innermost error in `error`'s cause chain (the driver's
 * "connect ECONNREFUSED 127.0.0.1:5432" rather than drizzle's "Failed query: …"), without the
 * noise a WebAssembly abort prints after it.
 */
function firstLine(error: unknown): string {
  let inner: unknown = error;
  for (let i = 0; i < 8 && inner instanceof Error && inner.cause instanceof Error; i++) inner = inner.cause;
  if (inner instanceof AggregateError && inner.errors[0] instanceof Error) inner = inner.errors[0];
  const text = inner instanceof Error ? inner.message : String(inner);
  return (text.split('\n')[0] ?? '').slice(0, 200);
}

/**
 * Runs `prepare` until it succeeds, waiting with backoff while the database is unreachable
 * (decision 060): one log line per failed attempt. Other errors end the start.
 * @throws StartRefusedError when the database is full; the first other error that is not an
 *   unreachable database; StartAbortedError when `signal` aborts
 */
async function untilDatabaseAnswers(prepare: () => Promise<void>, log: FastifyBaseLogger, availability: Availability, signal: AbortSignal) {
  for (let attempt = 1; ; attempt++) {
    if (signal.aborted) throw new StartAbortedError();
    try {
      await prepare();
      return;
    } catch (error) {
      if (signal.aborted) throw new StartAbortedError();
      const fault = databaseFault(error);
      if (fault === 'disk-full') throw new StartRefusedError(`The database has no room left to write (${firstLine(error)}); free disk space and start again.`);
      if (fault !== 'unavailable') throw error;
      const delay = Math.min(START_RETRY_FIRST_MS * 2 ** (attempt - 1), START_RETRY_MAX_MS);
      availability.detail = `De database is niet bereikbaar (poging ${attempt}); de server probeert het opnieuw.`;
      log.warn(
        { attempt, retryInMs: delay, err: safeError(error) },
        `database not reachable (attempt ${attempt}: ${firstLine(error)}); retrying in ${delay / 1000} s, health answers 503 until then`,
      );
      await pause(delay, signal);
    }
  }
}

/**
 * Starts the server. On the embedded database (no `databaseUrl`) it first checks the data folder
 * (writable, `dataDirMinFreeBytes` free) and takes its exclusive lock (decision 061). It then
 * listens on `host:port` at once (and on the metrics listener when configured, decision 084) and
 * answers 503 until the database is ready: it migrates under an advisory lock on PostgreSQL, so
 * instances starting together migrate once (decision 083; retrying with backoff while the
 * database is unreachable), refuses demo accounts where others
 * could reach them, seeds an empty database with the demo data when `seedDemo` (and the demo
 * year of fictional work when `demoYear`, decision 087), and starts the outbox worker, the triage
 * reminders and the screening reminders when `mailWorker`.
 * @throws StartRefusedError (a data folder that is unusable or in use, a port in use or not allowed, demo accounts exposed:
 *   decisions 045 and 061), after releasing what it took; StartAbortedError when shut down first
 */
export async function startServer(config: AppConfig, options: StartOptions = {}): Promise<RunningServer> {
  const embedded = !config.databaseUrl;
  if (embedded) checkDataDir(config.dataDir, config.dataDirMinFreeBytes);
  let handle: DatabaseHandle;
  try {
    // On the embedded database this takes the data folder's lock (decision 061) until close.
    handle = await openDatabase({ url: config.databaseUrl, dataDir: join(config.dataDir, 'pglite'), lockDir: config.dataDir, prepare: config.databasePrepare });
  } catch (error) {
    if (error instanceof DataDirLockedError) throw new StartRefusedError(error.message);
    if (embedded) throw new StartRefusedError(`The embedded database in ${join(config.dataDir, 'pglite')} could not be opened: ${firstLine(error)}`);
    throw error;
  }
  const availability = new Availability('starting', embedded ? config.dataDir : undefined, config.dataDirMinFreeBytes);
  let app: FastifyInstance;
  const metrics = new Metrics(handle.db, { processMetrics: true });
  try {
    app = await buildApp({ config, db: handle.db, logger: loggerOptions(config.logLevel), availability, metrics });
  } catch (error) {
    await handle.close();
    throw error;
  }
  let metricsListener: MetricsListener | undefined;
  const started = app;
  // The outbox worker and the triage reminders run beside the API in this process (not inside
  // buildApp, so API tests stay deterministic), each on its own timer. Without SMTP_URL the worker
  // still writes digests; mails stay in the outbox.
  const worker = config.mailWorker ? new NotificationWorker({ db: handle.db, config, transport: createMailTransport(config), log: app.log }) : null;
  let reminders: Scheduled | null = null;
  let screeningReminders: Scheduled | null = null;
  let escalations: Scheduled | null = null;
  let feedbackReminders: Scheduled | null = null;
  const abort = new AbortController();
  let closing: Promise<void> | undefined;
  const shutdown = async () => {
    availability.state = 'closing';
    abort.abort();
    const stopWorker = async () => {
      await reminders?.stop();
      await screeningReminders?.stop();
      await escalations?.stop();
      await feedbackReminders?.stop();
      if (worker && !(await within(worker.stop(), WORKER_STOP_GRACE_MS))) {
        started.log.warn(`outbox worker did not stop within ${WORKER_STOP_GRACE_MS / 1000} s; closing without it`);
      }
    };
    const closeApp = async () => {
      const cut = setTimeout(() => {
        started.log.warn(`requests still running after ${IN_FLIGHT_GRACE_MS / 1000} s; closing their connections`);
        started.server.closeAllConnections();
      }, IN_FLIGHT_GRACE_MS);
      try {
        await started.close();
      } finally {
        clearTimeout(cut);
      }
    };
    const results = await Promise.allSettled([stopWorker(), closeApp(), metricsListener?.close()]);
    for (const r of results) if (r.status === 'rejected') started.log.error({ err: safeError(r.reason) }, 'error while shutting down');
    await handle.close().catch((error) => started.log.error({ err: safeError(error) }, 'error while closing the database'));
  };
  const running: RunningServer = {
    app: started,
    driver: handle.driver,
    close: () => {
      closing ??= shutdown();
      return closing;
    },
  };
  try {
    await started.listen({ port: config.port, host: config.host }).catch((error: NodeJS.ErrnoException) => {
      // A port in use or not allowed is the operator's to fix: one line, never a stack trace.
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES' || error.code === 'EADDRNOTAVAIL')
        throw new StartRefusedError(
          `The server cannot listen on ${config.host}:${config.port} (${error.code}); stop what uses it or set PORT (or HOST) to a free one.`,
        );
      throw error;
    });
    // Metrics on a listener of their own, never on the API's port (decision 084).
    if (config.metrics) {
      const { host, port } = config.metrics;
      metricsListener = await listenMetrics(metrics, config.metrics).catch((error: NodeJS.ErrnoException) => {
        throw new StartRefusedError(`The metrics listener cannot listen on ${host}:${port} (${error.code ?? error.message}); set METRICS_PORT to a free port.`);
      });
      started.log.info(`metrics at http://${config.metrics.host}:${metricsListener.port}/metrics${config.metrics.token ? ' (bearer token required)' : ''}`);
    }
    options.onListening?.(running);
    await untilDatabaseAnswers(
      async () => {
        availability.detail = 'De server start: de database wordt bijgewerkt.';
        await handle.migrate();
        const seedingDemo = config.seedDemo && (await isEmpty(handle.db));
        await assertDemoAccountsNotExposed(handle.db, config, { seedingDemo });
        if (seedingDemo) {
          await handle.db.transaction((tx) => seedDemoDatabase(tx));
          if (config.demoYear) {
            availability.detail = 'De server start: het demojaar wordt aangelegd.';
            await seedDemoYearLogged(handle.db, config, started.log);
          }
        }
      },
      started.log,
      availability,
      abort.signal,
    );
    if (abort.signal.aborted) throw new StartAbortedError();
    availability.state = 'ready';
    availability.detail = '';
    worker?.start();
    if (config.mailWorker) {
      const db = handle.db;
      reminders = every('triage-reminders', 60_000, () => runTriageReminders(db, { ...config, now: () => new Date() }), started.log, 5_000);
      screeningReminders = every('screening-reminders', 3_600_000, () => runScreeningReminders(db, { ...config, now: () => new Date() }), started.log, 10_000);
      escalations = every('service-level-escalations', 60_000, () => runServiceLevelEscalations(db, { ...config, now: () => new Date() }), started.log, 15_000);
      feedbackReminders = every('feedback-reminders', 3_600_000, () => runFeedbackReminders(db, { ...config, now: () => new Date() }), started.log, 15_000);
    }
    return running;
  } catch (error) {
    await running.close();
    throw error;
  }
}

/**
 * Seeds the demo year (decision 087) and logs how long it took. A failure is logged, not thrown:
 * the demo structure and accounts are there, and a demo without its year still starts.
 */
async function seedDemoYearLogged(db: DatabaseHandle['db'], config: AppConfig, log: FastifyInstance['log']): Promise<void> {
  const begun = performance.now();
  try {
    const result = await seedDemoYear(db, config);
    log.info(`demo year seeded in ${((performance.now() - begun) / 1000).toFixed(1)} s: ${result.requests} requests, ${result.timeEntries} time entries`);
  } catch (error) {
    log.warn({ err: safeError(error) }, 'the demo year could not be seeded; the demo starts without it');
  }
}
