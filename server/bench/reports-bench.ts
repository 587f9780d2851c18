// `pnpm bench:reports` (add `-- --quick` for a small run): the year-end report
// (`GET /api/v1/reports?preset=year-end`, decision 092) at 10,000 and at 1,000,000 time entries, on a
// database with 100,000 requests of that year (received, triaged, assigned, closed with feedback) on
// a real PostgreSQL. Requests, their status events, assignments and feedback are loaded once with
// generate_series; the entries are then grown from 10,000 to 1,000,000 in the same database (the
// totals triggers off for the load and the running totals rebuilt once, as the budget bench does).
// Each phase calls the report as the coordinator (all five sections) and as finance (money only),
// one call at a time over HTTP, and takes the p50 and p99 of REPORT_CALLS calls after two warm-ups.
// Target (issue 11, decisions 133 and 134): p99 under 2 s at 1,000,000 entries and p99(1M) / p99(10k) ≤ 1.5.
// Not part of `pnpm test`.
//
// BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) names the server; the
// bench creates and drops a database of its own there. REPORT_REQUESTS / REPORT_CALLS set the size.
import { randomBytes } from 'node:crypto';
import { cpus, loadavg, totalmem } from 'node:os';
import { DEMO_DOMAIN, DEMO_PASSWORD } from '@duidingspool/db';
import { amsterdamDate } from '@duidingspool/shared';
import { buildApp } from '../src/app.ts';
import { benchConfig } from './bench-config.ts';
import { openBenchDatabase, percentile } from './bench-database.ts';
import { rebuildLedgerTotals } from './list-data.ts';

const quick = process.argv.includes('--quick');
const REQUESTS = Number(process.env.REPORT_REQUESTS ?? (quick ? 10_000 : 100_000));
const CALLS = Number(process.env.REPORT_CALLS ?? (quick ? 10 : 30));
const SMALL = 10_000;
const LARGE = quick ? 100_000 : 1_000_000;

const config = benchConfig({
  requestTimeoutSeconds: 600,
  jwtSecret: randomBytes(48).toString('base64url'),
  encryptionKey: randomBytes(48).toString('base64url'),
});

const { handle, sql: sqlc, drop } = await openBenchDatabase('dp_reports', 4);
const year = Number(amsterdamDate().slice(0, 4));
const today = amsterdamDate();
const days = Math.max(1, Math.round((Date.parse(today) - Date.parse(`${year}-01-01`)) / 86_400_000) + 1);

