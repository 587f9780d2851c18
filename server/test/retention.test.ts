// The two retention clocks (docs/design.md §6) over a request that went through everything: extension
// requests, a correction, a rejection, a declined proposal. Purging reads the one declaration of a
// request's data (REQUEST_DATA); a request whose purge fails is logged, counted and retried later,
// and never holds up the requests after it.
import { REQUEST_DATA, type RequestDataTable, schema } from '@duidingspool/db';
import { eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { runRetention } from '../src/modules/retention/retention.service.ts';
import { type Caller, useTestApp } from './harness.ts';
import { type LifecycleActors, markedLifecycle } from './lifecycle-fixture.ts';

const t = useTestApp();
let actors: LifecycleActors;
let coordinator: Caller;
const settings = { retentionCaseMonths: 12, retentionLedgerYears: 7 };

beforeAll(async () => {
  const [requester, c, sp1, sp2] = await Promise.all([t.as('requester.arnhem'), t.as('coordinator'), t.as('specialist1'), t.as('specialist2')]);
  coordinator = c;
  actors = { requester, coordinator, sp1, sp2 };
});

const closedAgo = (ids: string[], interval: string) =>
  t.handle.db
    .update(schema.interpretationRequests)
    .set({ closedAt: sql`now() - ${interval}::interval` as never })
    .where(inArray(schema.interpretationRequests.id, ids));

/** Every row of every table in the database as text, for a search that trusts no declaration. */
async function databaseText(): Promise<string> {
  const tables = (await t.handle.db.execute(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
  )) as unknown as {
    table_name: string;
  }[];
  const parts: string[] = [];
  for (const { table_name } of tables) {
    const rows = (await t.handle.db.execute(sql`select row_to_json(x)::text as j from ${sql.identifier(table_name)} x`)) as unknown as { j: string }[];
    parts.push(...rows.map((r) => `${table_name}: ${r.j}`));
  }
  return parts.join('\n');
}

/** The rows of declared table `d` that belong to one of `requestIds` (REQUEST_DATA's owner columns). */
function ownedBy(d: RequestDataTable, requestIds: string[]) {
  const a = schema.assignments;
  return d.owner.kind === 'self'
    ? inArray(schema.interpretationRequests.id, requestIds)
    : d.owner.kind === 'request'
      ? inArray(d.owner.column, requestIds)
      : sql`${d.owner.column} in (select ${a.id} from ${a} where ${inArray(a.requestId, requestIds)})`;
}

const tableName = (d: RequestDataTable) => getTableConfig(d.table).name;

/** Rows each table holds for `requestId`, keyed by table name. */
async function rowsPerTable(requestId: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const d of REQUEST_DATA) {
    const [row] = await t.handle.db
      .select({ n: sql<number>`count(*)::int` })
      .from(d.table)
      .where(ownedBy(d, [requestId]));
    out[tableName(d)] = row?.n ?? 0;
  }
  return out;
}

/** The budget rows and the running totals behind the budget page (decision 010): what a purge never changes. */
async function totals() {
  const db = t.handle.db;
  return {
    budgets: await db.select().from(schema.budgets).orderBy(schema.budgets.year),
    day: await db.select().from(schema.ledgerDayTotals).orderBy(schema.ledgerDayTotals.budgetYear, schema.ledgerDayTotals.workedOn),
    group: (await db.select().from(schema.ledgerGroupTotals)).map((g) => JSON.stringify(g)).sort(),
    expertise: (await db.select().from(schema.ledgerExpertiseTotals)).map((g) => JSON.stringify(g)).sort(),
    api: (await coordinator('GET', '/api/v1/budgets')).body,
  };
}

function capture() {
  const lines: string[] = [];
  return { lines, log: { warn: (obj: object, msg?: string) => lines.push(JSON.stringify({ ...obj, msg })) } };
}

