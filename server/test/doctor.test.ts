// `pnpm admin doctor` (decision 083) against real PostgreSQL databases and a real SMTP server: a
// configuration that passes every check, one that fails several (unmigrated database, no
// structure, no admin, SMTP down) through the command itself, and a clock that is off.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CLOCK_SKEW_MS, runDoctor } from '../src/cli/doctor.ts';
import { adminUrl, databaseUrl, TEMPLATE_DATABASE } from './database-urls.ts';
import { freePort, startSmtpServer, type TestSmtpServer } from './smtp.ts';

const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));
const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
const migrated = `dp_test_doctor_ok_${randomBytes(4).toString('hex')}`;
const empty = `dp_test_doctor_empty_${randomBytes(4).toString('hex')}`;
let smtp: TestSmtpServer;
const secret = () => randomBytes(48).toString('base64url');
const base = { NODE_ENV: 'test', JWT_SECRET: secret(), ENCRYPTION_KEY: secret(), DATA_DIR: '/nonexistent' };

beforeAll(async () => {
  smtp = await startSmtpServer();
  // Migrated with the structure and the demo people (the test template), and one admin who has
  // set up a second factor.
  await admin.unsafe(`create database ${migrated} template ${TEMPLATE_DATABASE}`);
  await admin.unsafe(`create database ${empty}`);
  const db = postgres(databaseUrl(migrated), { max: 1, onnotice: () => {} });
  try {
    await db`update users set totp_enabled_at = now(), totp_secret_encrypted = 'x'
      where id = (select u.id from users u join user_roles r on r.user_id = u.id and r.role = 'admin' where u.is_active order by u.email limit 1)`;
  } finally {
    await db.end();
  }
}, 60_000);

afterAll(async () => {
  await smtp?.close();
  for (const name of [migrated, empty]) await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
});

/** Runs `pnpm admin doctor` from the sources with `env` only; resolves with its exit code and output. */
function doctorCommand(env: Record<string, string>): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/admin.ts', 'doctor'], {
      cwd: SERVER_DIR,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.on('exit', (code) => resolve({ code, stdout }));
  });
}

describe('pnpm admin doctor', () => {
  it('passes every check on a migrated database with structure, an admin with a second factor and SMTP that answers', async () => {
    const checks = await runDoctor({ ...base, DATABASE_URL: databaseUrl(migrated), SMTP_URL: `smtp://127.0.0.1:${smtp.port}` });
    expect(checks.map((c) => [c.name, c.ok])).toEqual([
      ['configuration', true],
      ['smtp', true],
      ['database', true],
      ['migrations', true],
      ['clock', true],
      ['structure', true],
      ['admins', true],
    ]);
    // Nothing was sent: SMTP was only greeted.
    expect(smtp.received).toHaveLength(0);
  }, 60_000);

  it('fails with what to fix, one line per check, and exit code 1', async () => {
    const { code, stdout } = await doctorCommand({ ...base, DATABASE_URL: databaseUrl(empty), SMTP_URL: `smtp://127.0.0.1:${await freePort()}` });
    expect(code).toBe(1);
    const lines = stdout.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(/^ok {4}configuration: /),
      expect.stringMatching(/^FOUT {2}smtp: 127\.0\.0\.1:\d+ cannot be reached or refuses \(.*ECONNREFUSED.*\); check SMTP_URL/),
      expect.stringMatching(/^ok {4}database: PostgreSQL at .* answers$/),
      expect.stringMatching(/^FOUT {2}migrations: (\d+) of \1 migrations not applied; start the server \(it migrates\) or run pnpm db:migrate$/),
      expect.stringMatching(/^ok {4}clock: /),
      expect.stringMatching(/^FOUT {2}structure: .*apply the migrations first$/),
      expect.stringMatching(/^FOUT {2}admins: .*apply the migrations first$/),
    ]);
  }, 90_000);

  it('names a database that does not answer, a production configuration without its settings, and a clock that is off', async () => {
    const down = await runDoctor({ ...base, DATABASE_URL: `postgres://postgres@127.0.0.1:${await freePort()}/dp` });
    expect(down.find((c) => c.name === 'database')).toMatchObject({ ok: false, message: expect.stringMatching(/does not answer \(.*ECONNREFUSED/) });
    expect(down.filter((c) => !c.ok).map((c) => c.name)).toEqual(['database', 'migrations', 'clock', 'structure', 'admins']);

    const production = await runDoctor({ NODE_ENV: 'production', DATABASE_URL: databaseUrl(migrated) });
    expect(production.every((c) => c.name === 'configuration' && !c.ok)).toBe(true);
    expect(production.map((c) => c.message.split(' ')[0])).toEqual(['COOKIE_SECURE', 'PUBLIC_URL', 'JWT_SECRET', 'ENCRYPTION_KEY']);

    // This machine's clock a minute ahead of the database's.
    const skewed = await runDoctor({ ...base, DATABASE_URL: databaseUrl(migrated) }, { now: () => new Date(Date.now() + 60_000) });
    const clock = skewed.find((c) => c.name === 'clock');
    expect(clock?.ok).toBe(false);
    expect(clock?.message).toMatch(new RegExp(`ahead of the database's \\(at most ${MAX_CLOCK_SKEW_MS / 1000} s\\)`));
  }, 90_000);
});
