// `pnpm bench` (`--quick` for a small run): the product and a bare Fastify + postgres.js server
// (`server/bench/bare-server.ts`: same SQL, same cookie check) as separate processes on one data
// set, measured with autocannon alternately in 3 rounds; reports medians, spread (min–max over the
// rounds), the load average, and each goal of decision 071 with its ratio and ✓/✗:
// - flat: the product's p99 at the large data set within 1.5× of the same call at the small one;
// - near the bare server: the product's throughput ≥ 0.8× the bare server's on the same SQL;
// and the write path (issue 16, item 2) on the large data set: logging hours (a minute at a time,
// over the year's days and 20 assignments of one specialist) and approving submitted entries (each
// once), the bare server running the product's statements in the same transaction, prepared.
// Full: small 1,000 requests / 10,000 entries, large 100,000 / 1,000,000, 5 s per call per round.
// Quick: small 200 / 2,000, large 5,000 / 50,000, 1 s per call; the ratios are loose at that size.
// Then the embedded default (`embedded-memory.ts`, needs `pnpm build`): its first start and its RSS
// under load against the goals of issue 16 (≤ 5 s, ≤ 300 MiB); `--no-embedded` leaves it out (for
// measuring the server side by side without a build). `--only <text>` measures only the calls whose
// label contains `<text>` (e.g. `--only audit`); the goals are then judged on those calls alone.
//
// BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) names the server; the
// bench creates and drops databases of its own there.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_DOMAIN, DEMO_PASSWORD, openDatabase } from '@duidingspool/db';
import { amsterdamDate } from '@duidingspool/shared';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { seedDemoDatabase } from '../src/demo-seed.ts';
import { embeddedReport, measureEmbedded } from './embedded-memory.ts';
import { type ListDataSize, loadListData, prepareWriteLoad } from './list-data.ts';

const quick = process.argv.includes('--quick');
const withEmbedded = !process.argv.includes('--no-embedded');
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : undefined;
if (onlyAt >= 0 && !only) throw new Error('--only needs a text to look for in the calls’ labels');
/** Whether a call labelled `label` is measured in this run (`--only`). */
const chosen = (label: string) => only === undefined || label.includes(only);
const BASE = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SMALL: ListDataSize = quick ? { requests: 200, entries: 2_000 } : { requests: 1_000, entries: 10_000 };
const LARGE: ListDataSize = quick ? { requests: 5_000, entries: 50_000 } : { requests: 100_000, entries: 1_000_000 };
const SECONDS = quick ? 1 : Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = 3;
const CONNECTIONS = 10;
const FLAT = 1.5;
const NEAR_BARE = 0.8;
const HERE = dirname(fileURLToPath(import.meta.url));
const secret = randomBytes(48).toString('base64url');
const encryptionKey = randomBytes(48).toString('base64url');
const url = (db: string) => Object.assign(new URL(BASE), { pathname: `/${db}` }).toString();
const year = Number(amsterdamDate().slice(0, 4));
const admin = postgres(BASE, { max: 1, onnotice: () => {} });
const created: string[] = [];
const children: ChildProcess[] = [];

/** A migrated, seeded database with `size` loaded; returns its URL and the load time in seconds. */
async function dataSet(size: ListDataSize): Promise<{ dbUrl: string; seconds: number }> {
  const name = `dp_bench_${randomBytes(4).toString('hex')}`;
  await admin.unsafe(`create database ${name}`);
  created.push(name);
  const started = Date.now();
  const handle = await openDatabase({ url: url(name), maxConnections: 2, statementTimeoutMs: 0 });
  const sql = postgres(url(name), { max: 1, onnotice: () => {} });
  try {
    await handle.migrate();
    await handle.db.transaction((tx) => seedDemoDatabase(tx));
    await loadListData(sql, size, year, amsterdamDate());
  } finally {
    await sql.end();
    await handle.close();
  }
  return { dbUrl: url(name), seconds: (Date.now() - started) / 1000 };
}

