// Prometheus metrics on a listener of their own (decision 084) and the liveness / readiness split of
// the health endpoints (decision 083), on a real PostgreSQL database.
import { randomBytes, randomUUID } from 'node:crypto';
import { openDatabase } from '@duidingspool/db';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { Availability } from '../src/plugins/availability.ts';
import { listenMetrics, Metrics, type MetricsListener, UNMATCHED_ROUTE } from '../src/plugins/metrics.ts';
import { adminUrl, databaseUrl } from './database-urls.ts';
import { testConfig, useTestApp } from './harness.ts';

const t = useTestApp();
const TOKEN = randomBytes(36).toString('base64url');
let withToken: MetricsListener;
let open: MetricsListener;

beforeAll(async () => {
  withToken = await listenMetrics(t.app.metrics, { host: '127.0.0.1', port: 0, token: TOKEN });
  open = await listenMetrics(t.app.metrics, { host: '127.0.0.1', port: 0, token: undefined });
});
afterAll(async () => {
  await withToken?.close();
  await open?.close();
});

const scrape = (listener: MetricsListener, init?: RequestInit, path = '/metrics') => fetch(`http://127.0.0.1:${listener.port}${path}`, init);
const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

/** The samples of the exposition text: `name{labels}` → value. */
function samples(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const at = line.lastIndexOf(' ');
    out.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return out;
}

