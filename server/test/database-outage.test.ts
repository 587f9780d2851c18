// A lost database (decision 060), on a PostgreSQL cluster of the test's own that the test stops and
// starts under the running server: every route answers 503 `service-unavailable` problem+json with
// Retry-After (never 500), within the connect timeout rather than the driver's long backoff, and the
// app serves again within 2 s of the database's return.
import type { AddressInfo } from 'node:net';
import { CONNECT_TIMEOUT_SECONDS } from '@duidingspool/db';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../src/start.ts';
import { testConfig } from './harness.ts';
import { createOwnCluster, type OwnCluster } from './own-cluster.ts';

/** The rule: the app serves again within this long after the database is back. */
const BACK_WITHIN_MS = 2_000;
/** The rule: an answer during an outage comes within the connect timeout (plus the request's own work). */
const ANSWER_WITHIN_MS = CONNECT_TIMEOUT_SECONDS * 1000 + 1_000;

/** The request deadline of this test's server (REQUEST_TIMEOUT_SECONDS), seconds. */
const DEADLINE_SECONDS = 3;
/** How long each outage lasts. */
const OUTAGE_MS = 6_000;

let cluster: OwnCluster;
let server: RunningServer;
let base: string;
let cookie: string;

beforeAll(async () => {
  cluster = await createOwnCluster();
  await cluster.start();
  await cluster.createDatabase('dp');
  server = await startServer({ ...testConfig, databaseUrl: cluster.url('dp'), seedDemo: true, port: 0, requestTimeoutSeconds: DEADLINE_SECONDS });
  base = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
  const login = await fetch(`${base}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'coordinator@duidingspool.example', password: 'demo-duidingspool-2019' }),
  });
  expect(login.status).toBe(200);
  cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}, 120_000);

afterAll(async () => {
  await server?.close();
  await cluster?.destroy();
});

/** Routes of each kind: readiness, a public route that reads and writes, authenticated reads. */
const calls: { name: string; request: () => Promise<Response> }[] = [
  { name: 'GET /health', request: () => fetch(`${base}/api/v1/health`) },
  {
    name: 'POST /sessions',
    request: () =>
      fetch(`${base}/api/v1/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'coordinator@duidingspool.example', password: 'wrong-password-for-the-outage' }),
      }),
  },
  { name: 'GET /interpretation-requests', request: () => fetch(`${base}/api/v1/interpretation-requests`, { headers: { cookie } }) },
  { name: 'GET /budgets (budget page)', request: () => fetch(`${base}/api/v1/budgets/${new Date().getFullYear()}`, { headers: { cookie } }) },
];

async function expectUnavailable(name: string, request: () => Promise<Response>) {
  const started = Date.now();
  const res = await request();
  const elapsed = Date.now() - started;
  const body = await res.text();
  expect(res.status, `${name}: ${body}`).toBe(503);
  expect(res.headers.get('content-type'), name).toMatch(/^application\/problem\+json/);
  expect(Number(res.headers.get('retry-after')), name).toBeGreaterThanOrEqual(1);
  expect(JSON.parse(body), name).toMatchObject({ type: 'service-unavailable', status: 503 });
  expect(elapsed, `${name} answered after ${elapsed} ms`).toBeLessThan(ANSWER_WITHIN_MS);
}

/** Milliseconds from now until every call answers below 500. */
async function timeUntilServing(): Promise<number> {
  const started = Date.now();
  for (;;) {
    const statuses = await Promise.all(calls.map((c) => c.request().then((r) => r.status)));
    if (statuses.every((s) => s < 500)) return Date.now() - started;
    if (Date.now() - started > 30_000) throw new Error(`still failing after 30 s: ${statuses.join(', ')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('a lost database', () => {
  it('the routes answer before the outage', async () => {
    for (const c of calls) expect((await c.request()).status, c.name).toBeLessThan(500);
  });

  for (const mode of ['fast', 'immediate'] as const) {
    it(`stopped (${mode}): every route answers 503 service-unavailable with Retry-After, promptly; back within 2 s of its return`, async () => {
      await cluster.stop(mode);
      // Down for a while with requests arriving all along: the first find the dropped connections,
      // later ones refused connects, while the driver's retry count (and with it its backoff) grows.
      const until = Date.now() + OUTAGE_MS;
      while (Date.now() < until) {
        for (const c of calls) await expectUnavailable(c.name, c.request);
        await new Promise((r) => setTimeout(r, 200));
      }
      await cluster.start();
      const back = await timeUntilServing();
      expect(back, `serving again ${back} ms after the database`).toBeLessThan(BACK_WITHIN_MS);
      const health = await fetch(`${base}/api/v1/health`);
      expect(health.status).toBe(200);
    }, 60_000);
  }
});

describe('a database that does not answer', () => {
  it('a request still waiting at its deadline answers 503 service-unavailable with Retry-After', async () => {
    // Another session holds the users table: the session check of every authenticated request waits.
    const blocker = postgres(cluster.url('dp'), { max: 1, onnotice: () => {} });
    try {
      const locked = blocker.begin(async (tx) => {
        await tx`lock table users in access exclusive mode`;
        await new Promise((r) => setTimeout(r, (DEADLINE_SECONDS + 3) * 1000));
      });
      await new Promise((r) => setTimeout(r, 300));
      const started = Date.now();
      const res = await fetch(`${base}/api/v1/interpretation-requests`, { headers: { cookie } });
      const elapsed = Date.now() - started;
      expect(res.status).toBe(503);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(await res.json()).toMatchObject({ type: 'service-unavailable' });
      expect(elapsed).toBeGreaterThanOrEqual(DEADLINE_SECONDS * 1000 - 50);
      expect(elapsed).toBeLessThan((DEADLINE_SECONDS + 2) * 1000);
      await locked;
      // The lock gone, the same request answers.
      expect((await fetch(`${base}/api/v1/interpretation-requests`, { headers: { cookie } })).status).toBe(200);
    } finally {
      await blocker.end();
    }
  }, 30_000);
});

describe('a database that hangs', () => {
  it('frozen (connections open, nothing answers): every route answers 503 within the deadline; back within 2 s of its thaw', async () => {
    await cluster.freeze();
    try {
      const answers = await Promise.all(
        calls.map(async (c) => {
          const started = Date.now();
          const res = await c.request();
          return { name: c.name, res, body: await res.text(), elapsed: Date.now() - started };
        }),
      );
      for (const { name, res, body, elapsed } of answers) {
        expect(res.status, `${name}: ${body}`).toBe(503);
        expect(res.headers.get('content-type'), name).toMatch(/^application\/problem\+json/);
        expect(Number(res.headers.get('retry-after')), name).toBeGreaterThanOrEqual(1);
        expect(JSON.parse(body), name).toMatchObject({ type: 'service-unavailable' });
        // The request deadline (or the connect timeout, whichever comes first), plus a margin.
        expect(elapsed, `${name} answered after ${elapsed} ms`).toBeLessThan(Math.min(DEADLINE_SECONDS, CONNECT_TIMEOUT_SECONDS) * 1000 + 1_500);
      }
    } finally {
      await cluster.thaw();
    }
    const back = await timeUntilServing();
    expect(back, `serving again ${back} ms after the thaw`).toBeLessThan(BACK_WITHIN_MS);
  }, 60_000);
});
