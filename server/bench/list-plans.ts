import { cpus } from 'node:os';
import { amsterdamDate } from '@duidingspool/shared';
import type postgres from 'postgres';
import { openBenchDatabase } from './bench-database.ts';
import { loadListData } from './list-data.ts';

const size = { requests: Number(process.env.LIST_REQUESTS ?? 100_000), entries: Number(process.env.LIST_ENTRIES ?? 1_000_000) };

/** The index definitions before decision 071 (migration 0013 replaced or added the rest). */
const BEFORE = `
  drop index audit_events_object, audit_events_time, audit_events_actor, audit_events_action, notifications_outbox, notifications_outbox_status,
    assignments_request, assignments_recent, assignments_specialist_recent, time_entries_assignment, time_entries_status, time_entries_specialist,
    time_entries_recent, time_entries_year, interpretation_requests_status, interpretation_requests_recent, interpretation_requests_oldest,
    interpretation_requests_status_recent, interpretation_requests_case_table_recent, users_list;
  create index audit_events_object on audit_events (object_type, object_id);
  create index audit_events_time on audit_events (occurred_at);
  create index audit_events_actor on audit_events (actor_id, occurred_at);
  create index assignments_request on assignments (request_id);
  create index time_entries_assignment on time_entries (assignment_id);
  create index time_entries_status on time_entries (status, created_at);
  create index time_entries_year on time_entries (budget_year, worked_on);
  create index interpretation_requests_status on interpretation_requests (status, submitted_at);
  analyze;`;

const REQUEST_ROW = `select r.id, r.reference, r.status, ct.name, m.name,
    coalesce((select array_agg(e.expertise_area_code order by e.expertise_area_code) from request_expertise_areas e where e.request_id = r.id), '{}'),
    (select u.display_name from assignments a join specialists s on s.id = a.specialist_id join users u on u.id = s.user_id
      where a.request_id = r.id and a.status in ('proposed','accepted') and a.closed_at is null order by a.proposed_at desc limit 1)
  from interpretation_requests r join case_tables ct on ct.id = r.case_table_id join municipalities m on m.id = r.municipality_id`;
const RECENT = "order by coalesce(r.submitted_at, '-infinity'::timestamptz) desc, r.created_at desc, r.id asc";
const ENTRY_ROW = `select te.*, r.reference, u.display_name, rv.display_name from time_entries te
  join assignments a on a.id = te.assignment_id join interpretation_requests r on r.id = a.request_id
  join specialists s on s.id = te.specialist_id join users u on u.id = s.user_id left join users rv on rv.id = te.reviewed_by`;
const ENTRY_ORDER = 'order by te.worked_on desc, te.created_at desc, te.id asc limit 20';

