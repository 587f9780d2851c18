// Starting for production (decision 083), with real server processes: three instances started at
// once on one fresh PostgreSQL database all become ready and the migrations run once (the
// advisory lock), and a production start without its explicit settings refuses in one line per
// setting.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { adminUrl, databaseUrl } from './database-urls.ts';
import { type ServerProcess, spawnServer } from './server-process.ts';
import { freePort } from './smtp.ts';

/** The committed migrations' journal. */
const JOURNAL = fileURLToPath(new URL('../../db/migrations/meta/_journal.json', import.meta.url));

const processes: ServerProcess[] = [];
const databases: string[] = [];
const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });

afterAll(async () => {
  for (const p of processes) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
  await Promise.all(processes.map((p) => p.exited));
  for (const name of databases) await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
});

const secret = () => randomBytes(48).toString('base64url');

describe('several instances starting at once on one fresh database', () => {
  it('all three become ready, and each migration is applied exactly once', async () => {
    const name = `dp_test_instances_${randomBytes(4).toString('hex')}`;
    await admin.unsafe(`create database ${name}`);
    databases.push(name);
    const env = { DATABASE_URL: databaseUrl(name), JWT_SECRET: secret(), ENCRYPTION_KEY: secret() };
    const ports = [await freePort(), await freePort(), await freePort()];
    const started = ports.map((port) => spawnServer(port, env));
    processes.push(...started);
    await Promise.all(started.map((p) => p.waitForStatus('/api/v1/health/ready', 200, 150_000)));

    const journal = JSON.parse(readFileSync(JOURNAL, 'utf8')) as { entries: { when: number }[] };
    const db = postgres(databaseUrl(name), { max: 1, onnotice: () => {} });
    try {
      const rows = await db<{ created_at: string }[]>`select created_at::text from drizzle.__drizzle_migrations order by created_at`;
      expect(rows.map((r) => Number(r.created_at))).toEqual(journal.entries.map((e) => e.when));
    } finally {
      await db.end();
    }
    for (const p of started) {
      expect(p.stderr()).not.toMatch(/already exists|duplicate key/);
      p.child.kill('SIGTERM');
    }
    expect(await Promise.all(started.map((p) => p.exited))).toEqual([0, 0, 0]);
  }, 240_000);
});

describe('production settings at start', () => {
  it('refuses to start, printing one line per missing or bad setting, and exits 1', async () => {
    const p = spawnServer(await freePort(), {
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl('dp_never_opened'),
      JWT_SECRET: 'x'.repeat(40),
      PUBLIC_URL: 'http://duidingspool.gemeente.example',
    });
    processes.push(p);
    expect(await p.exited).toBe(1);
    const lines = p.stderr().trim().split('\n');
    expect(lines.map((l) => l.split(' ')[0])).toEqual(['COOKIE_SECURE', 'PUBLIC_URL', 'JWT_SECRET', 'ENCRYPTION_KEY']);
  }, 60_000);
});
