// Shutdown on SIGTERM (decision 062), with the real server process on a database of its own: no new
// connection is accepted from the signal on, a request already running finishes with its own
// answer, a request that arrives on an open connection meanwhile gets 503 problem+json, and the
// process exits 0; a request that does not finish is cut after the grace period, and the process
// still exits in bounded time.
import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IN_FLIGHT_GRACE_MS, WORKER_STOP_GRACE_MS } from '../src/start.ts';
import { adminUrl, databaseUrl, TEMPLATE_DATABASE } from './database-urls.ts';
import { createRequest } from './fixtures.ts';
import type { Caller } from './harness.ts';
import { type ServerProcess, spawnServer } from './server-process.ts';
import { freePort, startSmtpServer } from './smtp.ts';

const name = `dp_test_shutdown_${randomBytes(4).toString('hex')}`;
const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
const processes: ServerProcess[] = [];

beforeAll(async () => {
  await admin.unsafe(`create database ${name} template ${TEMPLATE_DATABASE}`);
});
afterAll(async () => {
  for (const p of processes) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
  await Promise.all(processes.map((p) => p.exited));
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
});

async function startServer(env: Record<string, string> = {}): Promise<ServerProcess> {
  const p = spawnServer(await freePort(), { DATABASE_URL: databaseUrl(name), JWT_SECRET: 'j'.repeat(40), ENCRYPTION_KEY: 'e'.repeat(40), ...env });
  processes.push(p);
  await p.waitForStatus('/api/v1/health', 200, 60_000);
  return p;
}

const LOGIN_BODY = JSON.stringify({ email: 'coordinator@duidingspool.example', password: 'demo-duidingspool-2019' });
const LOGIN = `POST /api/v1/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(LOGIN_BODY)}\r\n\r\n${LOGIN_BODY}`;
const HEALTH = 'GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n';

/** Everything the server sends on `socket` until it closes it. */
function readUntilClosed(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    socket.on('data', (d) => {
      text += d;
    });
    socket.on('close', () => resolve(text));
    socket.on('error', () => {});
  });
}

/** Whether a new TCP connection to `port` is refused. */
function connectionRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(false);
    });
    s.once('error', (e: NodeJS.ErrnoException) => resolve(e.code === 'ECONNREFUSED'));
  });
}

/** Holds an exclusive lock on `users` (every login and session check waits) until `release`. */
async function lockUsers(): Promise<{ release: () => Promise<void> }> {
  const sql = postgres(databaseUrl(name), { max: 1, onnotice: () => {} });
  let release!: () => void;
  const held = new Promise<void>((r) => {
    release = r;
  });
  let locked!: () => void;
  const isLocked = new Promise<void>((r) => {
    locked = r;
  });
  const tx = sql.begin(async (t) => {
    await t`lock table users in access exclusive mode`;
    locked();
    await held;
  });
  await isLocked;
  return {
    release: async () => {
      release();
      await tx;
      await sql.end();
    },
  };
}

/** A caller on the server process over HTTP, logged in as `local@duidingspool.example`. */
async function loginOver(p: ServerProcess, local: string): Promise<Caller> {
  const login = await p.fetch('/api/v1/sessions', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `${local}@duidingspool.example`, password: 'demo-duidingspool-2019' }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const call = (async (method, url, payload) => {
    const res = await p.fetch(url, {
      method: String(method),
      headers: { cookie, ...(payload !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(payload !== undefined ? { body: JSON.stringify(payload) } : {}),
    });
    const text = await res.text();
    return { status: res.status, headers: Object.fromEntries(res.headers), body: text ? JSON.parse(text) : undefined };
  }) as Caller;
  call.cookie = cookie;
  return call;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('shutdown on SIGTERM', () => {
  it('refuses new connections at once, lets the running request finish, answers 503 problem+json on an open connection, exits 0', async () => {
    const p = await startServer();
    const lock = await lockUsers();
    const socket = connect(p.port, '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    const received = readUntilClosed(socket);
    // A login that waits for the lock.
    socket.write(LOGIN);
    await sleep(500);

    const signalled = Date.now();
    p.child.kill('SIGTERM');
    await sleep(300);
    expect(await connectionRefused(p.port)).toBe(true);
    // A second request on the connection that is still open for the first.
    socket.write(HEALTH);
    await sleep(300);
    await lock.release();

    const text = await received;
    const answers = text.split(/(?=HTTP\/1\.1 )/);
    // The running request finished with its own answer.
    expect(answers[0]).toMatch(/^HTTP\/1\.1 200 /);
    // The one that came in during the close: 503 problem+json, and the connection closes.
    expect(answers).toHaveLength(2);
    expect(answers[1]).toMatch(/^HTTP\/1\.1 503 /);
    expect(answers[1]).toMatch(/content-type: application\/problem\+json/i);
    expect(answers[1]).toMatch(/retry-after: \d+/i);
    expect(answers[1]).toMatch(/connection: close/i);
    expect(answers[1]).toContain('"type":"service-unavailable"');
    expect(await p.exited).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(IN_FLIGHT_GRACE_MS);
  }, 120_000);

  it('a request that does not finish within the grace period is cut, and the process still exits 0 in bounded time', async () => {
    const p = await startServer();
    const lock = await lockUsers();
    try {
      const socket = connect(p.port, '127.0.0.1');
      await new Promise((r) => socket.once('connect', r));
      const received = readUntilClosed(socket);
      socket.write(LOGIN);
      await sleep(300);
      const signalled = Date.now();
      p.child.kill('SIGTERM');
      expect(await p.exited).toBe(0);
      const took = Date.now() - signalled;
      expect(took).toBeGreaterThanOrEqual(IN_FLIGHT_GRACE_MS - 500);
      // Grace, then the database's own close (its connection is still waiting for the lock: 5 s).
      expect(took).toBeLessThan(IN_FLIGHT_GRACE_MS + 8_000);
      expect(await received).toBe('');
    } finally {
      await lock.release();
    }
  }, 120_000);

  it('a mail send that hangs on a slow SMTP server holds the exit up for at most the grace period of the worker', async () => {
    const smtp = await startSmtpServer();
    smtp.hold();
    try {
      const p = await startServer({ MAIL_WORKER: 'true', SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, SMTP_REQUIRE_TLS: 'false' });
      // A new request notifies the coordinators; the worker takes it up within its interval.
      await createRequest(await loginOver(p, 'requester.arnhem'));
      await expect.poll(() => smtp.dataStarted, { timeout: 30_000, interval: 100 }).toBeGreaterThan(0);
      const signalled = Date.now();
      p.child.kill('SIGTERM');
      expect(await p.exited).toBe(0);
      expect(Date.now() - signalled).toBeLessThan(WORKER_STOP_GRACE_MS + 5_000);
    } finally {
      smtp.release();
      await smtp.close();
    }
  }, 120_000);
});