describe('retention of a request with extension requests, a correction and every kind of reason', () => {
  it('purges every case-content column after 12 months: the marker is nowhere in the database, and no total changes', async () => {
    const MARKER = 'Zoekmerk12maanden';
    const { closed, ended } = await markedLifecycle(actors, MARKER);
    // The lifecycle put the marker into every column the declaration calls case content.
    for (const d of REQUEST_DATA) {
      for (const [name, column] of Object.entries(getTableColumns(d.table))) {
        if (!(name in d.caseContent)) continue;
        const [row] = await t.handle.db
          .select({ n: sql<number>`count(*)::int` })
          .from(d.table)
          .where(sql`${ownedBy(d, [closed, ...ended])} and ${column} like ${`%${MARKER}%`}`);
        expect(row?.n, `${tableName(d)}.${name}`).toBeGreaterThan(0);
      }
    }
    await closedAgo([closed, ...ended], '12 months 1 day');
    const before = await totals();

    const result = await runRetention(t.handle.db, settings);
    expect(result).toEqual({ contentPurged: 1 + ended.length, ledgerPurged: 0, failed: 0 });
    expect(await databaseText()).not.toContain(MARKER);
    expect(await totals()).toEqual(before);

    // What is left is what the declaration says a purge leaves, and the rows themselves stay.
    const [x] = await t.handle.db
      .select()
      .from(schema.extensionRequests)
      .innerJoin(schema.assignments, eq(schema.assignments.id, schema.extensionRequests.assignmentId))
      .where(eq(schema.assignments.requestId, closed))
      .limit(1);
    expect(x?.extension_requests).toMatchObject({ reason: '', status: 'granted', decisionReason: null });
    const entries = await t.handle.db
      .select()
      .from(schema.timeEntries)
      .innerJoin(schema.assignments, eq(schema.assignments.id, schema.timeEntries.assignmentId))
      .where(eq(schema.assignments.requestId, closed));
    expect(
      entries.map((e) => [e.time_entries.minutes, e.time_entries.description, e.time_entries.rejectReason, e.time_entries.correctionReason]).sort(),
    ).toEqual(
      [
        [-15, '', null, ''],
        [30, '', null, null],
        [45, '', null, null],
      ].sort(),
    );
    const res = await actors.requester('GET', `/api/v1/interpretation-requests/${closed}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ caseReference: '', question: '', context: null, status: 'closed' });
    expect(res.body.timeline.every((e: { reason: string | null }) => e.reason === null)).toBe(true);
  });

  it('deletes every row of the request after 7 years, and the budget and its running totals stay as they were', async () => {
    const { closed, ended } = await markedLifecycle(actors, 'Zoekmerk7jaar');
    // The requests really have rows in every table of the declaration, the extension requests and a
    // training's reach included (the closed request holds all but the reach, which only a session has).
    const held = await rowsPerTable(closed);
    const training = await rowsPerTable(ended.at(-1) as string);
    for (const [table, n] of Object.entries(held)) expect(n + (table === 'request_reach' ? (training[table] ?? 0) : 0), table).toBeGreaterThan(0);
    await closedAgo([closed, ...ended], '7 years 1 day');
    const before = await totals();

    const result = await runRetention(t.handle.db, settings);
    expect(result.failed).toBe(0);
    expect(result.ledgerPurged).toBe(1 + ended.length);
    for (const id of [closed, ...ended]) {
      expect(Object.values(await rowsPerTable(id)).every((n) => n === 0)).toBe(true);
    }
    expect(await totals()).toEqual(before);
    expect(await databaseText()).not.toContain('Zoekmerk7jaar');
  });
});

describe('a request whose purge fails', () => {
  it('is logged, counted and retried later in the 7-year purge, and the requests after it are still purged', async () => {
    const blocked = await markedLifecycle(actors, 'Blokkade7jaar');
    const next = await markedLifecycle(actors, 'Volgende7jaar');
    await closedAgo([blocked.closed], '7 years 2 days');
    await closedAgo([next.closed], '7 years 1 day');
    // A row the declaration does not know keeps the first request (claimed first) from being deleted.
    await t.handle.db.execute(sql`create table retention_blocker (request_id uuid references interpretation_requests(id))`);
    await t.handle.db.execute(sql`insert into retention_blocker values (${blocked.closed})`);
    try {
      const { lines, log } = capture();
      const first = await runRetention(t.handle.db, { ...settings, retentionCaseMonths: 120 }, log);
      expect(first).toEqual({ contentPurged: 0, ledgerPurged: 1, failed: 1 });
      expect(Object.values(await rowsPerTable(next.closed)).every((n) => n === 0)).toBe(true);
      const [row] = await t.handle.db.select().from(schema.interpretationRequests).where(eq(schema.interpretationRequests.id, blocked.closed));
      expect(row).toMatchObject({ retentionFailures: 1, retentionLastError: expect.stringContaining('23503') });
      expect(row?.retentionRetryAt?.getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(blocked.closed);
      expect(lines[0]).toContain('retention purge failed');

      // Not tried again before its time: the next run does nothing and fails nothing.
      expect(await runRetention(t.handle.db, { ...settings, retentionCaseMonths: 120 }, log)).toEqual({ contentPurged: 0, ledgerPurged: 0, failed: 0 });
    } finally {
      await t.handle.db.execute(sql`drop table retention_blocker`);
    }
    // Once its time has come (and the cause is gone) it is purged.
    await t.handle.db
      .update(schema.interpretationRequests)
      .set({ retentionRetryAt: sql`now() - interval '1 second'` as never })
      .where(eq(schema.interpretationRequests.id, blocked.closed));
    expect((await runRetention(t.handle.db, { ...settings, retentionCaseMonths: 120 })).ledgerPurged).toBe(1);
    expect((await rowsPerTable(blocked.closed)).interpretation_requests).toBe(0);
  });

  it('is logged without its message in the 12-month purge, and the requests after it are still purged', async () => {
    const blocked = await markedLifecycle(actors, 'Blokkade12m');
    const next = await markedLifecycle(actors, 'Volgende12m');
    await closedAgo([blocked.closed], '13 months');
    await closedAgo([next.closed], '12 months 1 day');
    // A trigger that refuses the purge of one request's advice, with case text in its error message.
    await t.handle.db.execute(
      sql.raw(`create function retention_block() returns trigger language plpgsql as $$ begin
        if new.request_id = '${blocked.closed}' then raise exception 'weigert Blokkade12m'; end if; return new; end $$`),
    );
    await t.handle.db.execute(sql`create trigger retention_block before update on advice for each row execute function retention_block()`);
    try {
      const { lines, log } = capture();
      const result = await runRetention(t.handle.db, settings, log);
      expect(result).toEqual({ contentPurged: 1, ledgerPurged: 0, failed: 1 });
      const rows = await t.handle.db
        .select()
        .from(schema.interpretationRequests)
        .where(inArray(schema.interpretationRequests.id, [blocked.closed, next.closed]));
      const byId = new Map(rows.map((r) => [r.id, r]));
      expect(byId.get(next.closed)?.contentPurgedAt).not.toBeNull();
      expect(byId.get(next.closed)?.question).toBe('');
      // The failed purge rolled back as a whole: nothing of the blocked request was emptied.
      expect(byId.get(blocked.closed)).toMatchObject({ contentPurgedAt: null, question: 'Vraag Blokkade12m', retentionFailures: 1 });
      expect(lines).toHaveLength(1);
      expect(lines.join('\n')).not.toContain('Blokkade12m');
    } finally {
      await t.handle.db.execute(sql`drop trigger retention_block on advice`);
      await t.handle.db.execute(sql`drop function retention_block()`);
    }
    await t.handle.db
      .update(schema.interpretationRequests)
      .set({ retentionRetryAt: sql`now()` as never })
      .where(eq(schema.interpretationRequests.id, blocked.closed));
    expect(await runRetention(t.handle.db, settings)).toEqual({ contentPurged: 1, ledgerPurged: 0, failed: 0 });
    const [row] = await t.handle.db.select().from(schema.interpretationRequests).where(eq(schema.interpretationRequests.id, blocked.closed));
    expect(row).toMatchObject({ question: '', retentionFailures: 0, retentionRetryAt: null, retentionLastError: null });
  });
});