describe('the metrics listener (decision 084)', () => {
  it('refuses a scrape without the bearer token, or with another one', async () => {
    const none = await scrape(withToken);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await scrape(withToken, bearer(`${TOKEN}x`))).status).toBe(401);
    expect((await scrape(withToken, { headers: { authorization: TOKEN } })).status).toBe(401);
    expect((await scrape(withToken, bearer(TOKEN))).status).toBe(200);
  });

  it('serves /metrics only, and without a token configured answers anyone who reaches it', async () => {
    expect((await scrape(open)).status).toBe(200);
    expect((await scrape(open, undefined, '/')).status).toBe(404);
    expect((await scrape(open, { method: 'POST' })).status).toBe(405);
  });

  it('is never served on the API port', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404);
  });

  it('speaks the Prometheus text format: HELP and TYPE for every metric, one sample per line', async () => {
    const res = await scrape(open);
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const text = await res.text();
    const typed = new Set([...text.matchAll(/^# TYPE (\S+) (counter|gauge|histogram|summary)$/gm)].map((m) => m[1]));
    const helped = new Set([...text.matchAll(/^# HELP (\S+) .+$/gm)].map((m) => m[1]));
    expect(helped).toEqual(typed);
    const sampleLine = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{([a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*",?)*\})? (-?[0-9.]+(e[+-]?\d+)?|NaN|[+-]Inf)$/;
    for (const line of text.split('\n')) {
      if (line === '' || line.startsWith('#')) continue;
      expect(line).toMatch(sampleLine);
      const name = sampleLine.exec(line)?.[1] ?? '';
      // Every sample belongs to a declared metric (histograms add _bucket, _sum and _count).
      expect(typed.has(name) || typed.has(name.replace(/_(bucket|sum|count)$/, ''))).toBe(true);
    }
    for (const name of [
      'duidingspool_http_requests_total',
      'duidingspool_http_request_duration_seconds',
      'duidingspool_outbox_depth',
      'duidingspool_outbox_oldest_pending_age_seconds',
      'duidingspool_mails_failed',
      'duidingspool_retention_job_runs_total',
      'duidingspool_budget_available_cents',
      'duidingspool_database_up',
      'duidingspool_migrations_pending',
    ]) {
      expect(typed.has(name), name).toBe(true);
    }
  });

  it('adds the process metrics for the running server', async () => {
    const text = await new Metrics(undefined, { processMetrics: true }).exposition();
    expect(text).toMatch(/^# TYPE process_cpu_user_seconds_total counter$/m);
    expect(text).toMatch(/^# TYPE nodejs_eventloop_lag_seconds gauge$/m);
  });

  it('counts requests by route pattern, never by URL', async () => {
    const coordinator = await t.as('coordinator');
    const first = randomUUID();
    const second = randomUUID();
    await coordinator('GET', `/api/v1/interpretation-requests/${first}`);
    await coordinator('GET', `/api/v1/interpretation-requests/${second}`);
    const stray = `/api/v1/no-such-thing-${randomUUID()}`;
    await t.anonymous('GET', stray);
    const text = await (await scrape(open)).text();
    expect(text).not.toContain(first);
    expect(text).not.toContain(second);
    expect(text).not.toContain(stray);
    const s = samples(text);
    expect(s.get('duidingspool_http_requests_total{method="GET",route="/api/v1/interpretation-requests/:id",status_code="404"}')).toBe(2);
    expect(s.get(`duidingspool_http_requests_total{method="GET",route="${UNMATCHED_ROUTE}",status_code="404"}`)).toBeGreaterThanOrEqual(1);
    expect(s.get('duidingspool_http_request_duration_seconds_count{method="GET",route="/api/v1/interpretation-requests/:id"}')).toBe(2);
    expect(s.get('duidingspool_retention_job_runs_total{outcome="ok"}')).toBe(0);
  });

  it('reads the outbox and the budgets from the database at scrape time', async () => {
    const sql = postgres(databaseUrl(t.databaseName), { max: 1, onnotice: () => {} });
    try {
      // One mail waiting for an hour and one that gave up, besides whatever the seed holds.
      const [user] = await sql<{ id: string; email: string }[]>`select id, email from users where is_active order by email limit 1`;
      if (!user) throw new Error('no user in the seed');
      await sql`insert into notifications (event, recipient_user_id, recipient_email, status, created_at)
        values ('request-submitted', ${user.id}, ${user.email}, 'pending', now() - interval '1 hour'),
               ('request-submitted', ${user.id}, ${user.email}, 'failed', now())`;
      const [outbox] = await sql<{ depth: number; failed: number }[]>`select
        count(*) filter (where status in ('pending', 'sending'))::int as depth,
        count(*) filter (where status = 'failed')::int as failed from notifications`;
      const budgets = await sql<{ year: number; available: string }[]>`
        select year, (allocated_cents - reserved_cents - pending_cents - spent_cents)::text as available from budgets order by year`;
      expect(budgets.length).toBeGreaterThan(0);

      const s = samples(await (await scrape(open)).text());
      expect(s.get('duidingspool_database_up')).toBe(1);
      expect(s.get('duidingspool_migrations_pending')).toBe(0);
      expect(s.get('duidingspool_outbox_depth')).toBe(outbox?.depth);
      expect(s.get('duidingspool_mails_failed')).toBe(outbox?.failed);
      // The oldest waiting mail is at least the hour-old one.
      expect(s.get('duidingspool_outbox_oldest_pending_age_seconds')).toBeGreaterThanOrEqual(3600);
      for (const b of budgets) expect(s.get(`duidingspool_budget_available_cents{year="${b.year}"}`)).toBe(Number(b.available));
    } finally {
      await sql.end();
    }
  });
});

describe('liveness and readiness (decision 083)', () => {
  it('answers ready on a migrated database that answers, and alive', async () => {
    expect((await t.anonymous('GET', '/api/v1/health')).body).toEqual({ status: 'ok' });
    expect((await t.anonymous('GET', '/api/v1/health/ready')).body).toEqual({ status: 'ok' });
    expect((await t.anonymous('GET', '/api/v1/health/live')).body).toEqual({ status: 'alive', state: 'ready' });
  });

  it('is alive but not ready while starting or closing', async () => {
    for (const state of ['starting', 'closing'] as const) {
      const app = await buildApp({ config: testConfig, db: t.handle.db, availability: new Availability(state) });
      try {
        const live = await app.inject({ method: 'GET', url: '/api/v1/health/live' });
        expect(live.statusCode).toBe(200);
        expect(live.json()).toEqual({ status: 'alive', state });
        for (const url of ['/api/v1/health', '/api/v1/health/ready']) {
          const res = await app.inject({ method: 'GET', url });
          expect(res.statusCode).toBe(503);
          expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        }
      } finally {
        await app.close();
      }
    }
  });

  it('is not ready on a database that misses migrations, and ready once they are applied', async () => {
    const name = `dp_test_unmigrated_${randomBytes(4).toString('hex')}`;
    const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const handle = await openDatabase({ url: databaseUrl(name), maxConnections: 2 });
    const app = await buildApp({ config: testConfig, db: handle.db });
    try {
      for (const url of ['/api/v1/health', '/api/v1/health/ready']) {
        const res = await app.inject({ method: 'GET', url });
        expect(res.statusCode).toBe(503);
        expect(res.json()).toMatchObject({ type: 'service-unavailable', detail: 'De database is nog niet bijgewerkt naar deze versie.' });
      }
      expect((await app.inject({ method: 'GET', url: '/api/v1/health/live' })).statusCode).toBe(200);
      await handle.migrate();
      expect((await app.inject({ method: 'GET', url: '/api/v1/health/ready' })).statusCode).toBe(200);
    } finally {
      await app.close();
      await handle.close();
      await admin.unsafe(`drop database ${name} with (force)`);
      await admin.end();
    }
  }, 60_000);
});
