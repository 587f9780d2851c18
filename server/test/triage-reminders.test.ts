// Issue 16, deliverable 3: the triage reminder job is set-based. One run is a constant number of
// statements whatever the number of waiting requests (counted on the test's own postgres.js
// connection through its `debug` hook), a run with nothing to do is one statement, and two
// instances running it at the same time write every reminder once.
import { type Database, schema } from '@duidingspool/db';
import { and, count, eq, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { beforeAll, describe, expect, it } from 'vitest';
import { runTriageReminders } from '../src/modules/interpretation-requests/index.ts';
import { databaseUrl } from './database-urls.ts';
import { createRequest } from './fixtures.ts';
import { testConfig, useTestApp } from './harness.ts';

const t = useTestApp();

/** A database connection of its own that counts the statements it sends. */
function countingConnection() {
  const counter = { statements: 0 };
  const client = postgres(databaseUrl(t.databaseName), { max: 1, onnotice: () => {}, debug: () => counter.statements++ });
  const db = drizzle(client, { schema }) as unknown as Database;
  return { db, counter, end: () => client.end({ timeout: 5 }) };
}

// A month later every waiting request is overdue, urgent or not.
const later = () => ({ ...testConfig, now: () => new Date(Date.now() + 30 * 86_400_000) });

let template: { id: string };
let bulk = 0;

/** Adds `n` submitted requests (copies of the template request, each with its submission event). */
async function addWaiting(n: number) {
  const from = bulk + 1;
  bulk += n;
  await t.handle.db.execute(sql`
    with made as (
      insert into interpretation_requests (reference, case_table_id, municipality_id, case_reference, question, context, urgency, deliverable, status, created_by, submitted_at)
      select 'BULK-' || g, r.case_table_id, r.municipality_id, r.case_reference, r.question, r.context,
        case when g % 3 = 0 then 'urgent' else 'regular' end, r.deliverable, 'submitted', r.created_by, now()
      from interpretation_requests r, generate_series(${from}::int, ${bulk}::int) g
      where r.id = ${template.id}
      returning id, created_by
    )
    insert into request_status_events (request_id, from_status, to_status, actor_id, actor_role)
    select id, null, 'submitted', created_by, 'requester' from made`);
}

/** Reminder rows that should exist: every waiting request times every active coordinator. */
async function expectedReminders(): Promise<number> {
  const [waiting] = await t.handle.db.select({ n: count() }).from(schema.interpretationRequests).where(eq(schema.interpretationRequests.status, 'submitted'));
  const [coordinators] = await t.handle.db
    .select({ n: sql<number>`count(distinct ${schema.users.id})` })
    .from(schema.users)
    .innerJoin(schema.userRoles, eq(schema.userRoles.userId, schema.users.id))
    .where(and(eq(schema.userRoles.role, 'coordinator'), eq(schema.users.isActive, true)));
  return Number(waiting?.n) * Number(coordinators?.n);
}

async function remindersWritten(): Promise<number> {
  const [row] = await t.handle.db.select({ n: count() }).from(schema.notifications).where(eq(schema.notifications.event, 'triage-reminder'));
  return Number(row?.n);
}

/** Statements of one run, and the rows it wrote. */
async function measuredRun(): Promise<{ statements: number; written: number }> {
  const c = countingConnection();
  try {
    await c.db.execute(sql`select 1`); // the connection's own start-up is not the job's
    c.counter.statements = 0;
    const written = await runTriageReminders(c.db, later());
    return { statements: c.counter.statements, written };
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  template = await createRequest(await t.as('requester.arnhem'));
});

describe('the triage reminder run', () => {
  it('costs the same number of statements with 5 or 5,000 waiting requests, and one statement when there is nothing to do', async () => {
    await addWaiting(4);
    const small = await measuredRun();
    expect(await remindersWritten()).toBe(await expectedReminders());
    expect(small.written).toBe(await expectedReminders());

    const idle = await measuredRun();
    expect(idle).toEqual({ statements: 1, written: 0 });

    const before = await remindersWritten();
    await addWaiting(4_995);
    const large = await measuredRun();
    expect(large.written).toBe((await expectedReminders()) - before);
    expect(await remindersWritten()).toBe(await expectedReminders());
    expect(large.statements).toBe(small.statements);

    expect(await measuredRun()).toEqual({ statements: 1, written: 0 });
  }, 60_000);

  it('two instances at the same time write every reminder once', async () => {
    await addWaiting(500);
    const before = await remindersWritten();
    const [a, b] = [countingConnection(), countingConnection()];
    try {
      const written = await Promise.all([runTriageReminders(a.db, later()), runTriageReminders(b.db, later())]);
      // Together they wrote exactly the missing reminders (the loser of the lock writes nothing).
      expect(written[0] + written[1]).toBe((await expectedReminders()) - before);
      expect(await remindersWritten()).toBe(await expectedReminders());
    } finally {
      await a.end();
      await b.end();
    }
  }, 60_000);
});
