// Starting while the database is down (decision 060), with the real server process and a
// PostgreSQL cluster of the test's own: the server listens at once, `/api/v1/health` answers 503
// problem+json with Retry-After while it retries with backoff, one log line per attempt, and it
// becomes ready once the database is up. A SIGTERM while it waits ends it at once with exit 0.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { START_RETRY_MAX_MS } from '../src/start.ts';
import { createOwnCluster, type OwnCluster } from './own-cluster.ts';
import { type ServerProcess, spawnServer } from './server-process.ts';
import { freePort } from './smtp.ts';

const ATTEMPT_LINE = /database not reachable \(attempt (\d+): [^)]*\); retrying in [\d.]+ s/;

let cluster: OwnCluster;
const processes: ServerProcess[] = [];

beforeAll(async () => {
  cluster = await createOwnCluster();
  await cluster.start();
  await cluster.createDatabase('dp');
  await cluster.stop();
}, 60_000);

afterAll(async () => {
  for (const p of processes) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
  await Promise.all(processes.map((p) => p.exited));
  await cluster?.destroy();
});

async function startAgainstCluster(): Promise<ServerProcess> {
  const p = spawnServer(await freePort(), { DATABASE_URL: cluster.url('dp'), JWT_SECRET: 'j'.repeat(40), ENCRYPTION_KEY: 'e'.repeat(40) });
  processes.push(p);
  return p;
}

describe('starting while the database is down', () => {
  it('listens at once, health answers 503 while it retries (one line per attempt), ready once the database is up', async () => {
    const p = await startAgainstCluster();
    const health = await p.waitForStatus('/api/v1/health', 503, 60_000);
    expect(health.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(Number(health.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await health.json()).toMatchObject({ type: 'service-unavailable', status: 503 });
    // Every other route waits for readiness too (the database is not migrated yet).
    const login = await p.fetch('/api/v1/sessions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'someone@example.nl', password: 'x' }),
    });
    expect(login.status).toBe(503);
    expect(login.headers.get('content-type')).toMatch(/^application\/problem\+json/);

    await p.waitForOutput(ATTEMPT_LINE, 3, 30_000);
    const attempts = `${p.stdout()}${p.stderr()}`.split('\n').filter((l) => ATTEMPT_LINE.test(l));
    // One line per attempt, numbered 1, 2, 3, … in order, with a growing delay.
    expect(attempts.map((l) => Number(ATTEMPT_LINE.exec(l)?.[1]))).toEqual(attempts.map((_, i) => i + 1));
    const delays = attempts.map((l) => Number(/retrying in ([\d.]+) s/.exec(l)?.[1]));
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1] as number);
    expect(p.child.exitCode).toBeNull();

    await cluster.start();
    // Within the longest backoff step plus the migrations.
    await p.waitForStatus('/api/v1/health', 200, START_RETRY_MAX_MS + 30_000);
    expect((await p.fetch('/api/v1/openapi.json')).status).toBe(200);
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
  }, 180_000);

  it('a SIGTERM while it waits for the database exits 0 at once', async () => {
    await cluster.stop();
    const p = await startAgainstCluster();
    await p.waitForOutput(ATTEMPT_LINE, 1, 60_000);
    const signalled = Date.now();
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(5_000);
  }, 90_000);
});
