// Lists flat in data size (decision 071): the total is counted up to LIST_TOTAL_CAP and then
// reported as "more than", and deep pages go by an opaque cursor (`after`). Every expectation comes
// from the rule, computed from the rows in the database: walking by cursor returns every row exactly
// once in the list's order, also when rows are inserted between pages.
import { LIST_TOTAL_CAP } from '@duidingspool/shared';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { acceptedAssignment, expectProblem, pointers } from './fixtures.ts';
import { type Caller, useTestApp } from './harness.ts';

const t = useTestApp();
let coordinator: Caller;
let requester: Caller;
let sp2: Caller;
let assignmentId: string;

const rows = async <T>(query: ReturnType<typeof sql>) => (await t.handle.db.execute(query)) as unknown as T[];

/** Adds `n` submitted requests in bulk; every third shares its submission and creation time with the next (ties for the id). */
async function addRequests(n: number, tag: string, minutesAgo: number) {
  await t.handle.db.execute(sql`
    insert into interpretation_requests (reference, case_table_id, municipality_id, case_reference, question, urgency, deliverable, status, created_by, created_at, submitted_at)
    select ${tag} || '-' || g, m.case_table_id, m.municipality_id, ${tag} || '-' || g, 'Lijstvraag', 'regular', 'written-advice', 'submitted',
           (select id from users where email like 'coordinator@%' limit 1),
           now() - make_interval(mins => ${minutesAgo} + g / 3), now() - make_interval(mins => ${minutesAgo} + g / 3)
    from generate_series(1, ${n}::int) g
    cross join (select case_table_id, municipality_id from case_table_municipalities order by case_table_id, municipality_id limit 1) m`);
}

/** Ids of the requests the coordinator sees (all but drafts), in the `-submittedAt` order by the rule: submitted desc (missing last), created desc, id. */
async function expectedRecentIds(): Promise<string[]> {
  const all = await rows<{ id: string; s: string | null; c: string }>(sql`
    select id::text, to_char(submitted_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') as s, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') as c
    from interpretation_requests where status <> 'draft'`);
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return all.sort((x, y) => (x.s === y.s ? 0 : x.s === null ? 1 : y.s === null ? -1 : -cmp(x.s, y.s)) || -cmp(x.c, y.c) || cmp(x.id, y.id)).map((r) => r.id);
}

