import { cpus, loadavg } from 'node:os';
import { DEMO_DOMAIN } from '@duidingspool/db';
import { amsterdamDate } from '@duidingspool/shared';
import type { Actor } from '../src/lib/context.ts';
import { suggestionsFor } from '../src/modules/matching/index.ts';
import { openBenchDatabase, percentile } from './bench-database.ts';
import { loadListData } from './list-data.ts';

const quick = process.argv.includes('--quick');
const REQUESTS = Number(process.env.SUGGESTION_REQUESTS ?? (quick ? 10_000 : 100_000));
const CALLS = Number(process.env.SUGGESTION_CALLS ?? (quick ? 60 : 300));
const POOL = 200;
const SMALL = 10;
/** Live (proposed or accepted, open) assignments in the pool: five per specialist of the large pool. */
const LIVE = 1000;

const { handle, sql, drop } = await openBenchDatabase('dp_suggest', 2);
try {
  const today = amsterdamDate();
  const year = Number(today.slice(0, 4));
  // The pool: 200 specialists besides the demo's, each with an expertise area, a language, a
  // region, a rate and a valid screening, made before the history so it spreads over all of them.
  await sql.unsafe(`
    insert into users (email, display_name) select 'bench-' || g || '@${DEMO_DOMAIN}', 'Specialist ' || lpad(g::text, 3, '0') from generate_series(1, ${POOL}) g;
    insert into user_roles (user_id, role) select id, 'specialist' from users where email like 'bench-%';
    insert into specialists (user_id, screening_date, screening_valid_until) select id, current_date - 365, current_date + 700 from users where email like 'bench-%';
    insert into specialist_rates (specialist_id, rate_cents, valid_from) select s.id, 9000, '2019-01-01' from specialists s join users u on u.id = s.user_id where u.email like 'bench-%';
    insert into specialist_expertise_areas (specialist_id, expertise_area_code)
      select s.id, e.code from specialists s join users u on u.id = s.user_id
      join (select row_number() over (order by code) - 1 as k, code from expertise_areas) e on e.k = abs(hashtext(u.email)) % (select count(*) from expertise_areas)
      where u.email like 'bench-%';
    insert into specialist_languages (specialist_id, language) select s.id, case when abs(hashtext(u.email)) % 3 = 0 then 'ar' else 'en' end
      from specialists s join users u on u.id = s.user_id where u.email like 'bench-%';
    insert into specialist_regions (specialist_id, region_id) select s.id, (select id from safety_regions order by code limit 1)
      from specialists s join users u on u.id = s.user_id where u.email like 'bench-%';`);
  const started = Date.now();
  await loadListData(sql, { requests: REQUESTS, entries: 1000 }, year, today);
  // Past requests are past: the loader leaves every status equally often (a third of its assignments
  // live), the pool carries a few live assignments per specialist. All but the newest LIVE stay closed.
  await sql.unsafe(`
    update assignments set closed_at = now(), close_cause = 'request-closed', status = 'accepted'
    where status in ('proposed','accepted') and closed_at is null
      and id not in (select id from assignments where status in ('proposed','accepted') and closed_at is null order by proposed_at desc limit ${LIVE})`);
  await sql.unsafe('vacuum analyze assignments');
  const loadSeconds = (Date.now() - started) / 1000;
  const [row] = await sql<{ id: string; coordinator: string }[]>`
    select (select id from interpretation_requests where status = 'submitted' and municipality_id is not null order by reference limit 1) as id,
           (select id from users where email = ${`coordinator@${DEMO_DOMAIN}`}) as coordinator`;
  if (!row?.id) throw new Error('no submitted request');
  const [counts] = await sql<{ requests: number; assignments: number; live: number }[]>`
    select (select count(*)::int from interpretation_requests) as requests, (select count(*)::int from assignments) as assignments,
           (select count(*)::int from assignments where status in ('proposed','accepted') and closed_at is null) as live`;
  const actor: Actor = {
    userId: row.coordinator,
    email: `coordinator@${DEMO_DOMAIN}`,
    displayName: 'Coördinator',
    roles: ['coordinator'],
    caseTableIds: [],
    municipalityIds: [],
    specialistId: null,
    sessionId: 'bench',
    language: 'nl',
  };
  /** CALLS calls after 20 warm-up calls; the durations in ms and the size of the last answer. */
  async function measure() {
    for (let i = 0; i < 20; i++) await suggestionsFor(handle.db, actor, row?.id as string, new Date());
    const times: number[] = [];
    let answered = 0;
    for (let i = 0; i < CALLS; i++) {
      const t0 = performance.now();
      const list = await suggestionsFor(handle.db, actor, row?.id as string, new Date());
      times.push(performance.now() - t0);
      answered = list.suggestions.length + list.excluded.length;
    }
    return { p50: percentile(times, 50), p99: percentile(times, 99), answered, load: loadavg()[0] ?? 0 };
  }
  const large = await measure();
  // The same call with 10 specialists active in the pool: the others leave it (their history stays).
  await sql.unsafe(
    `update specialists set is_active = false where user_id in (select id from users where email like 'bench-%' order by email offset ${SMALL})`,
  );
  await sql.unsafe(`update specialists set is_active = false where user_id in (select id from users where email like 'specialist%@${DEMO_DOMAIN}')`);
  await sql.unsafe('analyze specialists');
  const small = await measure();
  const ratio = large.p99 / small.p99;
  const ok = large.p99 < 100 && ratio <= 2;
  const [version] = await sql<{ v: string }[]>`select version() as v`;
  console.log(
    `Run ${new Date().toISOString()} · ${cpus().length} × ${cpus()[0]?.model.trim()} · Node ${process.version} · ${version?.v.split(' on ')[0]} · ${counts?.requests.toLocaleString('en')} requests, ${counts?.assignments.toLocaleString('en')} assignments (${counts?.live.toLocaleString('en')} live), loaded in ${loadSeconds.toFixed(0)} s · ${CALLS} calls after 20 warm-up${quick ? ' · --quick' : ''}`,
  );
  console.log('');
  console.log('| pool | specialists answered | p50 (ms) | p99 (ms) | load average |');
  console.log('| ---- | -------------------: | -------: | -------: | -----------: |');
  console.log(`| ${POOL} + 6 demo specialists | ${large.answered} | ${large.p50.toFixed(1)} | ${large.p99.toFixed(1)} | ${large.load.toFixed(2)} |`);
  console.log(`| ${SMALL} specialists | ${small.answered} | ${small.p50.toFixed(1)} | ${small.p99.toFixed(1)} | ${small.load.toFixed(2)} |`);
  console.log('');
  console.log(`p99 ratio ${ratio.toFixed(2)} (target ≤ 2), p99 with ${POOL} ${large.p99.toFixed(1)} ms (target < 100 ms): ${ok ? 'met ✓' : 'NOT met ✗'}`);
  if (!ok) process.exitCode = 1;
} finally {
  await drop(Boolean(process.env.BENCH_KEEP));
}
