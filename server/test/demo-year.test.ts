// The living demo (decision 087): the demo year seeded through the domain services into a fresh
// Postgres database holds what a newcomer should see, derived from the rows themselves.
import { ASSIGNMENT_STATUSES, EXTENSION_STATUSES, findPersonalData, REQUEST_STATUSES, TIME_ENTRY_STATUSES, yearOf } from '@duidingspool/shared';
import { describe, expect, it } from 'vitest';
import { DEMO_YEAR_DAYS, seedDemoYear } from '../src/demo-year.ts';
import { testConfig, useTestApp } from './harness.ts';

const ctx = useTestApp();
// A fixed instant late in the current year (the template's budget is this year's): the same demo every run.
const now = new Date(`${new Date().getUTCFullYear()}-11-17T15:00:00Z`);
const settings = {
  publicUrl: testConfig.publicUrl,
  encryptionKey: testConfig.encryptionKey,
  retentionCaseMonths: testConfig.retentionCaseMonths,
  workingHours: testConfig.workingHours,
};

const rows = async <T>(query: string): Promise<T[]> => (await ctx.handle.db.execute(query)) as unknown as T[];
const counts = async () =>
  (
    await rows<Record<string, number>>(`select
      (select count(*)::int from interpretation_requests) as requests,
      (select count(*)::int from request_status_events) as events,
      (select count(*)::int from assignments) as assignments,
      (select count(*)::int from time_entries) as entries,
      (select count(*)::int from extension_requests) as extensions,
      (select count(*)::int from advice) as advice,
      (select count(*)::int from closed_periods) as closed_periods`)
  )[0];

