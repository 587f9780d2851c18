// A realistic data set for the list benchmarks and the index checks (decision 071), loaded in bulk
// with generate_series into a database that is migrated and seeded: `requests` interpretation
// requests over every status and casustafel, an assignment for every request past triage, `entries`
// time entries spread over those assignments and the year's days (one in five waiting for approval),
// and an audit log and outbox of `requests` rows each. The ledger totals trigger is off for the load
// and the running totals rebuilt once, as `ledger_rebuild_totals()` does.
import { DEMO_DOMAIN } from '@duidingspool/db';
import { NOTIFICATION_EVENTS, REQUEST_STATUSES } from '@duidingspool/shared';
import type postgres from 'postgres';

/** The sizes of one data set: numbers of rows. */
export interface ListDataSize {
  requests: number;
  entries: number;
}

/**
 * After a bulk load of time entries with the totals triggers off: turns them back on,
 * rebuilds the ledger's running totals (the report's month totals too) once and sets `year`'s budget to the loaded pending and
 * spent amounts (and its default line, which the loaded work charges), with room enough
 * (EUR 1,000,000,000) that no measured call hits the budget.
 */
export async function rebuildLedgerTotals(sql: postgres.Sql, year: number): Promise<void> {
  await sql.unsafe('alter table time_entries enable trigger time_entries_ledger_totals');
  await sql.unsafe('alter table time_entries enable trigger time_entries_report_totals');
  await sql.unsafe('select ledger_rebuild_totals()');
  await sql.unsafe(`
    update budgets b set
      pending_cents = coalesce((select sum(amount_cents) from time_entries e where e.budget_year = b.year and e.status = 'submitted' and e.corrects_entry_id is null), 0),
      spent_cents = coalesce((select sum(amount_cents) from time_entries e where e.budget_year = b.year and e.status = 'approved'), 0),
      allocated_cents = greatest(allocated_cents, 100000000000)
    where b.year = ${year};
    update budget_lines l set
      pending_cents = coalesce((select sum(amount_cents) from time_entries e where e.budget_line_id = l.id and e.status = 'submitted' and e.corrects_entry_id is null), 0),
      spent_cents = coalesce((select sum(amount_cents) from time_entries e where e.budget_line_id = l.id and e.status = 'approved'), 0),
      allocated_cents = greatest(allocated_cents, 100000000000)
    where l.year = ${year} and l.is_default`);
}

/**
 * Loads `size` into the migrated, seeded database behind `sql` (one connection is enough) and ends
 * with VACUUM ANALYZE and CHECKPOINT so measuring starts from settled tables. `year` is the budget
 * year (Europe/Amsterdam) the assignments and entries belong to; `today` its last day with work.
 */