try {
  // Only this bench's year is measured: the demo's own requests stay (a few hundred).
  const coordinator = `(select id from users where email = 'coordinator@${DEMO_DOMAIN}')`;
  const requester = "(select u.id from users u join user_roles ur on ur.user_id = u.id where ur.role = 'requester' order by u.email limit 1)";
  const startedRequests = Date.now();
  await sqlc.unsafe(`
    create table bench_requests as
    select g, 'RB-' || g as reference,
      make_date(${year}, 1, 1) + (g % ${days}) + make_interval(mins => 480 + g % 480) as submitted_at,
      case when g % 10 = 0 then 'declined' when g % 10 = 1 then 'withdrawn' when g % 10 < 5 then 'in-progress' else 'closed' end as status
    from generate_series(1, ${REQUESTS}) g;
    insert into interpretation_requests (reference, case_table_id, municipality_id, case_reference, question, urgency, deliverable, status, created_by, created_at, submitted_at, meeting_date)
    select b.reference, m.case_table_id, m.municipality_id, b.reference, 'Rapportvraag',
           case when b.g % 7 = 0 then 'urgent' else 'regular' end,
           (array['written-advice','case-table-attendance','professional-consultation'])[1 + b.g % 3],
           b.status, ${coordinator}, b.submitted_at - interval '5 minutes', b.submitted_at,
           (b.submitted_at at time zone 'Europe/Amsterdam')::date + 14
    from bench_requests b
    join (select row_number() over (order by case_table_id, municipality_id) - 1 as k, case_table_id, municipality_id from case_table_municipalities) m
      on m.k = b.g % (select count(*) from case_table_municipalities);
    create index on bench_requests (reference);
    create table bench_request_ids as
    select b.g, b.status, b.submitted_at, r.id from bench_requests b join interpretation_requests r on r.reference = b.reference;
    insert into request_expertise_areas (request_id, expertise_area_code)
    select q.id, e.code from bench_request_ids q
    join (select row_number() over (order by code) - 1 as k, code from expertise_areas) e on e.k = q.g % (select count(*) from expertise_areas);
    insert into request_status_events (request_id, from_status, to_status, actor_id, actor_role, occurred_at)
    select id, 'draft', 'submitted', ${requester}, 'requester', submitted_at from bench_request_ids;
    insert into request_status_events (request_id, from_status, to_status, actor_id, actor_role, occurred_at)
    select id, 'submitted', case when status = 'declined' then 'declined' else 'assigned' end, ${coordinator}, 'coordinator', submitted_at + make_interval(hours => 2 + g % 70)
    from bench_request_ids where status <> 'withdrawn';
    insert into request_status_events (request_id, from_status, to_status, actor_id, actor_role, occurred_at)
    select id, 'submitted', 'withdrawn', ${requester}, 'requester', submitted_at + interval '1 hour' from bench_request_ids where status = 'withdrawn';
    insert into request_status_events (request_id, from_status, to_status, actor_id, actor_role, occurred_at)
    select id, 'advice-delivered', 'closed', ${requester}, 'requester', submitted_at + interval '20 days' from bench_request_ids where status = 'closed';
    insert into request_feedback (request_id, answered, usefulness, changes, given_by, given_at)
    select id, (array['yes','partly','no'])[1 + g % 3], 1 + g % 5, array[(array['assessment','intervention','escalation','de-escalation','no-change','other'])[1 + g % 6]],
           ${requester}, submitted_at + interval '20 days'
    from bench_request_ids where status = 'closed';
    create table bench_assignments as
    with s as (select row_number() over (order by id) - 1 as k, id from specialists)
    select row_number() over (order by q.g) - 1 as n, q.id as request_id, s.id as specialist_id
    from bench_request_ids q join s on s.k = q.g % (select count(*) from specialists)
    where q.status in ('in-progress', 'closed');
    alter table bench_assignments add column id uuid default gen_random_uuid();
    insert into assignments (id, request_id, specialist_id, status, estimated_minutes, rate_cents, reserved_cents, budget_year, budget_line_id, proposed_by)
    select id, request_id, specialist_id, 'accepted', 600, 10000, 0, ${year}, (select id from budget_lines where year = ${year} and is_default), ${coordinator}
    from bench_assignments;
    create index on bench_assignments (n);
  `);
  const [{ n: assignments } = { n: 0 }] = await sqlc<{ n: number }[]>`select count(*)::int as n from bench_assignments`;
  const requestsLoad = Date.now() - startedRequests;

  const activities = (await sqlc`select code from activities order by code`).map((r) => r.code as string);
  const triggers = (await sqlc<{ tgname: string }[]>`select tgname from pg_trigger where tgrelid = 'time_entries'::regclass and not tgisinternal`).map(
    (t) => t.tgname,
  );
  let loaded = 0;
  /**
   * Adds entries up to `target` with one INSERT … SELECT generate_series (a request's entries fall
   * within six weeks of its submission), then rebuilds the running totals.
   */
  async function loadTo(target: number) {
    const started = Date.now();
    for (const t of triggers) await sqlc.unsafe(`alter table time_entries disable trigger ${t}`);
    await sqlc.unsafe(`
      insert into time_entries (assignment_id, specialist_id, worked_on, minutes, activity, description, rate_cents, amount_cents, budget_year, budget_line_id, status, created_by, reviewed_by, reviewed_at)
      select a.id, a.specialist_id, least(make_date(${year}, 1, 1) + ${days - 1}, (q.submitted_at at time zone 'Europe/Amsterdam')::date + (e % 42)), 30,
             (array[${activities.map((x) => `'${x}'`).join(',')}])[1 + e % ${activities.length}], 'Bench', 10000, 5000, ${year},
             (select id from budget_lines where year = ${year} and is_default),
             case when e % 5 = 0 then 'submitted' else 'approved' end, ${coordinator},
             case when e % 5 = 0 then null else ${coordinator} end,
             case when e % 5 = 0 then null else now() end
      from generate_series(${loaded + 1}, ${target}) gs(e)
      join bench_assignments a on a.n = e % ${assignments}
      join bench_request_ids q on q.id = a.request_id`);
    for (const t of triggers) await sqlc.unsafe(`alter table time_entries enable trigger ${t}`);
    await rebuildLedgerTotals(sqlc, year);
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
  async function login(email: string) {
    const res = await fetch(`${base}/api/v1/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    });
    const cookie = res.headers
      .getSetCookie()
      .find((c) => c.startsWith('dp_session='))
      ?.split(';')[0];
    if (!cookie) throw new Error(`login of ${email} failed`);
    return cookie;
  }
  const sessions = { coordinator: await login(`coordinator@${DEMO_DOMAIN}`), finance: await login(`finance@${DEMO_DOMAIN}`) };
  const calls: [string, string, keyof typeof sessions][] = [
    ['year-end report, coordinator (five sections)', `/api/v1/reports?preset=year-end&year=${year}`, 'coordinator'],
    ['year-end report, finance (money)', `/api/v1/reports?preset=year-end&year=${year}`, 'finance'],
  ];

  const loads: string[] = [];
  async function measure(entries: number) {
    loads.push(
      `${entries.toLocaleString('en')}: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' / ')}`,
    );
    const out: { call: string; p50: number; p99: number }[] = [];
    for (const [label, path, who] of calls) {
      const times: number[] = [];
      for (let i = 0; i < CALLS + 2; i++) {
        const started = performance.now();
        const res = await fetch(`${base}${path}`, { headers: { cookie: sessions[who] } });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
        if (i >= 2) times.push(performance.now() - started);
      }
      out.push({ call: label, p50: percentile(times, 50), p99: percentile(times, 99) });
      console.error(`${entries} entries  ${label}: p50 ${percentile(times, 50).toFixed(0)} ms, p99 ${percentile(times, 99).toFixed(0)} ms`);
    }
    return out;
  }

  const loadSmall = await loadTo(SMALL);
  const small = await measure(SMALL);
  const loadLarge = await loadTo(LARGE);
  const large = await measure(LARGE);
  await app.close();

  const fmt = (n: number) => n.toLocaleString('en');
  const lines = [
    `Run ${new Date().toISOString()} · Node ${process.version} · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} · ${Math.round(totalmem() / 2 ** 30)} GiB RAM · PostgreSQL ${(await sqlc`show server_version`)[0]?.server_version}`,
    `${fmt(REQUESTS)} requests (${fmt(assignments)} with an assignment) loaded in ${(requestsLoad / 1000).toFixed(1)} s; entries: ${fmt(SMALL)} in ${(loadSmall / 1000).toFixed(1)} s, up to ${fmt(LARGE)} in ${(loadLarge / 1000).toFixed(1)} s (then VACUUM ANALYZE and CHECKPOINT).`,
    `${CALLS} calls per row, one at a time, after 2 warm-ups. Load average (1/5/15 min) at the start of each phase — ${loads.join('; ')}.`,
    '',
    `| call | p50 ${fmt(SMALL)} (ms) | p99 ${fmt(SMALL)} (ms) | p50 ${fmt(LARGE)} (ms) | p99 ${fmt(LARGE)} (ms) | p99 ratio (≤ 1.5) | p99 < 2 s |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | :---: |',
    ...small.map((s, i) => {
      const l = large[i] as (typeof large)[number];
      const ratio = l.p99 / Math.max(s.p99, 1);
      return `| ${s.call} | ${s.p50.toFixed(0)} | ${s.p99.toFixed(0)} | ${l.p50.toFixed(0)} | ${l.p99.toFixed(0)} | ${ratio.toFixed(2)} ${ratio <= 1.5 ? '✓' : '✗'} | ${l.p99 < 2000 ? '✓' : '✗'} |`;
    }),
  ];
  console.log(lines.join('\n'));
} finally {
  // REPORT_KEEP=1 keeps the database for EXPLAIN (its name is printed); drop it by hand afterwards.
  await drop(Boolean(process.env.REPORT_KEEP));
}