describe('the demo year', () => {
  let first: Awaited<ReturnType<typeof seedDemoYear>>;

  it('seeds through the services in a few seconds', async () => {
    const started = performance.now();
    first = await seedDemoYear(ctx.handle.db, settings, { now });
    const seconds = (performance.now() - started) / 1000;
    console.log(`demo year on Postgres: ${seconds.toFixed(2)} s, ${first.requests} requests, ${first.timeEntries} time entries`);
    expect(first.requests).toBeGreaterThan(0);
    expect(seconds).toBeLessThan(30);
  });

  it('has a request in every status, on all six casustafels', async () => {
    const statuses = await rows<{ status: string }>('select distinct status from interpretation_requests');
    expect(statuses.map((s) => s.status).sort()).toEqual([...REQUEST_STATUSES].sort());
    const [tables] = await rows<{ used: number; all: number }>(
      'select (select count(distinct case_table_id)::int from interpretation_requests) as used, (select count(*)::int from case_tables) as all',
    );
    expect(tables?.all).toBe(6);
    expect(tables?.used).toBe(tables?.all);
  });

  it('has accepted and declined proposals, approved, rejected and pending hours, advice and extension requests of every kind', async () => {
    const kinds = await rows<{ kind: string }>(`
      select distinct 'assignment:' || status as kind from assignments
      union select distinct 'entry:' || status from time_entries
      union select distinct 'extension:' || status from extension_requests
      union select 'advice' from advice`);
    const expected = [
      ...ASSIGNMENT_STATUSES.map((x) => `assignment:${x}`),
      ...TIME_ENTRY_STATUSES.map((x) => `entry:${x}`),
      ...EXTENSION_STATUSES.map((x) => `extension:${x}`),
      'advice',
    ];
    expect(kinds.map((k) => k.kind).sort()).toEqual(expected.sort());
  });

  it('closes at least one month, with no undecided hours in it', async () => {
    const closed = await rows<{ month: string; undecided: number }>(`
      select p.month, (select count(*)::int from time_entries e where to_char(e.worked_on, 'YYYY-MM') = p.month and e.status = 'submitted') as undecided
      from closed_periods p`);
    expect(closed.length).toBeGreaterThan(0);
    expect(closed.map((c) => c.month).sort()).toEqual([...first.closedMonths].sort());
    expect(closed.every((c) => c.undecided === 0)).toBe(true);
  });

  // The demo's work charges the pool's line, the year's default (decision 094): the share is of that line.
  it('commits between 30 and 50 % of the current year’s pool line', async () => {
    const [budget] = await rows<{ allocated: number; committed: number }>(
      `select allocated_cents::float8 as allocated, (reserved_cents + pending_cents + spent_cents)::float8 as committed from budget_lines where is_default and year = ${yearOf(now.toISOString().slice(0, 10))}`,
    );
    const share = (budget?.committed ?? 0) / (budget?.allocated ?? 1);
    console.log(`demo year budget use: ${(share * 100).toFixed(1)} %`);
    expect(share).toBeGreaterThan(0.3);
    expect(share).toBeLessThan(0.5);
  });

  it('dates its history over the past year, never after now, from the service clock', async () => {
    const [span] = await rows<{ oldest: string; newest: string; late: number }>(`
      select min(occurred_at)::text as oldest, max(occurred_at)::text as newest,
        (select count(*)::int from time_entries where created_at > '${now.toISOString()}' or reviewed_at > '${now.toISOString()}') as late
      from request_status_events`);
    const oldestDaysAgo = (now.getTime() - Date.parse(span?.oldest ?? '')) / 86_400_000;
    expect(oldestDaysAgo).toBeGreaterThan(DEMO_YEAR_DAYS * 0.9);
    expect(oldestDaysAgo).toBeLessThan(DEMO_YEAR_DAYS + 15);
    expect(Date.parse(span?.newest ?? '')).toBeLessThanOrEqual(now.getTime());
    expect(span?.late).toBe(0);
    // A closed request's timeline: submitted before assigned before closed, days apart.
    const [closed] = await rows<{ days: number }>(`
      select (extract(epoch from (r.closed_at - r.submitted_at)) / 86400)::float8 as days from interpretation_requests r where r.status = 'closed' order by r.created_at limit 1`);
    expect(closed?.days).toBeGreaterThan(7);
    // Pool references are handed out in the order the requests were submitted (a draft has none yet).
    const order = await rows<{ reference: string }>(
      'select reference from interpretation_requests where reference is not null order by submitted_at, reference',
    );
    expect(order.map((o) => o.reference)).toEqual(order.map((o) => o.reference).sort());
  });

  it('gives most closed requests feedback through the domain service, after their closing and before now', async () => {
    const [fb] = await rows<{ closed: number; given: number; misplaced: number }>(`
      select (select count(*)::int from interpretation_requests where status = 'closed') as closed,
        count(f.id)::int as given,
        count(*) filter (where f.given_at < r.closed_at or f.given_at > '${now.toISOString()}')::int as misplaced
      from request_feedback f join interpretation_requests r on r.id = f.request_id`);
    expect(fb?.given).toBeGreaterThanOrEqual(5);
    expect(fb?.given).toBeLessThan(fb?.closed ?? 0);
    expect(fb?.misplaced).toBe(0);
  });

  it('leaves no mail of the year waiting: the outbox reads as sent back then', async () => {
    const [outbox] = await rows<{ sent: number; waiting: number; late: number }>(`
      select count(*) filter (where status = 'sent')::int as sent, count(*) filter (where status = 'pending')::int as waiting,
        count(*) filter (where sent_at > '${now.toISOString()}' or created_at > '${now.toISOString()}')::int as late
      from notifications`);
    expect(outbox?.sent).toBeGreaterThan(first.requests);
    expect(outbox?.waiting).toBe(0);
    expect(outbox?.late).toBe(0);
  });

  it('starts its users with only the last week of their inbox unread, each older item read a day after it came', async () => {
    const weekAgo = new Date(now.getTime() - 7 * 86_400_000).toISOString();
    const [inbox] = await rows<{ items: number; oldUnread: number; recentUnread: number; recent: number; misread: number }>(`
      select count(*)::int as items,
        count(*) filter (where read_at is null and created_at < '${weekAgo}')::int as "oldUnread",
        count(*) filter (where created_at >= '${weekAgo}')::int as recent,
        count(*) filter (where read_at is null and created_at >= '${weekAgo}')::int as "recentUnread",
        count(*) filter (where read_at is not null and created_at < '${weekAgo}' and read_at <> created_at + interval '1 day')::int as misread
      from inbox_items`);
    expect(inbox?.items).toBeGreaterThan(first.requests);
    expect(inbox?.oldUnread).toBe(0);
    expect(inbox?.recentUnread).toBe(inbox?.recent);
    expect(inbox?.misread).toBe(0);
  });

  it('holds no text the personal-data guard refuses', async () => {
    const texts = await rows<{ text: string }>(`
      select case_reference as text from interpretation_requests
      union all select question from interpretation_requests
      union all select context from interpretation_requests where context is not null
      union all select reason from request_status_events where reason is not null
      union all select summary from advice union all select body from advice
      union all select description from time_entries
      union all select reject_reason from time_entries where reject_reason is not null
      union all select reason from extension_requests
      union all select decision_reason from extension_requests where decision_reason is not null
      union all select decline_reason from assignments where decline_reason is not null`);
    expect(texts.length).toBeGreaterThan(100);
    const flagged = texts.filter((t) => findPersonalData(t.text).length > 0).map((t) => t.text);
    expect(flagged).toEqual([]);
  });

  it('writes nothing the second time', async () => {
    const before = await counts();
    const again = await seedDemoYear(ctx.handle.db, settings, { now });
    expect(again.requests).toBe(0);
    expect(await counts()).toEqual(before);
  });
});
