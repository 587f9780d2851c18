// Prometheus metrics (decision 084): one registry per app, request counts and latencies by route
// pattern, gauges read from the database at scrape time with set-based queries, and the listener
// that serves them on a port of its own (loopback by default, optionally behind a bearer token).
import { timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { type Database, migrationState } from '@duidingspool/db';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { availableByYear } from '../modules/budgets/index.ts';
import { outboxStats } from '../modules/notifications/index.ts';

/** Latency buckets of the request histogram, seconds (the API's calls take 5 ms – 1.5 s, decision 060 bounds them at 20 s). */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20];

/** The route label of a request no route matched: one value, so unknown URLs cannot grow the series. */
export const UNMATCHED_ROUTE = '(unmatched)';

/**
 * The app's metrics. Process metrics (`process_*`, `nodejs_*`) come from prom-client's defaults
 * (when asked for);
 * the app's own are prefixed `duidingspool_`. The database gauges are read when scraped, never
 * kept up to date in between.
 */
export class Metrics {
  readonly registry = new Registry();
  /** Answered requests by method, route pattern (`/api/v1/interpretation-requests/:id`) and status code. */
  readonly requests = new Counter({
    name: 'duidingspool_http_requests_total',
    help: 'Answered HTTP requests by method, route pattern and status code.',
    labelNames: ['method', 'route', 'status_code'] as const,
    registers: [this.registry],
  });
  /** Time to answer, seconds, by method and route pattern. */
  readonly latency = new Histogram({
    name: 'duidingspool_http_request_duration_seconds',
    help: 'Time from receiving a request to sending its answer, seconds, by method and route pattern.',
    labelNames: ['method', 'route'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  /** Runs of the retention job on this instance, by outcome (`ok`, `failed`). */
  readonly retentionRuns = new Counter({
    name: 'duidingspool_retention_job_runs_total',
    help: 'Runs of the retention job on this instance, by outcome (ok: the run finished; failed: it threw).',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  /**
   * @param db the database the gauges read at scrape time; without it only the request and
   *   retention metrics exist
   * @param options `now`: the clock of the outbox age; `processMetrics`: also prom-client's default
   *   process metrics (the running server; off for the many apps tests build, as each set installs
   *   observers of its own that live as long as the process)
   */
  constructor(db?: Database, options: { now?: () => Date; processMetrics?: boolean } = {}) {
    const now = options.now ?? (() => new Date());
    if (options.processMetrics) collectDefaultMetrics({ register: this.registry });
    for (const outcome of ['ok', 'failed']) this.retentionRuns.inc({ outcome }, 0);
    if (!db) return;
    // The registry reads all gauges of a scrape at once; each database gauge waits for one shared
    // read, so a scrape runs three small queries (bounded by the number of budget years) once.
    let reading: Promise<void> | undefined;
    const collect = () => {
      reading ??= read().finally(() => {
        reading = undefined;
      });
      return reading;
    };
    const registers = [this.registry];
    const databaseUp = new Gauge({ name: 'duidingspool_database_up', help: '1 when the database answered this scrape, else 0.', registers, collect });
    const pendingMigrations = new Gauge({
      name: 'duidingspool_migrations_pending',
      help: 'Committed migrations the database has not applied yet (0 when ready).',
      registers,
      collect,
    });
    const outboxDepth = new Gauge({ name: 'duidingspool_outbox_depth', help: 'Mails waiting in the outbox (pending or being sent).', registers, collect });
    const outboxAge = new Gauge({
      name: 'duidingspool_outbox_oldest_pending_age_seconds',
      help: 'Age of the oldest mail waiting in the outbox, seconds (0 when none waits).',
      registers,
      collect,
    });
    const failedMails = new Gauge({ name: 'duidingspool_mails_failed', help: 'Mails that gave up and wait for a re-send by an admin.', registers, collect });
    const budgetAvailable = new Gauge({
      name: 'duidingspool_budget_available_cents',
      help: 'Budget still available per year, euro cents (allocated minus reserved, pending and spent).',
      labelNames: ['year'] as const,
      registers,
      collect,
    });
    const dbGauges = [pendingMigrations, outboxDepth, outboxAge, failedMails, budgetAvailable];
    async function read() {
      try {
        const [migrations, outbox, budgets] = await Promise.all([
          migrationState(db as Database),
          outboxStats(db as Database, now()),
          availableByYear(db as Database),
        ]);
        for (const g of dbGauges) g.reset();
        pendingMigrations.set(migrations.pending);
        outboxDepth.set(outbox.depth);
        outboxAge.set(outbox.oldestPendingAgeSeconds);
        failedMails.set(outbox.failed);
        for (const b of budgets) budgetAvailable.set({ year: String(b.year) }, b.availableCents);
        databaseUp.set(1);
      } catch {
        // A scrape during an outage still answers: the database gauges are absent, `up` says why.
        for (const g of dbGauges) g.reset();
        databaseUp.set(0);
      }
    }
  }

  /** The exposition text of every metric (Prometheus text format 0.0.4), reading the gauges now. */
  exposition(): Promise<string> {
    return this.registry.metrics();
  }
}

/** Where and how the metrics listener serves (`AppConfig.metrics`). */
export interface MetricsListenerOptions {
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  /** When set, a scrape must send `Authorization: Bearer <token>`. */
  token: string | undefined;
}

/** A listening metrics endpoint. */
export interface MetricsListener {
  /** The port it listens on. */
  port: number;
  close(): Promise<void>;
}

/**
 * Whether `header` is `Bearer <token>`: the scheme in any letter case (RFC 9110 §11.1), the token
 * compared in constant time.
 */
function bearerMatches(header: string | undefined, token: string): boolean {
  const value = header ?? '';
  const space = value.indexOf(' ');
  if (space < 0 || value.slice(0, space).toLowerCase() !== 'bearer') return false;
  const given = Buffer.from(value.slice(space + 1).trimStart());
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Serves `GET /metrics` on a listener of its own (decision 084), apart from the API's port so no
 * proxy route exposes it: 200 with the exposition text; 401 with `WWW-Authenticate: Bearer` when a
 * token is configured and the request does not carry it; 404 for any other path, 405 for another
 * method on `/metrics`; 503 when the exposition cannot be produced.
 */
export async function listenMetrics(metrics: Metrics, options: MetricsListenerOptions): Promise<MetricsListener> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('method not allowed\n');
      return;
    }
    if (options.token !== undefined && !bearerMatches(req.headers.authorization, options.token)) {
      res.writeHead(401, { 'www-authenticate': 'Bearer realm="metrics"', 'content-type': 'text/plain; charset=utf-8' }).end('unauthorized\n');
      return;
    }
    metrics.exposition().then(
      (text) => res.writeHead(200, { 'content-type': metrics.registry.contentType, 'cache-control': 'no-store' }).end(req.method === 'HEAD' ? undefined : text),
      () => res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' }).end('metrics unavailable\n'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : options.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The app's Prometheus metrics (decision 084). */
    metrics: Metrics;
  }
}

/**
 * Decorates the app with its `Metrics` and counts every answered request by route pattern (the
 * route's URL as registered, never the request's own URL, so ids and typos do not grow the series).
 */
export default fp(async function metricsPlugin(app: FastifyInstance, opts: { metrics: Metrics }) {
  app.decorate('metrics', opts.metrics);
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? UNMATCHED_ROUTE;
    const method = request.method;
    opts.metrics.requests.inc({ method, route, status_code: String(reply.statusCode) });
    opts.metrics.latency.observe({ method, route }, reply.elapsedTime / 1000);
  });
});
