// The report's and the budget page's figures against the ledger (docs/design.md §12, decisions 090,
// 095, 133): a request a municipality asked without a casustafel counts in every breakdown; the
// year-end money tables, read from the running month totals, equal the sums over the approved
// entries; the month totals equal a rebuild from the entries; and a month whose corrections exceed
// its spending is published with its real, negative figure (200, never 500).
import { rowsOf, schema } from '@duidingspool/db';
import {
  entryCostCents,
  NO_CASE_TABLE_KEY,
  REQUEST_TYPE_RULES,
  type Report,
  type ReportCell,
  type ReportTable,
  suppressCount,
  suppressList,
} from '@duidingspool/shared';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { specialist, thisYear, today } from './fixtures.ts';
import { type Caller, useTestApp } from './harness.ts';

const t = useTestApp();
let adviser: Caller;
let coordinator: Caller;
let finance: Caller;
let worker: Caller;
const year = thisYear();
let entryId: string;
let entryCents: number;

const table = (report: Report, section: string, id: string) => report.sections.find((s) => s.id === section)?.tables.find((x) => x.id === id) as ReportTable;

beforeAll(async () => {
  [adviser, coordinator, finance, worker] = await Promise.all([t.as('adviser.arnhem'), t.as('coordinator'), t.as('finance'), t.as('specialist1')]);
  const me = await adviser('GET', '/api/v1/me');
  const arnhem = me.body.municipalityMemberships[0].municipalityId as string;
  // An information session asked by the municipality of Arnhem: no casustafel.
  const type = 'information-session';
  const rule = REQUEST_TYPE_RULES[type];
  const created = await adviser('POST', '/api/v1/interpretation-requests', {
    type,
    municipalityId: arnhem,
    question: 'Wat vraagt de gemeente?',
    expertiseAreaCodes: ['polarisation'],
    urgency: 'regular',
    deliverable: rule.deliverables[0],
    audiences: ['education'],
    expectedParticipants: 30,
    meetingDate: today(),
    place: 'Stadhuis Arnhem',
    submit: true,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  expect(created.body.caseTableId).toBeNull();
  const sp = await specialist(coordinator, 1);
  const assigned = await coordinator('POST', `/api/v1/interpretation-requests/${created.body.id}/assignments`, { specialistId: sp.id, estimatedMinutes: 180 });
  expect(assigned.status, JSON.stringify(assigned.body)).toBe(201);
  expect((await worker('PATCH', `/api/v1/assignments/${assigned.body.id}`, { status: 'accepted' })).status).toBe(200);
  const entry = await worker('POST', `/api/v1/assignments/${assigned.body.id}/time-entries`, {
    workedOn: today(),
    minutes: 90,
    activity: rule.activities[0],
    description: 'Voorlichting',
  });
  expect(entry.status, JSON.stringify(entry.body)).toBe(201);
  expect((await coordinator('PATCH', `/api/v1/time-entries/${entry.body.id}`, { status: 'approved' })).status).toBe(200);
  entryId = entry.body.id;
  entryCents = entryCostCents(90, sp.currentRateCents);
});

describe('a request without a casustafel', () => {
  it('is a row of its own in the casustafel breakdown, which then holds every group of the year; its drill-down lists its hours', async () => {
    const res = await finance('GET', `/api/v1/budgets/${year}/breakdowns?dimension=case-table`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const keys = (res.body.items as { key: string }[]).map((i) => i.key);
    expect(keys).toContain(NO_CASE_TABLE_KEY);
    const groups = rowsOf<{ k: string }>(
      await t.handle.db.execute(sql`
        select distinct coalesce(${schema.ledgerGroupTotals.caseTableId}::text, ${NO_CASE_TABLE_KEY}) as k from ${schema.ledgerGroupTotals}
        where ${schema.ledgerGroupTotals.budgetYear} = ${year}
          and (${schema.ledgerGroupTotals.entryCount} <> 0 or ${schema.ledgerGroupTotals.pendingCents} <> 0 or ${schema.ledgerGroupTotals.spentCents} <> 0)`),
    );
    expect([...keys].sort()).toEqual(groups.map((g) => g.k).sort());
    const drill = await finance('GET', `/api/v1/budgets/${year}/ledger-entries?dimension=case-table&key=${NO_CASE_TABLE_KEY}&pageSize=100`);
    expect(drill.status, JSON.stringify(drill.body)).toBe(200);
    expect((drill.body.items as { id: string }[]).map((i) => i.id)).toContain(entryId);
  });

  it('counts in the report: received today, and its money in the region of its municipality', async () => {
    const report = (await coordinator('GET', `/api/v1/reports?preset=year-end&year=${year}`)).body as Report;
    const [row] = rowsOf<{ n: number }>(
      await t.handle.db.execute(sql`
        select count(*)::int as n from (
          select ${schema.requestStatusEvents.requestId}, min(${schema.requestStatusEvents.occurredAt}) as at from ${schema.requestStatusEvents}
          where ${schema.requestStatusEvents.toStatus} = 'submitted' group by 1) f
        where (f.at at time zone 'Europe/Amsterdam')::date between ${`${year}-01-01`}::date and ${`${year}-12-31`}::date`),
    );
    const received = table(report, 'activities', 'by-month').total as ReportCell;
    expect(Number(row?.n)).toBeGreaterThan(0);
    expect(received).toEqual(suppressCount(Number(row?.n)));
    // The regions' requests add up to everything received: none is lost for want of a casustafel.
    expect(table(report, 'reach', 'regions').columnTotals?.[0]).toEqual(received);
  });
});

describe('the year-end money tables from the running month totals', () => {
  /** Approved cents and distinct requests per key over the entries of the year, as the rule's input. */
  async function fromEntries(key: 'activity' | 'month') {
    const te = schema.timeEntries;
    const a = schema.assignments;
    const k = key === 'activity' ? sql`${te.activity}` : sql`to_char(${te.workedOn}, 'YYYY-MM')`;
    return rowsOf<{ key: string; cents: number; requests: number }>(
      await t.handle.db.execute(sql`
        select ${k} as key, sum(${te.amountCents})::bigint as cents, count(distinct ${a.requestId})::int as requests
        from ${te} join ${a} on ${a.id} = ${te.assignmentId}
        where ${te.status} = 'approved' and ${te.workedOn} between ${`${year}-01-01`}::date and ${`${year}-12-31`}::date
        group by 1 order by 1`),
    ).map((x) => ({ key: x.key, cents: Number(x.cents), requests: Number(x.requests) }));
  }

  it('publish what the rule makes of the sums over the approved entries', async () => {
    const report = (await finance('GET', `/api/v1/reports?preset=year-end&year=${year}`)).body as Report;
    const byActivity = table(report, 'money', 'spent-by-activity');
    const raw = await fromEntries('activity');
    const order = byActivity.rows.map((r) => r.key);
    const rows = order.map((key) => raw.find((x) => x.key === key) ?? { key, cents: 0, requests: 0 });
    expect([...order].sort()).toEqual(raw.map((x) => x.key).sort());
    const expected = suppressList(
      rows.map((x) => x.cents),
      { threshold: 5, keepTotal: true, basis: rows.map((x) => x.requests) },
    );
    expect(byActivity.rows.map((r) => r.cells[0])).toEqual(expected.values);
    expect(byActivity.columnTotals?.[0]).toEqual(expected.total);
    const byMonth = table(report, 'money', 'spent-by-month');
    const months = await fromEntries('month');
    const perMonth = byMonth.rows.map((r) => months.find((x) => x.key === r.key) ?? { cents: 0, requests: 0 });
    const expectedMonths = suppressList(
      perMonth.map((x) => x.cents),
      { threshold: 5, keepTotal: true, basis: perMonth.map((x) => x.requests) },
    );
    expect(byMonth.rows.map((r) => r.cells[0])).toEqual(expectedMonths.values);
  });

  it('are what a rebuild from the entries gives', async () => {
    const snapshot = async () =>
      rowsOf(
        await t.handle.db.execute(sql`
          select dimension, key, month::text, minutes::text, cents::text, requests from ledger_report_month_totals
          where minutes <> 0 or cents <> 0 or requests <> 0 order by 1, 2, 3`),
      );
    const kept = await snapshot();
    expect(kept.length).toBeGreaterThan(0);
    await t.handle.db.execute(sql`select ledger_rebuild_report_totals()`);
    expect(await snapshot()).toEqual(kept);
  });
});

describe('the ends of the waits kept on each request (decision 134)', () => {
  const firsts = sql`
    select request_id,
      min(occurred_at) filter (where from_status = 'submitted' and actor_role = 'coordinator') as triaged_at,
      min(occurred_at) filter (where to_status = 'assigned') as first_assigned_at
    from request_status_events group by request_id`;
  it('are the earliest coordinator decision out of submitted and the earliest move into assigned among its status events', async () => {
    const rows = rowsOf<{ triaged: number; assigned: number; differ: number }>(
      await t.handle.db.execute(sql`
        select count(r.triaged_at)::int as triaged, count(r.first_assigned_at)::int as assigned,
          count(*) filter (where r.triaged_at is distinct from f.triaged_at or r.first_assigned_at is distinct from f.first_assigned_at)::int as differ
        from interpretation_requests r left join (${firsts}) f on f.request_id = r.id`),
    );
    expect(rows[0]?.triaged).toBeGreaterThan(0);
    expect(rows[0]?.assigned).toBeGreaterThan(0);
    expect(rows[0]?.differ).toBe(0);
  });

  it('move to an earlier event written later, and stay at the earliest when a later one follows', async () => {
    const [row] = rowsOf<{ id: string; triaged_at: string; actor_id: string }>(
      await t.handle.db.execute(sql`
        select r.id, r.triaged_at::text, e.actor_id from interpretation_requests r
        join request_status_events e on e.request_id = r.id and e.from_status = 'submitted' and e.actor_role = 'coordinator'
        where r.first_assigned_at is not null limit 1`),
    );
    if (!row) throw new Error('no triaged request in the test data');
    const insert = (interval: string, from: string, to: string) =>
      t.handle.db.execute(sql`
        insert into request_status_events (request_id, from_status, to_status, actor_id, actor_role, occurred_at)
        values (${row.id}, ${from}, ${to}, ${row.actor_id}, 'coordinator', ${row.triaged_at}::timestamptz + ${interval}::interval)`);
    await insert('-1 hour', 'submitted', 'assigned');
    await insert('1 day', 'submitted', 'assigned');
    const [after] = rowsOf<{ triaged: string; assigned: string }>(
      await t.handle.db.execute(sql`
        select (triaged_at = ${row.triaged_at}::timestamptz - interval '1 hour') as triaged,
          (first_assigned_at = ${row.triaged_at}::timestamptz - interval '1 hour') as assigned
        from interpretation_requests where id = ${row.id}`),
    );
    expect(after).toEqual({ triaged: true, assigned: true });
    const [check] = rowsOf<{ differ: number }>(
      await t.handle.db.execute(sql`
        select count(*)::int as differ from interpretation_requests r join (${firsts}) f on f.request_id = r.id
        where r.triaged_at is distinct from f.triaged_at or r.first_assigned_at is distinct from f.first_assigned_at`),
    );
    expect(check?.differ).toBe(0);
  });
});

describe('a month whose corrections exceed its spending', () => {
  it('is published with its real, negative figure: 200, and the same as a free period shows it', async () => {
    // Through the service a correction carries its original's date; one carried over from a
    // previous system (or a month's spending corrected after being moved) can land in a month of
    // its own. Written here directly: approved, in the first month of the year, larger than all
    // that month's spending.
    const first = `${year}-01`;
    const [spent] = rowsOf<{ cents: number }>(
      await t.handle.db.execute(sql`
        select coalesce(sum(amount_cents), 0)::bigint as cents from time_entries
        where status = 'approved' and worked_on between ${`${first}-01`}::date and ${`${first}-31`}::date`),
    );
    const correction = -(Number(spent?.cents) + entryCents);
    await t.handle.db.execute(sql`
      insert into time_entries (assignment_id, specialist_id, worked_on, minutes, activity, description, rate_cents, amount_cents, budget_year, budget_line_id,
        status, created_by, reviewed_by, reviewed_at, corrects_entry_id, correction_reason)
      select e.assignment_id, e.specialist_id, ${`${first}-15`}::date, -90, e.activity, 'Correctie overgenomen', e.rate_cents, ${correction}, e.budget_year,
        e.budget_line_id, 'approved', u.id, u.id, now(), e.id, 'Correctie overgenomen'
      from time_entries e, users u where e.id = ${entryId} and u.email = 'finance@duidingspool.example'`);
    for (const q of [`preset=year-end&year=${year}`, `from=${year}-01-01&to=${year}-01-31`, `from=${year}-01-02&to=${year}-01-30`]) {
      const res = await finance('GET', `/api/v1/reports?${q}`);
      expect(res.status, `${q}: ${JSON.stringify(res.body)}`).toBe(200);
      const report = res.body as Report;
      const january = table(report, 'money', 'spent-by-month').rows.find((r) => r.key === first);
      // The rule decides on the negative amount weighed as 0 and publishes the real figure.
      const cell = january?.cells[0];
      if (cell?.kind === 'value') expect(cell.value).toBeLessThan(0);
      if (q.startsWith('from=') && q.endsWith('-31')) {
        const [sum] = rowsOf<{ cents: number }>(
          await t.handle.db.execute(sql`
            select coalesce(sum(amount_cents), 0)::bigint as cents from time_entries
            where status = 'approved' and worked_on between ${`${first}-01`}::date and ${`${first}-31`}::date`),
        );
        expect(Number(sum?.cents)).toBeLessThan(0);
        if (cell?.kind === 'value') expect(cell.value).toBe(Number(sum?.cents));
      }
    }
    const csv = await finance('GET', `/api/v1/reports/export?preset=year-end&year=${year}&format=csv`);
    expect(csv.status).toBe(200);
  });
});