const { sql, drop } = await openBenchDatabase('dp_plans', 2);
try {
  const year = Number(amsterdamDate().slice(0, 4));
  const started = Date.now();
  await loadListData(sql, size, year, amsterdamDate());
  const loadSeconds = (Date.now() - started) / 1000;
  const [ids] = await sql<{ ct: string; sp: string }[]>`select (select case_table_id from interpretation_requests order by reference limit 1) as ct,
    (select specialist_id from assignments group by specialist_id order by count(*) desc limit 1) as sp`;
  if (!ids) throw new Error('no data');
  // The sort keys of the 9,980th row: the cursor `page()` would answer there, and the seek it builds from it.
  const [deep] = await sql<{ s: string; c: string; id: string }[]>`
    select coalesce(r.submitted_at, '-infinity'::timestamptz)::text as s, r.created_at::text as c, r.id::text as id from interpretation_requests r
    where r.status <> 'draft' order by coalesce(r.submitted_at, '-infinity'::timestamptz) desc, r.created_at desc, r.id asc offset 9979 limit 1`;
  if (!deep) throw new Error('no deep row');
  const key = "coalesce(r.submitted_at, '-infinity'::timestamptz)";
  const seek = `${key} <= '${deep.s}'::timestamptz and (${key} < '${deep.s}'::timestamptz or (${key} = '${deep.s}'::timestamptz and r.created_at < '${deep.c}'::timestamptz)
    or (${key} = '${deep.s}'::timestamptz and r.created_at = '${deep.c}'::timestamptz and r.id > '${deep.id}'::uuid))`;
  const queries: [string, string][] = [
    ['requests, coordinator, newest first', `${REQUEST_ROW} where r.status <> 'draft' ${RECENT} limit 20`],
    ['requests, coordinator, newest first, page 500 (offset 9,980)', `${REQUEST_ROW} where r.status <> 'draft' ${RECENT} limit 20 offset 9980`],
    ['requests, coordinator, newest first, the same page by cursor (`after`)', `${REQUEST_ROW} where r.status <> 'draft' and ${seek} ${RECENT} limit 20`],
    [
      'requests, coordinator, oldest first',
      `${REQUEST_ROW} where r.status <> 'draft' order by coalesce(r.submitted_at, 'infinity'::timestamptz) asc, r.id asc limit 20`,
    ],
    [
      'triage: status submitted, oldest first',
      `${REQUEST_ROW} where r.status <> 'draft' and r.status in ('submitted') order by coalesce(r.submitted_at, 'infinity'::timestamptz) asc, r.id asc limit 20`,
    ],
    ['requests by status (in-progress), newest first', `${REQUEST_ROW} where r.status <> 'draft' and r.status in ('in-progress') ${RECENT} limit 20`],
    ['requests, requester (one casustafel)', `${REQUEST_ROW} where r.case_table_id in ('${ids.ct}') ${RECENT} limit 20`],
    [
      'requests, specialist (their assignments)',
      `${REQUEST_ROW} where exists (select 1 from assignments a where a.request_id = r.id and a.specialist_id = '${ids.sp}' and a.status in ('proposed','accepted') and a.closed_at is null) ${RECENT} limit 20`,
    ],
    ['count: coordinator requests (all)', `select count(*) from interpretation_requests r where r.status <> 'draft'`],
    ['count: coordinator requests (capped at 1,001)', `select count(*) from (select 1 from interpretation_requests r where r.status <> 'draft' limit 1001) c`],
    ['approvals queue (time entries submitted)', `${ENTRY_ROW} where te.status = 'submitted' ${ENTRY_ORDER}`],
    ['time entries, specialist (own)', `${ENTRY_ROW} where te.specialist_id = '${ids.sp}' ${ENTRY_ORDER}`],
    ['time entries, coordinator (all)', `${ENTRY_ROW} where true ${ENTRY_ORDER}`],
    [
      'assignments, specialist',
      `select a.*, r.reference, u.display_name from assignments a join interpretation_requests r on r.id = a.request_id join specialists s on s.id = a.specialist_id join users u on u.id = s.user_id where a.specialist_id = '${ids.sp}' order by a.proposed_at desc, a.id asc limit 20`,
    ],
    [
      'assignments, coordinator (all)',
      `select a.*, r.reference, u.display_name from assignments a join interpretation_requests r on r.id = a.request_id join specialists s on s.id = a.specialist_id join users u on u.id = s.user_id order by a.proposed_at desc, a.id asc limit 20`,
    ],
    ['ledger drill-down (year)', `${ENTRY_ROW} where te.budget_year = ${year} ${ENTRY_ORDER}`],
    [
      'ledger drill-down (year, one month)',
      `${ENTRY_ROW} where te.budget_year = ${year} and te.worked_on >= '${year}-03-01'::date and te.worked_on < ('${year}-03-01'::date + interval '1 month') ${ENTRY_ORDER}`,
    ],
    [
      'audit log (all)',
      `select ev.*, u.display_name from audit_events ev left join users u on u.id = ev.actor_id order by ev.occurred_at desc, ev.id desc limit 20`,
    ],
    [
      'audit log (one action)',
      `select ev.*, u.display_name from audit_events ev left join users u on u.id = ev.actor_id where ev.action = 'login' order by ev.occurred_at desc, ev.id desc limit 20`,
    ],
    ['outbox (all)', 'select * from notifications n order by n.created_at desc, n.id desc limit 20'],
    ['outbox (failed)', `select * from notifications n where n.status = 'failed' order by n.created_at desc, n.id desc limit 20`],
    ['users', 'select * from users u order by u.email asc, u.id asc limit 20'],
  ];

  type Plan = { ms: number; sorts: boolean; index: string };
  async function plan(db: postgres.Sql | postgres.TransactionSql, query: string): Promise<Plan> {
    await db.unsafe(query); // warm the cache once, measure the second run
    const rows = await db.unsafe(`explain (analyze, format json) ${query}`);
    const top = (rows[0] as unknown as { 'QUERY PLAN': { Plan: Record<string, unknown>; 'Execution Time': number }[] })['QUERY PLAN'][0];
    if (!top) throw new Error('no plan');
    const nodes: Record<string, unknown>[] = [];
    // The list query's own nodes: not those of a per-row subquery (the specialist's name, the expertise areas).
    const walk = (n: Record<string, unknown>) => {
      nodes.push(n);
      for (const c of (n.Plans as Record<string, unknown>[] | undefined) ?? [])
        if (c['Parent Relationship'] !== 'SubPlan' && c['Parent Relationship'] !== 'InitPlan') walk(c);
    };
    walk(top.Plan);
    const sorts = nodes.some((n) => n['Node Type'] === 'Sort' || n['Node Type'] === 'Incremental Sort');
    const scan = nodes.find((n) => typeof n['Node Type'] === 'string' && /Scan/.test(n['Node Type'] as string));
    return { ms: top['Execution Time'], sorts, index: scan ? `${scan['Node Type']}${scan['Index Name'] ? ` ${scan['Index Name']}` : ''}` : '?' };
  }

  const before: Plan[] = [];
  await sql
    .begin(async (tx) => {
      await tx.unsafe(BEFORE);
      for (const [, q] of queries) before.push(await plan(tx, q));
      throw new Error('rollback');
    })
    .catch((e: Error) => {
      if (e.message !== 'rollback') throw e;
    });
  const after: Plan[] = [];
  for (const [, q] of queries) after.push(await plan(sql, q));

  const lines = [
    `Run ${new Date().toISOString()} · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} · PostgreSQL ${(await sql`show server_version`)[0]?.server_version} · ${size.requests.toLocaleString('en')} requests, ${size.entries.toLocaleString('en')} time entries (loaded in ${loadSeconds.toFixed(0)} s)`,
    '',
    '| page query | before (ms) | before plan | after (ms) | after plan |',
    '| --- | ---: | --- | ---: | --- |',
    ...queries.map(([label], i) => {
      const b = before[i] as Plan;
      const a = after[i] as Plan;
      const describe = (p: Plan) => `${p.sorts ? 'sort, ' : ''}${p.index}`;
      return `| ${label} | ${b.ms.toFixed(1)} | ${describe(b)} | ${a.ms.toFixed(1)} | ${describe(a)} |`;
    }),
  ];
  console.log(lines.join('\n'));
} finally {
  await drop();
}
