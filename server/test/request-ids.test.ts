// Every response names its request (decision 053): the id is in the `X-Request-Id` header of every
// answer, in the `requestId` member of every problem, and in the server's log lines of that
// request, the same in all three. A well-formed incoming X-Request-Id is kept, any other replaced.
// The operator's message (why a request was refused) is in the log line and never in the answer.
// The kinds of problem are walked one by one, including the ones no route throws: unknown routes,
// the router's own refusals, Fastify's body errors, the HTTP parser's refusals (a real socket) and
// requests arriving while the server closes.
import { connect } from 'node:net';
import { DEMO_DOMAIN, DEMO_PASSWORD, openDatabase } from '@duidingspool/db';
import { REQUEST_ID_PATTERN } from '@duidingspool/shared';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loggerOptions } from '../src/lib/logger.ts';
import { databaseUrl } from './database-urls.ts';
import { expectProblem } from './fixtures.ts';
import { type CallResult, testConfig, useTestApp } from './harness.ts';

const t = useTestApp();

/** The app of this file, with a logger that keeps its lines. */
let app: FastifyInstance;
const lines: Record<string, unknown>[] = [];
const CASE_TEXT = 'Vertrouwelijke tekst die alleen in de databasefout staat';

async function logged(): Promise<FastifyInstance> {
  const built = await buildApp({
    config: testConfig,
    db: t.handle.db,
    logger: loggerOptions('info', { write: (line: string) => lines.push(JSON.parse(line)) }),
  });
  // A route that fails inside the database, as a bug would: the answer is a 500 with an id.
  built.get('/api/v1/test-failure', { config: { public: true } }, async () => {
    await built.db.execute(sql`select ${CASE_TEXT}::int`);
    return {};
  });
  return built;
}

beforeAll(async () => {
  app = await logged();
  await app.ready();
});
afterAll(async () => {
  await app?.close();
});

async function call(options: InjectOptions): Promise<CallResult> {
  const res = await app.inject(options);
  let body: unknown;
  try {
    body = JSON.parse(res.body);
  } catch {
    body = res.body;
  }
  return { status: res.statusCode, headers: res.headers, body };
}

/** The log lines of request `id`. */
const linesOf = (id: string) => lines.filter((l) => l.requestId === id);

async function session(): Promise<string> {
  const login = await app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { email: `requester.arnhem@${DEMO_DOMAIN}`, password: DEMO_PASSWORD } });
  expect(login.statusCode).toBe(200);
  return `dp_session=${login.cookies.find((c) => c.name === 'dp_session')?.value}`;
}

