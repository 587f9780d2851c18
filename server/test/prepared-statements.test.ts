// Every statement the app sends through drizzle is prepared on its connection (decision 072): after
// the same call runs twice, the connection holds named statements for the SQL it ran — also inside a
// transaction — and with `prepare: false` it holds none, not even for a query built once with
// drizzle's `.prepare(name)` (the session lookup, decision 135).
import { openDatabase, rowsOf, schema } from '@duidingspool/db';
import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { databaseUrl } from './database-urls.ts';
import { acceptedAssignment, entryBody } from './fixtures.ts';
import { useTestApp } from './harness.ts';

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
});
