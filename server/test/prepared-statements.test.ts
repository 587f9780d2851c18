// Every statement the app sends through drizzle is prepared on its connection (decision 072): after
// the same call runs twice, the connection holds named statements for the SQL it ran — also inside a
// transaction — and with `prepare: false` it holds none, not even for a query built once with
// drizzle's `.prepare(name)` (the session lookup and the list pages, decision 135). A list page
// built once per shape answers each request with that request's values, and each reader's rows only;
// logging hours, whose statements are built once too, works the same without prepare.
import { openDatabase, rowsOf, schema } from '@duidingspool/db';
import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { databaseUrl } from './database-urls.ts';
import { acceptedAssignment, createRequest, entryBody, firstCaseTable } from './fixtures.ts';
import { makeCaller, testConfig, useTestApp } from './harness.ts';

// One connection, so the statements the app prepared are visible to the query that lists them.
const t = useTestApp({ maxConnections: 1 });

/** The protocol-level prepared statements of the pool's one connection. */
async function preparedStatements(): Promise<string[]> {
  const rows = rowsOf<{ statement: string }>(await t.handle.db.execute(sql`select statement from pg_prepared_statements where not from_sql`));
  return rows.map((r) => r.statement);
}

describe('prepared statements', () => {
  it('names the statements of a read and of a write transaction, and reuses them on the next call', async () => {
    const [coordinator, requester, worker] = [await t.as('coordinator'), await t.as('requester.nijmegen'), await t.as('specialist2')];
    const { assignment } = await acceptedAssignment(requester, coordinator, worker, 2, 120);
    const log = () => worker('POST', `/api/v1/assignments/${assignment.id}/time-entries`, entryBody({ minutes: 15 }));
    expect((await log()).status).toBe(201);
    const afterFirst = await preparedStatements();
    expect((await log()).status).toBe(201);
    const afterSecond = await preparedStatements();
    // The time entry insert ran inside the write transaction and is now a named statement.
    expect(afterFirst.some((s) => /insert into "time_entries"/i.test(s))).toBe(true);
    // Every request's session lookup is one of them.
    expect(afterFirst.some((s) => /from "sessions" inner join "users"/i.test(s))).toBe(true);
    // The second identical call reused every statement: nothing new was prepared.
    expect(afterSecond.filter((s) => !afterFirst.includes(s))).toEqual([]);
  });
});

describe('list pages built once per shape', () => {
  it('reuse their statements for other values of the same filters and answer those values', async () => {
    const [coordinator, requester, worker, admin, finance] = [
      await t.as('coordinator'),
      await t.as('requester.nijmegen'),
      await t.as('specialist2'),
      await t.as('admin'),
      await t.as('finance'),
    ];
    const { assignment } = await acceptedAssignment(requester, coordinator, worker, 2, 120);
    const logged = await worker('POST', `/api/v1/assignments/${assignment.id}/time-entries`, entryBody({ minutes: 15 }));
    expect(logged.status).toBe(201);
    const year = String(logged.body.workedOn).slice(0, 4);
    const audit = (action: string) => admin('GET', `/api/v1/audit-events?action=${action}&pageSize=5`);
    const ledger = (status: string) => finance('GET', `/api/v1/budgets/${year}/ledger-entries?status=${status}`);

    const logins = await audit('login');
    const submitted = await ledger('submitted');
    const built = await preparedStatements();
    const logTimes = await audit('log-time');
    const approved = await ledger('approved');
    // The second values found the statements of the first: nothing new was prepared…
    expect((await preparedStatements()).filter((s) => !built.includes(s))).toEqual([]);
    expect(built.some((s) => /from "audit_events"/i.test(s))).toBe(true);
    // …and each answer holds its own values' rows only.
    expect(logins.body.items.length).toBeGreaterThan(0);
    expect(logins.body.items.every((e: { action: string }) => e.action === 'login')).toBe(true);
    expect(logTimes.body.items.every((e: { action: string }) => e.action === 'log-time')).toBe(true);
    expect(logTimes.body.items[0].objectId).toBe(logged.body.id);
    expect(submitted.body.items.map((e: { id: string }) => e.id)).toContain(logged.body.id);
    expect(approved.body.items.map((e: { id: string }) => e.id)).not.toContain(logged.body.id);
    expect(approved.body.items.every((e: { status: string }) => e.status === 'approved')).toBe(true);
  });
});

describe('the request list built once per shape of its reader', () => {
  it('shows each requester the requests of their own casustafels, whoever asked first', async () => {
    const [arnhem, zwolle] = [await t.as('requester.arnhem'), await t.as('requester.zwolle')];
    expect((await firstCaseTable(arnhem)).id).not.toBe((await firstCaseTable(zwolle)).id);
    const [ofArnhem, ofZwolle] = [await createRequest(arnhem), await createRequest(zwolle)];
    const ids = async (caller: typeof arnhem) =>
      (await caller('GET', '/api/v1/interpretation-requests?pageSize=100')).body.items.map((i: { id: string }) => i.id);
    for (let round = 0; round < 2; round++) {
      const [seenByArnhem, seenByZwolle] = [await ids(arnhem), await ids(zwolle)];
      expect(seenByArnhem).toContain(ofArnhem.id);
      expect(seenByArnhem).not.toContain(ofZwolle.id);
      expect(seenByZwolle).toContain(ofZwolle.id);
      expect(seenByZwolle).not.toContain(ofArnhem.id);
    }
  });
});

