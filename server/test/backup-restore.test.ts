// Backup and restore (decision 086, docs/operations.md "Backup and restore"): a database with a
// year of work (server/test/year-of-work.ts) is backed up, restored into a fresh one, and every
// table's row count and content and every budget figure of the API are the same. PostgreSQL with
// the documented pg_dump -Fc / pg_restore recipe; the embedded database with `pnpm admin backup`
// and `pnpm admin restore` as processes, including their refusals.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type Database, DEMO_DOMAIN, DEMO_PASSWORD, openDatabase, rowsOf } from '@duidingspool/db';
import { BREAKDOWN_DIMENSIONS } from '@duidingspool/shared';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { seedDemoDatabase } from '../src/demo-seed.ts';
import { adminUrl, databaseUrl } from './database-urls.ts';
import { testConfig, useTestApp } from './harness.ts';
import { binDir } from './own-cluster.ts';
import { fillYear } from './year-of-work.ts';

const run = promisify(execFile);
const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));
const YEAR = new Date().getUTCFullYear() - 1;
const temp = mkdtempSync(join(tmpdir(), 'dp-backup-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Every table (schemas public and drizzle) with its row count and a digest of its rows. */
async function tables(db: Database): Promise<Record<string, { rows: number; digest: string }>> {
  const names = rowsOf<{ name: string }>(
    await db.execute(
      sql.raw(
        "select table_schema || '.' || table_name as name from information_schema.tables where table_schema in ('public', 'drizzle') and table_type = 'BASE TABLE' order by 1",
      ),
    ),
  ).map((r) => r.name);
  const out: Record<string, { rows: number; digest: string }> = {};
  for (const name of names) {
    const [row] = rowsOf<{ rows: number; digest: string | null }>(
      await db.execute(sql.raw(`select count(*)::int as rows, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from ${name} t`)),
    );
    out[name] = { rows: row?.rows ?? -1, digest: row?.digest ?? '' };
  }
  return out;
}

/** Every budget figure the API shows (list, each year, breakdowns, burn-up), as the coordinator. */
async function budgetFigures(app: FastifyInstance): Promise<unknown> {
  const login = await app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { email: `coordinator@${DEMO_DOMAIN}`, password: DEMO_PASSWORD } });
  const cookie = `dp_session=${login.cookies.find((c) => c.name === 'dp_session')?.value}`;
  const get = async (url: string) => {
    const res = await app.inject({ method: 'GET', url, headers: { cookie } });
    expect(res.statusCode, `${url} ${res.body}`).toBe(200);
    return res.json();
  };
  const list = (await get('/api/v1/budgets')) as { items: { year: number }[] };
  const years: Record<number, unknown> = {};
  for (const { year } of list.items) {
    years[year] = {
      figures: await get(`/api/v1/budgets/${year}`),
      breakdowns: await Promise.all(BREAKDOWN_DIMENSIONS.map((d) => get(`/api/v1/budgets/${year}/breakdowns?dimension=${d}`))),
      burnUp: await get(`/api/v1/budgets/${year}/burn-up`),
    };
  }
  return { list, years };
}

const busy = (t: Record<string, { rows: number }>) => Object.fromEntries(Object.entries(t).filter(([, v]) => v.rows > 0));

describe('PostgreSQL: pg_dump -Fc and pg_restore (the documented recipe)', () => {
  let clock = new Date();
  const t = useTestApp({ now: () => clock });
  const restored = `dp_test_restored_${randomBytes(4).toString('hex')}`;
  const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
  afterAll(async () => {
    await admin.unsafe(`drop database if exists ${restored} with (force)`);
    await admin.end();
  });

  it('restores a year of work into a fresh database with the same rows and budget figures', async () => {
    const made = await fillYear(
      t.app,
      (d) => {
        clock = d;
      },
      YEAR,
    );
    expect(made.requests).toBe(36);
    // Figures first: the coordinator's login writes a session and audit rows.
    const figures = await budgetFigures(t.app);
    expect(figures).toMatchObject({ years: { [YEAR]: { figures: { spentCents: expect.any(Number), pendingCents: expect.any(Number) } } } });
    const year = (figures as { years: Record<number, { figures: { spentCents: number; pendingCents: number } }> }).years[YEAR]?.figures;
    expect(year?.spentCents).toBeGreaterThan(0);
    expect(year?.pendingCents).toBeGreaterThan(0);
    const before = await tables(t.handle.db);
    expect(before['public.time_entries']?.rows).toBeGreaterThanOrEqual(72);

    const dump = join(temp, 'duidingspool.dump');
    const bin = binDir();
    await run(join(bin, 'pg_dump'), ['-Fc', '-f', dump, databaseUrl(t.databaseName)]);
    await admin.unsafe(`create database ${restored}`);
    await run(join(bin, 'pg_restore'), ['--no-owner', '--exit-on-error', '-d', databaseUrl(restored), dump]);

    const handle = await openDatabase({ url: databaseUrl(restored), maxConnections: 2 });
    const app = await buildApp({ config: testConfig, db: handle.db, now: () => clock });
    try {
      expect(await tables(handle.db)).toEqual(before);
      expect(await budgetFigures(app)).toEqual(figures);
    } finally {
      await app.close();
      await handle.close();
    }
  }, 240_000);
});