describe('request ids on every problem', () => {
  // Each kind of problem the API gives, by the path it takes through the server.
  const kinds: { name: string; status: number; type: string; request: (cookie: string) => InjectOptions }[] = [
    { name: 'unknown API route (not-found handler)', status: 404, type: 'not-found', request: () => ({ method: 'GET', url: '/api/v1/no-such-thing' }) },
    { name: 'unknown non-GET outside the API', status: 404, type: 'not-found', request: () => ({ method: 'POST', url: '/elders', payload: {} }) },
    { name: 'no session (auth hook)', status: 401, type: 'unauthenticated', request: () => ({ method: 'GET', url: '/api/v1/me' }) },
    {
      name: 'a role that may not use the route (auth hook)',
      status: 403,
      type: 'forbidden',
      request: (cookie) => ({ method: 'GET', url: '/api/v1/users', headers: { cookie } }),
    },
    {
      name: 'an object another casustafel owns (service)',
      status: 404,
      type: 'not-found',
      request: (cookie) => ({ method: 'GET', url: '/api/v1/interpretation-requests/00000000-0000-4000-8000-000000000000', headers: { cookie } }),
    },
    {
      name: 'schema validation',
      status: 400,
      type: 'validation-failed',
      request: (cookie) => ({ method: 'GET', url: '/api/v1/interpretation-requests?pageSize=100000', headers: { cookie } }),
    },
    {
      name: 'malformed JSON',
      status: 400,
      type: 'validation-failed',
      request: (cookie) => ({
        method: 'POST',
        url: '/api/v1/interpretation-requests',
        headers: { cookie, 'content-type': 'application/json' },
        payload: '{"a":',
      }),
    },
    {
      name: 'a NUL in the URL (api conventions)',
      status: 400,
      type: 'validation-failed',
      request: (cookie) => ({ method: 'GET', url: '/api/v1/interpretation-requests?status=%00', headers: { cookie } }),
    },
    {
      name: 'a cross-site change (api conventions)',
      status: 403,
      type: 'forbidden',
      request: (cookie) => ({ method: 'POST', url: '/api/v1/interpretation-requests', headers: { cookie, origin: 'https://elders.example' }, payload: {} }),
    },
    {
      name: 'unsupported media type',
      status: 415,
      type: 'unsupported-media-type',
      request: (cookie) => ({
        method: 'POST',
        url: '/api/v1/interpretation-requests',
        headers: { cookie, 'content-type': 'application/xml' },
        payload: '<a/>',
      }),
    },
    {
      name: 'payload too large',
      status: 413,
      type: 'payload-too-large',
      request: (cookie) => ({
        method: 'POST',
        url: '/api/v1/interpretation-requests',
        headers: { cookie, 'content-type': 'application/json' },
        payload: JSON.stringify({ question: 'x'.repeat(1024 * 1024 + 1) }),
      }),
    },
    {
      name: 'a path segment over the router limit (frameworkErrors)',
      status: 414,
      type: 'uri-too-long',
      request: (cookie) => ({ method: 'GET', url: `/api/v1/interpretation-requests/${'a'.repeat(200)}`, headers: { cookie } }),
    },
    { name: 'an unexpected failure', status: 500, type: 'internal-error', request: () => ({ method: 'GET', url: '/api/v1/test-failure' }) },
  ];

  for (const kind of kinds) {
    it(`${kind.name}: ${kind.status} ${kind.type} with the id in body, header and log line`, async () => {
      const res = await call(kind.request(await session()));
      expectProblem(res, kind.status, kind.type);
      const id = res.body.requestId as string;
      // A fresh id for a request that brought none.
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      // The log has this request under the same id, with the status it answered.
      const own = linesOf(id);
      expect(own.length, `no log line with requestId ${id}`).toBeGreaterThan(0);
      expect(own.some((l) => (l.res as { statusCode?: number } | undefined)?.statusCode === kind.status || l.status === kind.status)).toBe(true);
    });
  }

  it('rate-limited (429) carries the id too', async () => {
    const email = `rate-${Date.now()}@duidingspool.example`;
    let limited: CallResult | undefined;
    for (let i = 0; i < 6 && !limited; i++) {
      const res = await call({ method: 'POST', url: '/api/v1/password-resets', payload: { email } });
      if (res.status === 429) limited = res;
    }
    expect(limited, 'no 429 after 6 reset requests').toBeDefined();
    expectProblem(limited as CallResult, 429, 'rate-limited');
    // The operator learns which counter refused; the user only that it was too often.
    const refused = linesOf((limited as CallResult).body.requestId).find((l) => l.msg === 'request refused');
    expect(refused).toMatchObject({ problem: 'rate-limited', status: 429, operatorMessage: 'throttled by the reset-account counter' });
    expect(JSON.stringify((limited as CallResult).body)).not.toContain('reset-account');
  });

  it('a database that does not answer (health, 503) carries the id and logs the cause for the operator only', async () => {
    const handle = await openDatabase({ url: databaseUrl(t.databaseName), maxConnections: 1 });
    await handle.close();
    const broken = await buildApp({
      config: testConfig,
      db: handle.db,
      logger: loggerOptions('info', { write: (line: string) => lines.push(JSON.parse(line)) }),
    });
    try {
      const res = await broken.inject({ method: 'GET', url: '/api/v1/health' });
      const result = { status: res.statusCode, headers: res.headers, body: JSON.parse(res.body) };
      expectProblem(result, 503, 'service-unavailable');
      const failed = linesOf(result.body.requestId).find((l) => l.msg === 'request failed');
      expect(failed).toMatchObject({ problem: 'service-unavailable', operatorMessage: 'health check: database ping failed' });
      expect((failed?.err as { type?: string } | undefined)?.type).toBeTruthy();
      expect(res.body).not.toContain('ping failed');
    } finally {
      await broken.close();
    }
  });

  it('the operator message of a refused session is logged and never sent', async () => {
    const res = await call({ method: 'GET', url: '/api/v1/me', headers: { cookie: 'dp_session=not-a-token' } });
    expectProblem(res, 401, 'unauthenticated');
    const refused = linesOf(res.body.requestId).find((l) => l.msg === 'request refused');
    expect(String(refused?.operatorMessage)).toMatch(/^unauthenticated: access token refused \(/);
    expect(JSON.stringify(res.body)).not.toMatch(/access token|FAST_JWT/);
  });

  it('an unexpected failure logs the error class and code under the id, never its message', async () => {
    const res = await call({ method: 'GET', url: '/api/v1/test-failure' });
    expectProblem(res, 500, 'internal-error');
    const own = linesOf(res.body.requestId);
    const failed = own.find((l) => l.msg === 'unhandled error');
    expect(failed).toMatchObject({ problem: 'internal-error', status: 500 });
    expect(JSON.stringify(own)).not.toContain(CASE_TEXT);
    expect(JSON.stringify(res.body)).not.toContain(CASE_TEXT);
  });
});

describe('X-Request-Id on every response', () => {
  it('a successful answer carries the id of its log lines', async () => {
    const res = await call({ method: 'GET', url: '/api/v1/health' });
    expect(res.status).toBe(200);
    const id = String(res.headers['x-request-id']);
    expect(id).toMatch(REQUEST_ID_PATTERN);
    expect(linesOf(id).map((l) => l.msg)).toEqual(expect.arrayContaining(['incoming request', 'request completed']));
  });

  it('keeps a well-formed incoming X-Request-Id, in header, body and log', async () => {
    for (const given of ['abc-123', 'trace.2026_11_30', 'x'.repeat(64), 'A']) {
      const res = await call({ method: 'GET', url: '/api/v1/no-such-thing', headers: { 'x-request-id': given } });
      expectProblem(res, 404, 'not-found');
      expect(res.body.requestId).toBe(given);
      expect(linesOf(given).length).toBeGreaterThan(0);
    }
  });

  it('replaces an incoming X-Request-Id that does not match the pattern with a fresh one', async () => {
    for (const given of ['', 'x'.repeat(65), 'a b', 'abc"def', 'ab/cd', 'ab;cd', 'ïd', '<script>', '../../etc']) {
      const res = await call({ method: 'GET', url: '/api/v1/no-such-thing', headers: { 'x-request-id': given } });
      expectProblem(res, 404, 'not-found');
      expect(res.body.requestId).not.toBe(given);
      expect(res.body.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(lines.some((l) => l.requestId === given)).toBe(false);
    }
  });

  it('two requests without an id get two different ids', async () => {
    const [a, b] = await Promise.all([call({ method: 'GET', url: '/api/v1/health' }), call({ method: 'GET', url: '/api/v1/health' })]);
    expect(a?.headers['x-request-id']).not.toBe(b?.headers['x-request-id']);
  });
});

/** Writes `raw` to the listening app and reads the whole answer until the server closes. */
function rawExchange(port: number, raw: string | ((socket: import('node:net').Socket) => void)): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => {
      data += chunk;
    });
    socket.on('close', () => resolve(data));
    socket.on('error', (error) => (data ? resolve(data) : reject(error)));
    socket.on('connect', () => (typeof raw === 'string' ? socket.write(raw) : raw(socket)));
  });
}

