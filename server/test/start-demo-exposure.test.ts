// Demo accounts (published password, no second factor outside production) are never reachable
// from the network by accident: startServer refuses a non-loopback HOST while they exist, unless
// ALLOW_DEMO_ON_NETWORK=true, and refuses them in production on any address (decision 045).
// A port already in use is refused the same way: one line for the operator, not a stack trace.

import { randomBytes } from 'node:crypto';
import { type AddressInfo, createServer } from 'node:net';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppConfig } from '../src/config.ts';
import { StartRefusedError } from '../src/lib/demo-exposure.ts';
import { startServer } from '../src/start.ts';
import { adminUrl, databaseUrl, TEMPLATE_DATABASE } from './database-urls.ts';
import { testConfig } from './harness.ts';

const seeded = `dp_test_start_${randomBytes(4).toString('hex')}`;
const empty = `dp_test_start_empty_${randomBytes(4).toString('hex')}`;
const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
const seededDb = postgres(databaseUrl(seeded), { max: 1, onnotice: () => {} });

beforeAll(async () => {
  await admin.unsafe(`create database ${seeded} template ${TEMPLATE_DATABASE}`);
  await admin.unsafe(`create database ${empty}`);
});
afterAll(async () => {
  await seededDb.end();
  await admin.unsafe(`drop database if exists ${seeded} with (force)`);
  await admin.unsafe(`drop database if exists ${empty} with (force)`);
  await admin.end();
});

const config = (host: string, extra: Partial<AppConfig> = {}): AppConfig => ({
  ...testConfig,
  databaseUrl: databaseUrl(seeded),
  host,
  port: 0,
  mailWorker: false,
  seedDemo: false,
  ...extra,
});

/** Starts, checks that the health endpoint answers through the loopback address, and stops. */
async function startsAndAnswers(c: AppConfig): Promise<void> {
  const server = await startServer(c);
  try {
    const { port } = server.app.server.address() as AddressInfo;
    const loopback = c.host.includes(':') ? '[::1]' : '127.0.0.1';
    const res = await fetch(`http://${loopback}:${port}/api/v1/health`);
    expect(res.status).toBe(200);
  } finally {
    await server.close();
  }
}

describe('demo accounts stay off the network (decision 045)', () => {
  it('the template holds active demo accounts', async () => {
    const [row] = await seededDb`select count(*)::int as n from users where is_demo and is_active`;
    expect(row?.n).toBeGreaterThan(0);
  });

  it('refuses to start with demo accounts on every interface (0.0.0.0 and ::)', async () => {
    await expect(startServer(config('0.0.0.0'))).rejects.toThrow(StartRefusedError);
    await expect(startServer(config('0.0.0.0'))).rejects.toThrow(/HOST=0\.0\.0\.0.*demo account.*ALLOW_DEMO_ON_NETWORK=true/);
    await expect(startServer(config('::'))).rejects.toThrow(StartRefusedError);
  });

  it('starts with demo accounts on every interface when ALLOW_DEMO_ON_NETWORK=true', async () => {
    await startsAndAnswers(config('0.0.0.0', { allowDemoOnNetwork: true }));
  });

  it('starts with demo accounts on the IPv4 loopback 127.0.0.1', async () => {
    await startsAndAnswers(config('127.0.0.1'));
  });

  it('starts with demo accounts on the IPv6 loopback ::1', async () => {
    await startsAndAnswers(config('::1'));
  });

  it('refuses demo accounts in production on any address, loopback included', async () => {
    const production = { nodeEnv: 'production' as const };
    await expect(startServer(config('127.0.0.1', production))).rejects.toThrow(/never run in production/);
    await expect(startServer(config('0.0.0.0', production))).rejects.toThrow(StartRefusedError);
  });

  it('refuses before seeding an empty database with the demo data on every interface, and seeds nothing', async () => {
    await expect(startServer(config('0.0.0.0', { databaseUrl: databaseUrl(empty), seedDemo: true }))).rejects.toThrow(/about to be seeded/);
    const db = postgres(databaseUrl(empty), { max: 1, onnotice: () => {} });
    try {
      const [row] = await db`select count(*)::int as n from users`;
      expect(row?.n).toBe(0);
    } finally {
      await db.end();
    }
  });

  it('starts on every interface once the demo accounts are deactivated', async () => {
    await seededDb`update users set is_active = false where is_demo`;
    await startsAndAnswers(config('0.0.0.0'));
    await startsAndAnswers(config('0.0.0.0', { nodeEnv: 'production' }));
  });
});

describe('a port already in use', () => {
  it('refuses the start in one line that names the address and the way out', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      const refused = startServer(config('127.0.0.1', { port }));
      await expect(refused).rejects.toThrow(StartRefusedError);
      await expect(refused).rejects.toThrow(
        `The server cannot listen on 127.0.0.1:${port} (EADDRINUSE); stop what uses it or set PORT (or HOST) to a free one.`,
      );
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });
});
