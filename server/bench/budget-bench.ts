// `pnpm bench:budget`: the budget page's API calls at 10,000 and at 1,000,000 time entries on a
// real PostgreSQL, measured with autocannon in one run on one machine. Entries are
// seeded in bulk with generate_series (the totals trigger is switched off for the load and the
// running totals rebuilt once, as `ledger_rebuild_totals()` does); the API then reads only running
// totals. Target: p99 at 1,000,000 within 1.5× of p99 at 10,000. Not part of `pnpm test`.
//
// BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) names the server; the
// bench creates and drops a database of its own there.
import { randomBytes } from 'node:crypto';
import { cpus, loadavg, totalmem } from 'node:os';
import { DEMO_DOMAIN, DEMO_PASSWORD } from '@duidingspool/db';
import { amsterdamDate } from '@duidingspool/shared';
import autocannon from 'autocannon';
import { buildApp } from '../src/app.ts';
import { benchConfig } from './bench-config.ts';
import { openBenchDatabase } from './bench-database.ts';
import { rebuildLedgerTotals } from './list-data.ts';

const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 10;
const ASSIGNMENTS = 2000;

const config = benchConfig({
  requestTimeoutSeconds: 600,
  jwtSecret: randomBytes(48).toString('base64url'),
  encryptionKey: randomBytes(48).toString('base64url'),
});

// Filling a million rows takes longer than the app's statement deadline: the bench database has none.
const { handle, sql: sqlc, drop } = await openBenchDatabase('dp_bench', 10);
const year = Number(amsterdamDate().slice(0, 4));
const today = amsterdamDate();