/** Every item of `url` walked by cursor, `pageSize` at a time; `between` runs after each page. */
async function walk(caller: Caller, url: string, pageSize: number, between?: (pageNo: number) => Promise<void>) {
  const ids: string[] = [];
  let after: string | undefined;
  for (let pageNo = 1; pageNo < 500; pageNo++) {
    const sep = url.includes('?') ? '&' : '?';
    const res = await caller('GET', `${url}${sep}pageSize=${pageSize}${after ? `&after=${after}` : ''}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    ids.push(...res.body.items.map((i: { id: string }) => i.id));
    after = res.body.nextCursor;
    if (after === undefined) return ids;
    await between?.(pageNo);
  }
  throw new Error('no last page');
}

beforeAll(async () => {
  [coordinator, requester, sp2] = await Promise.all([t.as('coordinator'), t.as('requester.nijmegen'), t.as('specialist2')]);
  ({
    assignment: { id: assignmentId },
  } = await acceptedAssignment(requester, coordinator, sp2, 2, 60));
  await addRequests(LIST_TOTAL_CAP + 50, 'LIST', 10);
});

describe('the total of a list', () => {
  it('is the cap with `totalIsLowerBound` when more rows than the cap match, and the exact count otherwise', async () => {
    const [{ n } = { n: 0 }] = await rows<{ n: number }>(sql`select count(*)::int as n from interpretation_requests where status <> 'draft'`);
    expect(n).toBeGreaterThan(LIST_TOTAL_CAP);
    const all = await coordinator('GET', '/api/v1/interpretation-requests?pageSize=20');
    expect(all.status).toBe(200);
    expect([all.body.total, all.body.totalIsLowerBound]).toEqual([LIST_TOTAL_CAP, true]);

    const [{ n: few } = { n: 0 }] = await rows<{ n: number }>(
      sql`select count(*)::int as n from interpretation_requests where status = 'assigned' or status = 'in-progress'`,
    );
    expect(few).toBeLessThan(LIST_TOTAL_CAP);
    const some = await coordinator('GET', '/api/v1/interpretation-requests?pageSize=1&status=assigned,in-progress');
    expect(some.body.total).toBe(few);
    expect(some.body).not.toHaveProperty('totalIsLowerBound');
  });

  it('of the approvals queue is capped the same way', async () => {
    await t.handle.db.execute(sql`
      insert into time_entries (assignment_id, specialist_id, worked_on, minutes, activity, description, rate_cents, amount_cents, budget_year, budget_line_id, status, created_by)
      select a.id, a.specialist_id, current_date - (g % 20), 1, (select code from activities order by code limit 1), 'Lijst', a.rate_cents, 0, a.budget_year, a.budget_line_id, 'submitted', a.proposed_by
      from generate_series(1, ${LIST_TOTAL_CAP + 5}::int) g cross join assignments a where a.id = ${assignmentId}`);
    const res = await coordinator('GET', '/api/v1/time-entries?status=submitted&pageSize=5');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect([res.body.total, res.body.totalIsLowerBound]).toEqual([LIST_TOTAL_CAP, true]);
  });
});

describe('paging by cursor', () => {
  it('walks the requests list: every row exactly once, in the list order', async () => {
    const expected = await expectedRecentIds();
    const ids = await walk(coordinator, '/api/v1/interpretation-requests?sort=-submittedAt', 97);
    expect(ids).toEqual(expected);
  });

  it('walks every request order the list offers, each the same rows as paging by number', async () => {
    for (const sort of ['submittedAt', 'urgency', 'reference', '-reference', 'status', 'meetingDate', '-meetingDate']) {
      const byCursor = await walk(coordinator, `/api/v1/interpretation-requests?sort=${sort}`, 100);
      const byNumber: string[] = [];
      for (let p = 1; byNumber.length < byCursor.length + 1; p++) {
        const res = await coordinator('GET', `/api/v1/interpretation-requests?sort=${sort}&pageSize=100&page=${p}`);
        byNumber.push(...res.body.items.map((i: { id: string }) => i.id));
        if (res.body.items.length < 100) break;
      }
      expect(byCursor, sort).toEqual(byNumber);
      expect(new Set(byCursor).size, sort).toBe(byCursor.length);
    }
  });

  it('keeps every row exactly once and in order when rows are inserted between pages', async () => {
    const before = new Set(await expectedRecentIds());
    const ids = await walk(coordinator, '/api/v1/interpretation-requests', 100, async (pageNo) => {
      // Newer rows (they sort before the cursor) and older ones (after it: each batch older than every row before) arrive while paging.
      await addRequests(5, `NEW${pageNo}`, 0);
      await addRequests(5, `OLD${pageNo}`, 100_000 + pageNo * 10);
    });
    const order = await expectedRecentIds();
    const position = new Map(order.map((id, i) => [id, i]));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of before) expect(ids).toContain(id);
    const positions = ids.map((id) => position.get(id) ?? -1);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    // The older rows inserted while paging sort after every cursor, so the walk reaches them all.
    const [{ n: old } = { n: 0 }] = await rows<{ n: number }>(sql`select count(*)::int as n from interpretation_requests where reference like 'OLD%'`);
    expect(ids.length).toBe(before.size + old);
  });

  it('walks the approvals queue: every waiting entry once, newest work first, id as tiebreaker', async () => {
    const expected = (
      await rows<{ id: string }>(sql`select id::text from time_entries where status = 'submitted' order by worked_on desc, created_at desc, id asc`)
    ).map((r) => r.id);
    expect(expected.length).toBeGreaterThan(LIST_TOTAL_CAP);
    expect(await walk(coordinator, '/api/v1/time-entries?status=submitted', 100)).toEqual(expected);
  });

  it('walks every other list that seeks the same as paging by number: assignments, entries, ledger, audit log, outbox, users', async () => {
    const [admin, finance] = await Promise.all([t.as('admin'), t.as('finance')]);
    await t.handle.db.execute(sql`
      insert into notifications (event, recipient_user_id, recipient_email, reference, status, created_at)
      select 'request-submitted', u.id, u.email, 'LIST-' || g, 'sent', now() - make_interval(secs => g / 2)
      from generate_series(1, 40) g cross join (select id, email from users order by email limit 1) u`);
    // Declined proposals on the bulk requests, two to a second: ties for the id tiebreaker.
    await t.handle.db.execute(sql`
      insert into assignments (request_id, specialist_id, status, estimated_minutes, rate_cents, reserved_cents, budget_year, budget_line_id, proposed_by, proposed_at, responded_at, closed_at, close_cause)
      select r.id, a.specialist_id, 'declined', 60, a.rate_cents, 0, a.budget_year, a.budget_line_id, a.proposed_by, date_trunc('second', now()) - make_interval(secs => g / 2), now(), now(), 'declined'
      from generate_series(1, 30) g
      join (select id, row_number() over (order by reference) as k from interpretation_requests where reference like 'LIST-%') r on r.k = g
      cross join assignments a where a.id = ${assignmentId}`);
    const lists: [Caller, string][] = [
      [coordinator, '/api/v1/assignments'],
      [coordinator, '/api/v1/time-entries'],
      [finance, `/api/v1/budgets/${new Date().getFullYear()}/ledger-entries?status=submitted`],
      [admin, '/api/v1/audit-events'],
      [admin, '/api/v1/notifications'],
      [admin, '/api/v1/users'],
    ];
    for (const [caller, url] of lists) {
      const byCursor = await walk(caller, url, 7);
      const byNumber: string[] = [];
      for (let p = 1; p < 1000; p++) {
        const res = await caller('GET', `${url}${url.includes('?') ? '&' : '?'}pageSize=7&page=${p}`);
        expect(res.status, `${url} ${JSON.stringify(res.body)}`).toBe(200);
        byNumber.push(...res.body.items.map((i: { id: string }) => i.id));
        if (res.body.items.length < 7) break;
      }
      expect(byCursor.length, url).toBeGreaterThan(7);
      expect(byCursor, url).toEqual(byNumber);
    }
  });

  it('refuses a cursor that is not one this list and order answered, with a clear error', async () => {
    const first = await coordinator('GET', '/api/v1/interpretation-requests?pageSize=5&sort=-submittedAt');
    const cursor: string = first.body.nextCursor;
    const otherOrder = await coordinator('GET', `/api/v1/interpretation-requests?pageSize=5&sort=submittedAt&after=${cursor}`);
    expectProblem(otherOrder, 400, 'validation-failed');
    expect(pointers(otherOrder)).toEqual(['/after']);
    const otherList = await coordinator('GET', `/api/v1/time-entries?pageSize=5&after=${cursor}`);
    expectProblem(otherList, 400, 'validation-failed');
    const tampered = Buffer.from(JSON.stringify({ s: 'requests:-submittedAt', v: ['2026-02-31T00:00:00Z', '2026-01-01T00:00:00Z', 'x'] })).toString(
      'base64url',
    );
    for (const after of ['bm90IGpzb24', tampered, 'a'.repeat(2001), 'abc%20def']) {
      const res = await coordinator('GET', `/api/v1/interpretation-requests?pageSize=5&after=${after}`);
      expectProblem(res, 400, 'validation-failed');
    }
  });
});