/** The problem bodies and X-Request-Id headers in a raw HTTP answer (one or more responses). */
function parseResponses(raw: string): { status: number; requestIdHeader: string | undefined; contentType: string | undefined; body: any }[] {
  const out: { status: number; requestIdHeader: string | undefined; contentType: string | undefined; body: any }[] = [];
  let rest = raw;
  while (rest.startsWith('HTTP/1.1 ')) {
    const headEnd = rest.indexOf('\r\n\r\n');
    const head = rest.slice(0, headEnd);
    const headers = new Map(
      head
        .split('\r\n')
        .slice(1)
        .map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()] as const),
    );
    const length = Number(headers.get('content-length') ?? 0);
    const body = rest.slice(headEnd + 4, headEnd + 4 + length);
    out.push({
      status: Number(head.slice(9, 12)),
      requestIdHeader: headers.get('x-request-id'),
      contentType: headers.get('content-type'),
      body: body ? JSON.parse(body) : undefined,
    });
    rest = rest.slice(headEnd + 4 + length);
  }
  return out;
}

describe('problems outside the request cycle (a listening server)', () => {
  it('headers too large (431) answer problem+json with an id in body, header and log line', async () => {
    const server = await logged();
    await server.listen({ port: 0, host: '127.0.0.1' });
    try {
      const port = (server.server.address() as { port: number }).port;
      const raw = await rawExchange(port, `GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Filler: ${'a'.repeat(20_000)}\r\n\r\n`);
      const [res] = parseResponses(raw);
      expect(res?.status, raw.slice(0, 300)).toBe(431);
      expect(res?.contentType).toMatch(/^application\/problem\+json/);
      expect(res?.body).toMatchObject({ type: 'headers-too-large', status: 431 });
      expect(res?.body.requestId).toMatch(REQUEST_ID_PATTERN);
      expect(res?.requestIdHeader).toBe(res?.body.requestId);
      expect(linesOf(res?.body.requestId)).toEqual([
        expect.objectContaining({ problem: 'headers-too-large', operatorMessage: expect.stringContaining('HPE_HEADER_OVERFLOW') }),
      ]);
    } finally {
      await server.close();
    }
  });

  it('malformed HTTP (400) answers problem+json with an id', async () => {
    const server = await logged();
    await server.listen({ port: 0, host: '127.0.0.1' });
    try {
      const port = (server.server.address() as { port: number }).port;
      const [res] = parseResponses(await rawExchange(port, 'NOT HTTP AT ALL\r\n\r\n'));
      expect(res?.status).toBe(400);
      expect(res?.body).toMatchObject({ type: 'validation-failed', status: 400 });
      expect(res?.requestIdHeader).toBe(res?.body.requestId);
      expect(linesOf(res?.body.requestId).length).toBe(1);
    } finally {
      await server.close();
    }
  });

  it('a request arriving while the server closes answers 503 problem+json with its id, not Fastify’s own body', async () => {
    const server = await logged();
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started: () => void = () => {};
    const inFlight = new Promise<void>((resolve) => {
      started = resolve;
    });
    server.get('/api/v1/test-slow', { config: { public: true } }, async () => {
      started();
      await gate;
      return { ok: true };
    });
    await server.listen({ port: 0, host: '127.0.0.1' });
    const port = (server.server.address() as { port: number }).port;
    let closed: Promise<void> | undefined;
    // One keep-alive connection: a slow request in flight, then, once closing began, a second one
    // pipelined behind it.
    const raw = await rawExchange(port, (socket) => {
      socket.write('GET /api/v1/test-slow HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
      void inFlight.then(async () => {
        closed = server.close();
        // preClose has run once the close is under way.
        await new Promise((resolve) => setTimeout(resolve, 50));
        socket.write('GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Request-Id: during-close-1\r\n\r\n');
        await new Promise((resolve) => setTimeout(resolve, 50));
        release();
      });
    });
    await closed;
    const [first, second] = parseResponses(raw);
    expect(first?.status).toBe(200);
    expect(second?.status, raw).toBe(503);
    expect(second?.contentType).toMatch(/^application\/problem\+json/);
    expect(second?.body).toMatchObject({ type: 'service-unavailable', status: 503, requestId: 'during-close-1' });
    expect(second?.requestIdHeader).toBe('during-close-1');
    expect(linesOf('during-close-1').find((l) => l.msg === 'request failed')).toMatchObject({
      operatorMessage: 'request arrived while the server was closing',
    });
  });
});