/** Starts `script` as its own Node process on `dbUrl`; resolves with its base URL once it listens. */
function start(script: string, dbUrl: string): Promise<{ base: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(HERE, script)], {
    env: { ...process.env, BENCH_DB_URL: dbUrl, BENCH_JWT_SECRET: secret, BENCH_ENCRYPTION_KEY: encryptionKey, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /port (\d+)/.exec(out);
      if (m) resolve({ base: `http://127.0.0.1:${m[1]}`, child });
    });
    child.on('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** The session cookie of demo user `local`, logged in through the product. */
async function login(base: string, local: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `${local}@${DEMO_DOMAIN}`, password: DEMO_PASSWORD }),
  });
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('dp_session='))
    ?.split(';')[0];
  if (!cookie) throw new Error(`login of ${local} failed: ${res.status}`);
  return cookie;
}

interface Call {
  label: string;
  path: string;
  user: string;
}
interface Sample {
  p99: number;
  rps: number;
  errors: number;
}

/** A write: every request takes its path and body from `next`, so none repeats an earlier one. */
interface WriteCall {
  label: string;
  method: 'POST' | 'PATCH';
  user: string;
  next: () => { path: string; body: unknown };
}

async function measureWrite(base: string, call: WriteCall, cookie: string): Promise<Sample> {
  const headers = { cookie, 'content-type': 'application/json' };
  const first = call.next();
  const check = await fetch(`${base}${first.path}`, { method: call.method, headers, body: JSON.stringify(first.body) });
  if (!check.ok) throw new Error(`${call.method} ${base}${first.path} answered ${check.status}: ${await check.text()}`);
  const requests: autocannon.Request[] = [
    {
      method: call.method,
      setupRequest: (req) => {
        const { path, body } = call.next();
        return { ...req, path, body: JSON.stringify(body) };
      },
    },
  ];
  await autocannon({ url: base, connections: CONNECTIONS, duration: 1, headers, requests });
  const r = await autocannon({ url: base, connections: CONNECTIONS, duration: SECONDS, headers, requests });
  return { p99: r.latency.p99, rps: r.requests.average, errors: r.errors + r.non2xx };
}

async function measure(base: string, call: Call, cookie: string): Promise<Sample> {
  const check = await fetch(`${base}${call.path}`, { headers: { cookie } });
  if (check.status !== 200) throw new Error(`${base}${call.path} answered ${check.status}: ${await check.text()}`);
  await autocannon({ url: `${base}${call.path}`, connections: CONNECTIONS, duration: 1, headers: { cookie } });
  const r = await autocannon({ url: `${base}${call.path}`, connections: CONNECTIONS, duration: SECONDS, headers: { cookie } });
  return { p99: r.latency.p99, rps: r.requests.average, errors: r.errors + r.non2xx };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};
const spread = (xs: number[]) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;

/** A cursor about 10,000 rows (or half the list) deep in the coordinator's request list, from the product. */
async function deepCursor(base: string, cookie: string, rows: number): Promise<string> {
  let after = '';
  for (let seen = 0; seen < rows; seen += 100) {
    const res = await fetch(`${base}/api/v1/interpretation-requests?pageSize=100${after ? `&after=${after}` : ''}`, { headers: { cookie } });
    const body = (await res.json()) as { nextCursor?: string };
    if (!body.nextCursor) break;
    after = body.nextCursor;
  }
  return after;
}

/**
 * The two writes of issue 16, item 2, on the data set at `dbUrl`: `specialist1` logs a minute on one
 * of 20 assignments prepared for it (`prepareWriteLoad`), cycling through the assignments and then
 * the year's days so no day reaches its 24-hour limit; the coordinator approves submitted entries
 * of the year, each once (the product and the bare server draw from one list, in turn).
 */
async function writeCallsFor(dbUrl: string): Promise<WriteCall[]> {
  const sql = postgres(dbUrl, { max: 1, onnotice: () => {} });
  try {
    const { assignmentIds, days } = await prepareWriteLoad(sql, year, amsterdamDate(), 'specialist1', 20);
    const submitted = (
      await sql<{ id: string }[]>`select id from time_entries where status = 'submitted' and corrects_entry_id is null and budget_year = ${year} order by id`
    ).map((r) => r.id);
    let logged = 0;
    let approved = 0;
    return [
      {
        label: 'POST /assignments/{id}/time-entries (log hours)',
        method: 'POST',
        user: 'specialist1',
        next: () => {
          const n = logged++;
          const day = days[Math.floor(n / assignmentIds.length) % days.length];
          return {
            path: `/api/v1/assignments/${assignmentIds[n % assignmentIds.length]}/time-entries`,
            body: { workedOn: day, minutes: 1, activity: 'case-file-study', description: 'Bench' },
          };
        },
      },
      {
        label: 'PATCH /time-entries/{id} (approve)',
        method: 'PATCH',
        user: 'coordinator',
        next: () => ({ path: `/api/v1/time-entries/${submitted[approved++ % submitted.length]}`, body: { status: 'approved' } }),
      },
    ];
  } finally {
    await sql.end();
  }
}