/** `pnpm admin <args>` as the operator runs it (the sources through tsx), on DATA_DIR `dataDir`. */
async function adminCli(dataDir: string, args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/admin.ts', ...args], {
      cwd: SERVER_DIR,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NODE_ENV: 'test', DATA_DIR: dataDir },
      timeout: 120_000,
    });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

describe('embedded database: pnpm admin backup and restore', () => {
  it('backs up a year of work and restores it into a fresh data folder with the same rows and budget figures; refuses to overwrite', async () => {
    let clock = new Date();
    const source = join(temp, 'source');
    const open = (dir: string) => openDatabase({ dataDir: join(dir, 'pglite'), lockDir: dir });
    const handle = await open(source);
    await handle.migrate();
    await handle.db.transaction((tx) => seedDemoDatabase(tx));
    let app = await buildApp({ config: testConfig, db: handle.db, now: () => clock });
    let before: Awaited<ReturnType<typeof tables>>;
    let figures: unknown;
    try {
      await fillYear(
        app,
        (d) => {
          clock = d;
        },
        YEAR,
        2,
      );
      figures = await budgetFigures(app);
      before = await tables(handle.db);

      // While the database is open (a running server), backup refuses: it needs the folder's lock.
      const locked = await adminCli(source, ['backup', join(temp, 'never.tgz')]);
      expect(locked.code).toBe(1);
      expect(locked.out).toMatch(/in use by another server process/);
      expect(existsSync(join(temp, 'never.tgz'))).toBe(false);
    } finally {
      await app.close();
      await handle.close();
    }
    expect(busy(before)['public.time_entries']?.rows).toBe(48);

    const file = join(temp, 'embedded.tgz');
    const backup = await adminCli(source, ['backup', file]);
    expect(backup.code, backup.out).toBe(0);
    // Over an existing file only with --force: an earlier backup is not lost by a typo.
    const again = await adminCli(source, ['backup', file]);
    expect(again.code).toBe(1);
    expect(again.out).toMatch(/already exists.*--force/);
    const replaced = await adminCli(source, ['backup', '--force', file]);
    expect(replaced.code, replaced.out).toBe(0);
    // Into a folder that does not exist: one line naming the path, exit 1.
    const nowhere = await adminCli(source, ['backup', join(temp, 'missing', 'x.tgz')]);
    expect(nowhere.code).toBe(1);
    expect(nowhere.out).toMatch(/missing.*ENOENT/);

    // Into the folder it came from (not empty): refused, nothing changed.
    const refused = await adminCli(source, ['restore', file]);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/already holds a database.*--force/);
    // A file that is not a backup: refused, the target stays empty.
    const fresh = join(temp, 'fresh');
    writeFileSync(join(temp, 'garbage.tgz'), randomBytes(4096));
    const garbage = await adminCli(fresh, ['restore', join(temp, 'garbage.tgz')]);
    expect(garbage.code).toBe(1);
    expect(garbage.out).toMatch(/not a readable backup/);
    expect(existsSync(join(fresh, 'pglite'))).toBe(false);

    const restore = await adminCli(fresh, ['restore', file]);
    expect(restore.code, restore.out).toBe(0);
    // --force replaces it and keeps the replaced folder beside it.
    const forced = await adminCli(fresh, ['restore', '--force', file]);
    expect(forced.code, forced.out).toBe(0);
    expect(readdirSync(fresh).filter((n) => n.startsWith('pglite.before-restore-'))).toHaveLength(1);

    const copy = await open(fresh);
    app = await buildApp({ config: testConfig, db: copy.db, now: () => clock });
    try {
      expect(await tables(copy.db)).toEqual(before);
      expect(await budgetFigures(app)).toEqual(figures);
    } finally {
      await app.close();
      await copy.close();
    }
  }, 300_000);
});