try {
  await sqlc.unsafe(`
    insert into interpretation_requests (reference, case_table_id, municipality_id, case_reference, question, urgency, deliverable, status, created_by, submitted_at)
    select 'BENCH-' || g, m.case_table_id, m.municipality_id, 'BENCH-' || g, 'Benchvraag', 'regular', 'written-advice', 'in-progress',
           (select id from users where email = 'coordinator@${DEMO_DOMAIN}'), now()
    from generate_series(1, ${ASSIGNMENTS}) g
    join (select row_number() over (order by case_table_id, municipality_id) - 1 as k, case_table_id, municipality_id from case_table_municipalities) m
      on m.k = g % (select count(*) from case_table_municipalities);
    insert into request_expertise_areas (request_id, expertise_area_code)
    select r.id, e.code from interpretation_requests r
    join (select row_number() over (order by code) - 1 as k, code from expertise_areas) e on e.k = abs(hashtext(r.reference)) % (select count(*) from expertise_areas)
    where r.reference like 'BENCH-%';
    create table bench_assignments as
    with s as (select row_number() over (order by id) - 1 as k, id from specialists)
    select row_number() over (order by r.reference) - 1 as n, r.id as request_id, s.id as specialist_id
    from interpretation_requests r join s on s.k = abs(hashtext(r.reference)) % (select count(*) from specialists)
    where r.reference like 'BENCH-%';
    alter table bench_assignments add column id uuid default gen_random_uuid();
    insert into assignments (id, request_id, specialist_id, status, estimated_minutes, rate_cents, reserved_cents, budget_year, proposed_by)
    select id, request_id, specialist_id, 'accepted', 12000, 10000, 0, ${year}, (select id from users where email = 'coordinator@${DEMO_DOMAIN}') from bench_assignments;
    create index on bench_assignments (n);
  `);

  const activities = (await sqlc`select code from activities order by code`).map((r) => r.code as string);
  let loaded = 0;
  /** Adds entries up to `target` with one INSERT … SELECT generate_series, then rebuilds the running totals. */
  async function loadTo(target: number) {
    const started = Date.now();
    const days = Math.max(1, Math.round((Date.parse(today) - Date.parse(`${year}-01-01`)) / 86_400_000) + 1);
    await sqlc.unsafe('alter table time_entries disable trigger time_entries_ledger_totals');
    await sqlc.unsafe('alter table time_entries disable trigger time_entries_report_totals');
    await sqlc.unsafe(`
      insert into time_entries (assignment_id, specialist_id, worked_on, minutes, activity, description, rate_cents, amount_cents, budget_year, status, created_by, reviewed_by, reviewed_at)
      select a.id, a.specialist_id, make_date(${year}, 1, 1) + (g % ${days}), 30,
             (array[${activities.map((a) => `'${a}'`).join(',')}])[1 + g % ${activities.length}], 'Bench', 10000, 5000, ${year},
             case when g % 5 = 0 then 'submitted' else 'approved' end,
             (select id from users where email = 'coordinator@${DEMO_DOMAIN}'),
             case when g % 5 = 0 then null else (select id from users where email = 'coordinator@${DEMO_DOMAIN}') end,
             case when g % 5 = 0 then null else now() end
      from generate_series(${loaded + 1}, ${target}) g
      join bench_assignments a on a.n = g % ${ASSIGNMENTS}`);
    await rebuildLedgerTotals(sqlc, year);
    // Let the load settle before measuring: vacuum and analyse now, flush dirty pages, so autovacuum
    // and the checkpointer do not compete with the measured requests.
    await sqlc.unsafe('vacuum analyze');
    await sqlc.unsafe('checkpoint');
    loaded = target;
    return Date.now() - started;
  }

  const app = await buildApp({ config, db: handle.db });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  const base = `http://127.0.0.1:${address.port}`;
  const login = await fetch(`${base}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `finance@${DEMO_DOMAIN}`, password: DEMO_PASSWORD }),
  });
  const sessionCookie = login.headers
    .getSetCookie()
    .find((c) => c.startsWith('dp_session='))
    ?.split(';')[0];
  if (!sessionCookie) throw new Error('login failed');
  const cookie: string = sessionCookie;

  const calls: [string, string, boolean][] = [
    ['GET /budgets/{year}', `/api/v1/budgets/${year}`, true],
    ['GET /budgets', '/api/v1/budgets', true],
    ['GET /budgets/{year}/burn-up', `/api/v1/budgets/${year}/burn-up`, true],
    ...(['safety-region', 'municipality', 'case-table', 'specialist', 'expertise-area', 'activity'] as const).map((d): [string, string, boolean] => [
      `GET /budgets/{year}/breakdowns?dimension=${d}`,
      `/api/v1/budgets/${year}/breakdowns?dimension=${d}`,
      true,
    ]),
    ['GET /accounting-periods?year', `/api/v1/accounting-periods?year=${year}`, true],
    ['GET /budgets/{year}/ledger-entries (drill-down, page 1)', `/api/v1/budgets/${year}/ledger-entries?pageSize=50`, false],
  ];

  const loads: string[] = [];
  async function measure(entries: number) {
    loads.push(
      `${entries.toLocaleString('en')}: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' / ')}`,
    );
    const out: { call: string; p50: number; p99: number; rps: number; errors: number; target: boolean }[] = [];
    for (const [label, path, target] of calls) {
      const status = (await fetch(`${base}${path}`, { headers: { cookie } })).status;
      if (status !== 200) throw new Error(`${path} answered ${status}`);
      await autocannon({ url: `${base}${path}`, connections: CONNECTIONS, duration: 1, headers: { cookie } }); // warm-up, not recorded
      const r = await autocannon({ url: `${base}${path}`, connections: CONNECTIONS, duration: DURATION, headers: { cookie } });
      out.push({ call: label, p50: r.latency.p50, p99: r.latency.p99, rps: Math.round(r.requests.average), errors: r.errors + r.non2xx, target });
      console.error(`${entries} entries  ${label}: p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ${Math.round(r.requests.average)} req/s`);
    }
    return out;
  }

  const loadSmall = await loadTo(10_000);
  const small = await measure(10_000);
  const loadLarge = await loadTo(1_000_000);
  const large = await measure(1_000_000);
  await app.close();

  const lines = [
    `Run ${new Date().toISOString()} · Node ${process.version} · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} · ${Math.round(totalmem() / 2 ** 30)} GiB RAM · PostgreSQL ${(await sqlc`show server_version`)[0]?.server_version}`,
    `autocannon: ${CONNECTIONS} connections, ${DURATION} s per call after a 1 s warm-up, finance session. Bulk load: 10,000 entries in ${(loadSmall / 1000).toFixed(1)} s, up to 1,000,000 in ${(loadLarge / 1000).toFixed(1)} s (then VACUUM ANALYZE and CHECKPOINT).`,
    `Load average (1/5/15 min) at the start of each phase — ${loads.join('; ')}.`,
    '',
    '| call | p50 10k (ms) | p99 10k (ms) | p50 1M (ms) | p99 1M (ms) | p99 ratio | req/s 10k | req/s 1M | errors |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...small.map((s, i) => {
      const l = large[i] as (typeof large)[number];
      const ratio = l.p99 / Math.max(s.p99, 1);
      return `| ${s.call} | ${s.p50} | ${s.p99} | ${l.p50} | ${l.p99} | ${ratio.toFixed(2)}${s.target ? (ratio <= 1.5 ? ' ✓' : ' ✗') : ''} | ${s.rps} | ${l.rps} | ${s.errors + l.errors} |`;
    }),
  ];
  console.log(lines.join('\n'));
} finally {
  await drop();
}