try {
  const small = await dataSet(SMALL);
  const large = await dataSet(LARGE);
  const loads: string[] = [];
  const load = (when: string) =>
    loads.push(
      `${when}: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' / ')}`,
    );

  const allCallsFor = (cursor: string): Call[] => [
    { label: 'GET /interpretation-requests (coordinator, page 1)', path: '/api/v1/interpretation-requests?pageSize=20', user: 'coordinator' },
    { label: 'GET /interpretation-requests (deep page by cursor)', path: `/api/v1/interpretation-requests?pageSize=20&after=${cursor}`, user: 'coordinator' },
    { label: 'GET /time-entries?status=submitted (approvals queue)', path: '/api/v1/time-entries?status=submitted&pageSize=20', user: 'coordinator' },
    { label: 'GET /budgets/{year}/ledger-entries (drill-down)', path: `/api/v1/budgets/${year}/ledger-entries?pageSize=50`, user: 'finance' },
    { label: 'GET /audit-events (audit log)', path: '/api/v1/audit-events?pageSize=20', user: 'admin' },
  ];
  const callsFor = (cursor: string): Call[] => allCallsFor(cursor).filter((call) => chosen(call.label));

  // The small data set: the product alone, for the flatness goal.
  const smallProduct = await start('product-server.ts', small.dbUrl);
  const smallCookies = Object.fromEntries(await Promise.all(['coordinator', 'finance', 'admin'].map(async (u) => [u, await login(smallProduct.base, u)])));
  const smallCalls = callsFor(await deepCursor(smallProduct.base, smallCookies.coordinator as string, Math.min(10_000, SMALL.requests / 2)));
  const atSmall: Sample[][] = smallCalls.map(() => []);
  load('small, start');
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, call] of smallCalls.entries()) atSmall[i]?.push(await measure(smallProduct.base, call, smallCookies[call.user] as string));
  }
  await stop(smallProduct.child);

  // The large data set: the product and the bare server side by side, alternating per call and round.
  const product = await start('product-server.ts', large.dbUrl);
  const bare = await start('bare-server.ts', large.dbUrl);
  const cookies = Object.fromEntries(await Promise.all(['coordinator', 'finance', 'admin'].map(async (u) => [u, await login(product.base, u)])));
  const calls = callsFor(await deepCursor(product.base, cookies.coordinator as string, Math.min(10_000, LARGE.requests / 2)));
  const atLarge: Sample[][] = calls.map(() => []);
  const atBare: Sample[][] = calls.map(() => []);
  load('large, start');
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, call] of calls.entries()) {
      const cookie = cookies[call.user] as string;
      // Alternate which server goes first, so neither always measures on a warmer machine.
      if (round % 2 === 0) {
        atLarge[i]?.push(await measure(product.base, call, cookie));
        atBare[i]?.push(await measure(bare.base, call, cookie));
      } else {
        atBare[i]?.push(await measure(bare.base, call, cookie));
        atLarge[i]?.push(await measure(product.base, call, cookie));
      }
    }
    load(`large, after round ${round + 1}`);
  }

  // The write path on the large data set, alternating the same way.
  const writeCalls = (await writeCallsFor(large.dbUrl)).filter((call) => chosen(call.label));
  const writeCookies = Object.fromEntries(await Promise.all(['specialist1', 'coordinator'].map(async (u) => [u, await login(product.base, u)])));
  const writeProduct: Sample[][] = writeCalls.map(() => []);
  const writeBare: Sample[][] = writeCalls.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, call] of writeCalls.entries()) {
      const cookie = writeCookies[call.user] as string;
      if (round % 2 === 0) {
        writeProduct[i]?.push(await measureWrite(product.base, call, cookie));
        writeBare[i]?.push(await measureWrite(bare.base, call, cookie));
      } else {
        writeBare[i]?.push(await measureWrite(bare.base, call, cookie));
        writeProduct[i]?.push(await measureWrite(product.base, call, cookie));
      }
    }
    load(`writes, after round ${round + 1}`);
  }
  await stop(product.child);
  await stop(bare.child);

  const fmt = (n: number) => n.toLocaleString('en', { maximumFractionDigits: 0 });
  const lines = [
    `Run ${new Date().toISOString()}${quick ? ' (--quick)' : ''} · Node ${process.version} · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} · ${Math.round(totalmem() / 2 ** 30)} GiB RAM · PostgreSQL ${(await admin`show server_version`)[0]?.server_version}`,
    `Small: ${fmt(SMALL.requests)} requests / ${fmt(SMALL.entries)} entries (loaded in ${small.seconds.toFixed(0)} s); large: ${fmt(LARGE.requests)} / ${fmt(LARGE.entries)} (${large.seconds.toFixed(0)} s). autocannon, ${CONNECTIONS} connections, ${SECONDS} s per call after 1 s warm-up, ${ROUNDS} rounds; medians, spread min–max over the rounds.`,
    `Load average (1/5/15 min): ${loads.join('; ')}.`,
    '',
    `| call | p99 small (ms) | p99 large (ms) | flat: p99 large / small ≤ ${FLAT} | req/s product | req/s bare | near bare: product / bare ≥ ${NEAR_BARE} | errors |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  let allMet = true;
  for (const [i, call] of calls.entries()) {
    const s = atSmall[i] ?? [];
    const l = atLarge[i] ?? [];
    const b = atBare[i] ?? [];
    const p99Small = median(s.map((x) => x.p99));
    const p99Large = median(l.map((x) => x.p99));
    const flat = p99Large / Math.max(p99Small, 1);
    const rpsL = median(l.map((x) => x.rps));
    const rpsB = median(b.map((x) => x.rps));
    const near = rpsL / Math.max(rpsB, 1);
    const errors = [...s, ...l, ...b].reduce((n, x) => n + x.errors, 0);
    const ok = (met: boolean) => {
      allMet &&= met;
      return met ? '✓' : '✗';
    };
    lines.push(
      `| ${call.label} | ${fmt(p99Small)} (${spread(s.map((x) => x.p99))}) | ${fmt(p99Large)} (${spread(l.map((x) => x.p99))}) | ${flat.toFixed(2)} ${ok(flat <= FLAT)} | ${fmt(rpsL)} (${spread(l.map((x) => x.rps))}) | ${fmt(rpsB)} (${spread(b.map((x) => x.rps))}) | ${near.toFixed(2)} ${ok(near >= NEAR_BARE)} | ${errors} |`,
    );
  }
  for (const [i, call] of writeCalls.entries()) {
    const l = writeProduct[i] ?? [];
    const b = writeBare[i] ?? [];
    const rpsL = median(l.map((x) => x.rps));
    const rpsB = median(b.map((x) => x.rps));
    const near = rpsL / Math.max(rpsB, 1);
    const errors = [...l, ...b].reduce((n, x) => n + x.errors, 0);
    allMet &&= near >= NEAR_BARE;
    lines.push(
      `| ${call.label} | — | ${fmt(median(l.map((x) => x.p99)))} (${spread(l.map((x) => x.p99))}) | — | ${fmt(rpsL)} (${spread(l.map((x) => x.rps))}) | ${fmt(rpsB)} (${spread(b.map((x) => x.rps))}) | ${near.toFixed(2)} ${near >= NEAR_BARE ? '✓' : '✗'} | ${errors} |`,
    );
  }
  if (withEmbedded) {
    const embedded = embeddedReport(await measureEmbedded({ seconds: SECONDS }));
    allMet &&= embedded.met;
    lines.push('', ...embedded.lines);
  }
  lines.push('', allMet ? 'Every goal met.' : 'Not every goal met (✗ above).');
  console.log(lines.join('\n'));
  process.exitCode = allMet || quick ? 0 : 1;
} finally {
  for (const child of children) await stop(child);
  for (const name of created) await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
}