describe('the time-entry lists built once per shape of their reader', () => {
  it("show each specialist their own entries and the coordinator everyone's, whoever asked first", async () => {
    const [coordinator, requester, first, second] = [
      await t.as('coordinator'),
      await t.as('requester.ede'),
      await t.as('specialist3'),
      await t.as('specialist4'),
    ];
    const logOne = async (worker: typeof first, n: number) => {
      const { assignment } = await acceptedAssignment(requester, coordinator, worker, n, 120);
      const logged = await worker('POST', `/api/v1/assignments/${assignment.id}/time-entries`, entryBody({ minutes: 15 }));
      expect(logged.status).toBe(201);
      return logged.body.id as string;
    };
    const [ofFirst, ofSecond] = [await logOne(first, 3), await logOne(second, 4)];
    const ids = async (caller: typeof first) =>
      (await caller('GET', '/api/v1/time-entries?status=submitted&pageSize=100')).body.items.map((i: { id: string }) => i.id);
    for (let round = 0; round < 2; round++) {
      const [seenByFirst, seenBySecond, seenByCoordinator] = [await ids(first), await ids(second), await ids(coordinator)];
      expect(seenByFirst).toContain(ofFirst);
      expect(seenByFirst).not.toContain(ofSecond);
      expect(seenBySecond).toContain(ofSecond);
      expect(seenBySecond).not.toContain(ofFirst);
      expect(seenByCoordinator).toEqual(expect.arrayContaining([ofFirst, ofSecond]));
    }
  });
});

describe('without prepare', () => {
  const handles: { close(): Promise<void> }[] = [];
  afterAll(async () => {
    for (const h of handles) await h.close();
  });

  it("keeps none of the app's statements named on the connection", async () => {
    const handle = await openDatabase({ url: databaseUrl(t.databaseName), maxConnections: 1, prepare: false });
    handles.push(handle);
    await handle.db.execute(sql`select count(*) from users`);
    await handle.db.execute(sql`select count(*) from users`);
    const built = handle.db
      .select({ n: sql<number>`count(*)` })
      .from(schema.users)
      .where(eq(schema.users.isActive, sql.placeholder('active')))
      .prepare('active_users');
    await built.execute({ active: true });
    await built.execute({ active: true });
    // (postgres.js itself prepares its one query for the array types when it connects.)
    const rows = rowsOf<{ statement: string }>(await handle.db.execute(sql`select statement from pg_prepared_statements where not from_sql`));
    expect(rows.map((r) => r.statement).filter((s) => s.includes('users'))).toEqual([]);
  });

  it('serves the list pages built once per shape unnamed, with the right rows', async () => {
    const handle = await openDatabase({ url: databaseUrl(t.databaseName), maxConnections: 1, prepare: false });
    const app = await buildApp({ config: testConfig, db: handle.db }).catch(async (e) => {
      await handle.close();
      throw e;
    });
    // The app first, then its database.
    handles.push(app, handle);
    const admin = makeCaller(app, (await t.as('admin')).cookie);
    for (const action of ['login', 'login', 'no-such-action']) {
      const res = await admin('GET', `/api/v1/audit-events?action=${action}`);
      expect(res.status).toBe(200);
      expect(res.body.items.length > 0).toBe(action === 'login');
    }
    const rows = rowsOf<{ statement: string }>(await handle.db.execute(sql`select statement from pg_prepared_statements where not from_sql`));
    expect(rows.map((r) => r.statement).filter((s) => s.includes('audit_events') || s.includes('sessions'))).toEqual([]);
  });

  it('logs hours with the statements built once sent unnamed, one after the other, and answers as a later read', async () => {
    const handle = await openDatabase({ url: databaseUrl(t.databaseName), maxConnections: 1, prepare: false });
    const app = await buildApp({ config: testConfig, db: handle.db }).catch(async (e) => {
      await handle.close();
      throw e;
    });
    handles.push(app, handle);
    const [coordinator, requester] = [await t.as('coordinator'), await t.as('requester.nijmegen')];
    const worker = makeCaller(app, (await t.as('specialist5')).cookie);
    const { assignment } = await acceptedAssignment(requester, coordinator, worker, 5, 120);
    for (const minutes of [10, 20]) {
      const logged = await worker('POST', `/api/v1/assignments/${assignment.id}/time-entries`, entryBody({ minutes }));
      expect(logged.status, JSON.stringify(logged.body)).toBe(201);
      expect(logged.body.minutes).toBe(minutes);
      const listed = await worker('GET', `/api/v1/assignments/${assignment.id}/time-entries`);
      expect(listed.body.items.find((e: { id: string }) => e.id === logged.body.id)).toEqual(logged.body);
    }
    const rows = rowsOf<{ statement: string }>(await handle.db.execute(sql`select statement from pg_prepared_statements where not from_sql`));
    expect(rows.map((r) => r.statement).filter((s) => /time_entries|audit_events|specialist_day_minutes|inbox_items/.test(s))).toEqual([]);
  });
});