export async function loadListData(sql: postgres.Sql, size: ListDataSize, year: number, today: string): Promise<void> {
  const coordinator = `(select id from users where email = 'coordinator@${DEMO_DOMAIN}')`;
  const statuses = `array[${REQUEST_STATUSES.map((s) => `'${s}'`).join(',')}]`;
  const days = Math.max(1, Math.round((Date.parse(today) - Date.parse(`${year}-01-01`)) / 86_400_000) + 1);
  const activities = (await sql`select code from activities order by code`).map((r) => r.code as string);
  await sql.unsafe(`
    insert into interpretation_requests (reference, case_table_id, municipality_id, case_reference, question, urgency, deliverable, status, created_by, created_at, submitted_at)
    select 'LIST-' || g, m.case_table_id, m.municipality_id, 'LIST-' || g, 'Lijstvraag',
           case when g % 7 = 0 then 'urgent' else 'regular' end, 'written-advice',
           s.status, ${coordinator}, now() - make_interval(mins => g), case when s.status = 'draft' then null else now() - make_interval(mins => g) + interval '5 minutes' end
    from generate_series(1, ${size.requests}) g
    cross join lateral (select (${statuses})[1 + (g % ${REQUEST_STATUSES.length})] as status) s
    join (select row_number() over (order by case_table_id, municipality_id) - 1 as k, case_table_id, municipality_id from case_table_municipalities) m
      on m.k = g % (select count(*) from case_table_municipalities);
    insert into request_expertise_areas (request_id, expertise_area_code)
    select r.id, e.code from interpretation_requests r
    join (select row_number() over (order by code) - 1 as k, code from expertise_areas) e on e.k = abs(hashtext(r.reference)) % (select count(*) from expertise_areas)
    where r.reference like 'LIST-%';
    create table list_assignments as
    with s as (select row_number() over (order by id) - 1 as k, id from specialists)
    select row_number() over (order by r.reference) - 1 as n, r.id as request_id, s.id as specialist_id, r.status
    from interpretation_requests r join s on s.k = abs(hashtext(r.reference)) % (select count(*) from specialists)
    where r.reference like 'LIST-%' and r.status in ('assigned','in-progress','advice-delivered','closed');
    alter table list_assignments add column id uuid default gen_random_uuid();
    insert into assignments (id, request_id, specialist_id, status, estimated_minutes, rate_cents, reserved_cents, budget_year, budget_line_id, proposed_by, proposed_at, closed_at)
    select id, request_id, specialist_id, case when status = 'assigned' then 'proposed' else 'accepted' end, 1000000, 10000, 0, ${year}, (select id from budget_lines where year = ${year} and is_default), ${coordinator},
           now() - make_interval(mins => n::int), case when status = 'closed' then now() end
    from list_assignments;
    create index on list_assignments (n);
  `);
  const [{ n: assignments } = { n: 0 }] = await sql<{ n: number }[]>`select count(*)::int as n from list_assignments`;
  await sql.unsafe('alter table time_entries disable trigger time_entries_ledger_totals');
  await sql.unsafe('alter table time_entries disable trigger time_entries_report_totals');
  await sql.unsafe(`
    insert into time_entries (assignment_id, specialist_id, worked_on, minutes, activity, description, rate_cents, amount_cents, budget_year, budget_line_id, status, created_by, created_at, reviewed_by, reviewed_at)
    select a.id, a.specialist_id, make_date(${year}, 1, 1) + (g % ${days}), 30,
           (array[${activities.map((a) => `'${a}'`).join(',')}])[1 + g % ${activities.length}], 'Lijst', 10000, 5000, ${year}, (select id from budget_lines where year = ${year} and is_default),
           case when g % 5 = 0 then 'submitted' else 'approved' end, ${coordinator}, now() - make_interval(secs => g),
           case when g % 5 = 0 then null else ${coordinator} end,
           case when g % 5 = 0 then null else now() end
    from generate_series(1, ${size.entries}) g
    join list_assignments a on a.n = g % ${assignments}`);
  await rebuildLedgerTotals(sql, year);
  await sql.unsafe(`
    insert into audit_events (occurred_at, actor_id, action, object_type, object_id, result)
    select now() - make_interval(secs => g), ${coordinator}, case when g % 3 = 0 then 'login' else 'update-request' end, 'interpretation-request', 'LIST-' || g, 'success'
    from generate_series(1, ${size.requests}) g;
    insert into notifications (event, recipient_user_id, recipient_email, reference, status, created_at)
    select (array[${NOTIFICATION_EVENTS.map((e) => `'${e}'`).join(',')}])[1 + g % ${NOTIFICATION_EVENTS.length}], ${coordinator}, 'coordinator@${DEMO_DOMAIN}', 'LIST-' || g,
           case when g % 10 = 0 then 'failed' else 'sent' end, now() - make_interval(secs => g)
    from generate_series(1, ${size.requests}) g;
  `);
  await sql.unsafe('vacuum analyze');
  await sql.unsafe('checkpoint');
}

/** What `prepareWriteLoad` set up: the assignments hours can be logged on, and the days to log them on. */
export interface WriteLoad {
  /** Accepted, open assignments of `specialist` on running requests, each with room reserved. */
  assignmentIds: string[];
  /** Days (`YYYY-MM-DD`) from 1 January of the budget year to the day before `today`, oldest first. */
  days: string[];
}

/**
 * Readies a loaded data set for the write benchmark (issue 16, item 2): `count` accepted, open
 * assignments of the demo specialist `specialist` on requests in progress get EUR 10,000,000 reserved
 * each (the budget of `year` and its default line reserve the same, so `available` stays what it
 * was minus that and never below 0), and their requests count as submitted on 1 January, so work can
 * be dated on any day of the year before `today`. Logging one minute a time, the day limit
 * (1,440 minutes per specialist and day) allows 1,440 entries per day.
 */
export async function prepareWriteLoad(sql: postgres.Sql, year: number, today: string, specialist: string, count: number): Promise<WriteLoad> {
  const reserved = 1_000_000_000;
  const rows = await sql<{ id: string }[]>`
    select a.id from assignments a join specialists s on s.id = a.specialist_id join users u on u.id = s.user_id
      join interpretation_requests r on r.id = a.request_id
    where u.email = ${`${specialist}@${DEMO_DOMAIN}`} and a.status = 'accepted' and a.closed_at is null and r.status = 'in-progress' and a.budget_year = ${year}
    order by a.id limit ${count}`;
  const ids = rows.map((r) => r.id);
  await sql`update assignments set reserved_cents = reserved_cents + ${reserved} where id in ${sql(ids)}`;
  await sql`update budgets set reserved_cents = reserved_cents + ${reserved * ids.length} where year = ${year}`;
  await sql`update budget_lines set reserved_cents = reserved_cents + ${reserved * ids.length} where year = ${year} and is_default`;
  await sql`update interpretation_requests set submitted_at = make_date(${year}, 1, 1) where id in (select request_id from assignments where id in ${sql(ids)})`;
  const days: string[] = [];
  for (let d = new Date(`${year}-01-01T00:00:00Z`); d.toISOString().slice(0, 10) < today; d.setUTCDate(d.getUTCDate() + 1))
    days.push(d.toISOString().slice(0, 10));
  days.pop();
  return { assignmentIds: ids, days };
}
