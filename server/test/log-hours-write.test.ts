// Logging hours sends statements built once (decision 135): the month's lock with one read of all its
// checks need, then the notices, the audit event and one write — the same text for every request,
// each bound to that request's values — and answers from what it read and wrote. Checked here: a
// statement built once answers each call with its own values, on the pool and in a transaction;
// the answer equals a later read, for two specialists in turn (the second reusing the first's
// statements); a refused write leaves nothing behind; and the same on the embedded database.
import { type DatabaseHandle, DEMO_DOMAIN, DEMO_PASSWORD, openDatabase, rowsOf, schema, type Transaction } from '@duidingspool/db';
import { defaultModeOf, NotificationModeSchema } from '@duidingspool/shared';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { seedDemoDatabase } from '../src/demo-seed.ts';
import { builtStatement } from '../src/lib/built-statement.ts';
import { DEFAULT_WORKING_HOURS } from '../src/lib/working-time.ts';
import { enqueueForRoles, enqueueNotification } from '../src/modules/notifications/index.ts';
import { acceptedAssignment, budget, entryBody, expectProblem, today } from './fixtures.ts';
import { type Caller, makeCaller, testConfig, useTestApp } from './harness.ts';

const t = useTestApp();

describe('a statement built once', () => {
  it('is rendered on its first use only and answers each call with that call’s values, on the pool and in a transaction', async () => {
    let builds = 0;
    const echo = builtStatement<{ n: number; s: string }>('echo', () => {
      builds++;
      return sql`select ${sql.placeholder('n')}::integer as n, ${sql.placeholder('s')}::text as s`;
    });
    expect(builds).toBe(0);
    expect(await echo(t.handle.db, { n: 1, s: 'een' })).toEqual([{ n: 1, s: 'een' }]);
    expect(await t.handle.db.transaction((tx) => echo(tx, { n: 2, s: 'twee' }))).toEqual([{ n: 2, s: 'twee' }]);
    expect(await echo(t.handle.db, { n: 3, s: 'drie' })).toEqual([{ n: 3, s: 'drie' }]);
    expect(builds).toBe(1);
    await expect(echo(t.handle.db, { n: 4 })).rejects.toThrow(/placeholder/i);
  });
});

/** The entry `id` as the assignment's entry list shows it to `caller`. */
async function readEntry(caller: Caller, assignmentId: string, id: string) {
  const res = await caller('GET', `/api/v1/assignments/${assignmentId}/time-entries?pageSize=100`);
  expect(res.status).toBe(200);
  return res.body.items.find((e: { id: string }) => e.id === id);
}

describe('logging hours', () => {
  it('answers the entry exactly as a later read shows it, each specialist with their own values', async () => {
    const [coordinator, requester, admin] = [await t.as('coordinator'), await t.as('requester.nijmegen'), await t.as('admin')];
    const cases = [
      { worker: await t.as('specialist2'), n: 2, body: entryBody({ minutes: 25, activity: 'case-file-study', description: 'Dossierstudie gedaan' }) },
      { worker: await t.as('specialist3'), n: 3, body: entryBody({ minutes: 40, activity: 'case-table-meeting', description: 'Overleg aan de casustafel' }) },
    ];
    for (const { worker, n, body } of cases) {
      const { request, assignment } = await acceptedAssignment(requester, coordinator, worker, n, 120);
      const before = await budget(coordinator);
      const logged = await worker('POST', `/api/v1/assignments/${assignment.id}/time-entries`, body);
      expect(logged.status, JSON.stringify(logged.body)).toBe(201);
      expect(logged.body).toMatchObject({ ...body, assignmentId: assignment.id, requestId: request.id, status: 'submitted' });
      expect(logged.body).toEqual(await readEntry(worker, assignment.id, logged.body.id));
      // What the write moved: the year's reservation became pending by the entry's amount.
      const after = await budget(coordinator);
      expect(after.pendingCents - before.pendingCents).toBe(logged.body.amountCents);
      expect(before.reservedCents - after.reservedCents).toBe(logged.body.amountCents);
      const now = await worker('GET', `/api/v1/assignments/${assignment.id}`);
      expect(now.body.loggedMinutes).toBe(body.minutes);
      expect(now.body.reservedCents).toBe(assignment.reservedCents - logged.body.amountCents);
      // The audit event names the entry with this request's values; the coordinator's inbox has it.
      const events = await admin('GET', '/api/v1/audit-events?action=log-time&pageSize=5');
      expect(events.body.items[0]).toMatchObject({ objectId: logged.body.id, result: 'success' });
      expect(events.body.items[0].details).toEqual({ assignmentId: assignment.id, minutes: body.minutes, amountCents: logged.body.amountCents });
      const inbox = await coordinator('GET', '/api/v1/me/inbox-items?pageSize=5');
      expect(inbox.body.items[0]).toMatchObject({ event: 'time-entry-submitted', reference: request.reference, linkPath: '/hours' });
    }
  });

  it('leaves nothing behind when the day or the estimate refuses, and names what is left', async () => {
    const [coordinator, requester, worker] = [await t.as('coordinator'), await t.as('requester.nijmegen'), await t.as('specialist4')];
    const { assignment } = await acceptedAssignment(requester, coordinator, worker, 4, 1500);
    const small = await acceptedAssignment(requester, coordinator, worker, 4, 30);
    const day = today();
    const dayTotal = async () => {
      const [row] = await t.handle.db
        .select({ minutes: schema.specialistDayMinutes.minutes })
        .from(schema.specialistDayMinutes)
        .innerJoin(schema.specialists, eq(schema.specialists.id, schema.specialistDayMinutes.specialistId))
        .innerJoin(schema.users, eq(schema.users.id, schema.specialists.userId))
        .where(and(eq(schema.users.email, `specialist4@${DEMO_DOMAIN}`), eq(schema.specialistDayMinutes.workedOn, day)));
      return row?.minutes ?? 0;
    };
    const start = await dayTotal();
    const log = (id: string, minutes: number) => worker('POST', `/api/v1/assignments/${id}/time-entries`, entryBody({ workedOn: day, minutes }));
    expect((await log(assignment.id, 1000 - start)).status).toBe(201);
    const before = await budget(coordinator);
    // The estimate refuses: the day's minutes and the money stay as they were.
    const overEstimate = await log(small.assignment.id, 40);
    expectProblem(overEstimate, 409, 'estimate-exceeded');
    expect(overEstimate.body.remainingMinutes).toBe(30);
    expect(await dayTotal()).toBe(1000);
    // The day refuses: neither the assignment nor the budget moved.
    const overDay = await log(assignment.id, 500);
    expectProblem(overDay, 409, 'day-limit-exceeded');
    expect(overDay.body.remainingMinutes).toBe(440);
    expect(await dayTotal()).toBe(1000);
    expect((await worker('GET', `/api/v1/assignments/${assignment.id}`)).body.loggedMinutes).toBe(1000 - start);
    expect(await budget(coordinator)).toEqual(before);
    const entries = rowsOf<{ n: number }>(
      await t.handle.db.execute(sql`select count(*)::int as n from time_entries where assignment_id in (${assignment.id}, ${small.assignment.id})`),
    );
    expect(entries[0]?.n).toBe(1);
  });
});

describe('logging hours on the embedded database', () => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  beforeAll(async () => {
    handle = await openDatabase({});
    await handle.migrate();
    await handle.db.transaction((tx) => seedDemoDatabase(tx));
    app = await buildApp({ config: testConfig, db: handle.db });
    await app.ready();
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  const as = async (local: string) => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { email: `${local}@${DEMO_DOMAIN}`, password: DEMO_PASSWORD } });
    const cookie = res.cookies.find((c) => c.name === 'dp_session');
    if (!cookie) throw new Error(`login ${local} failed: ${res.statusCode}`);
    return makeCaller(app, `dp_session=${cookie.value}`);
  };

  it('answers the entry as a later read shows it, and refuses the estimate as on PostgreSQL', async () => {
    const [coordinator, requester, worker] = [await as('coordinator'), await as('requester.nijmegen'), await as('specialist2')];
    const { assignment } = await acceptedAssignment(requester, coordinator, worker, 2, 60);
    const logged = await worker('POST', `/api/v1/assignments/${assignment.id}/time-entries`, entryBody({ minutes: 45 }));
    expect(logged.status, JSON.stringify(logged.body)).toBe(201);
    expect(logged.body).toEqual(await readEntry(worker, assignment.id, logged.body.id));
    const refused = await worker('POST', `/api/v1/assignments/${assignment.id}/time-entries`, entryBody({ minutes: 30 }));
    expectProblem(refused, 409, 'estimate-exceeded');
    expect(refused.body.remainingMinutes).toBe(15);
    const events = await (await as('admin'))('GET', '/api/v1/audit-events?action=log-time&pageSize=1');
    expect(events.body.items[0]).toMatchObject({ objectId: logged.body.id, details: { assignmentId: assignment.id, minutes: 45 } });
  });
});

describe('the notices of logged hours', () => {
  // `enqueueForRoles` is `enqueueNotification` with `recipients: { roles }` in one statement built
  // once: for every preference a recipient can hold (none, and each mode), both write the same
  // inbox items and outbox rows, apart from the ids and message ids each makes anew.
  it.each([null, ...NotificationModeSchema.options])('write the same rows as enqueueNotification, for coordinators whose preference is %s', async (mode) => {
    const db = t.handle.db;
    const event = 'time-entry-submitted' as const;
    const coordinators = (await db.select({ id: schema.userRoles.userId }).from(schema.userRoles).where(eq(schema.userRoles.role, 'coordinator'))).map(
      (r) => r.id,
    );
    expect(coordinators.length).toBeGreaterThan(0);
    // A Friday evening: a digest waits for Monday's start, so the parked time is not the enqueue's own.
    const ctx = { publicUrl: 'https://pool.duidingspool.example', now: () => new Date('2026-11-27T18:00:00Z'), workingHours: DEFAULT_WORKING_HOURS };
    const input = { event, reference: 'DP-2026-9999', linkPath: '/hours' };
    const written = async (write: (tx: Transaction) => Promise<unknown>) => {
      let rows: unknown;
      await db
        .transaction(async (tx) => {
          await tx.delete(schema.notificationPreferences).where(eq(schema.notificationPreferences.event, event));
          if (mode) await tx.insert(schema.notificationPreferences).values(coordinators.map((userId) => ({ userId, event, mode })));
          await write(tx);
          const byReference = (table: typeof schema.notifications | typeof schema.inboxItems) => eq(table.reference, input.reference);
          const notices = await tx.select().from(schema.notifications).where(byReference(schema.notifications));
          const inbox = await tx.select().from(schema.inboxItems).where(byReference(schema.inboxItems));
          const sorted = <T extends Record<string, unknown>>(list: T[], key: keyof T) => list.sort((a, b) => String(a[key]).localeCompare(String(b[key])));
          rows = {
            notices: sorted(
              notices.map(({ id: _id, messageId: _messageId, ...rest }) => rest),
              'recipientUserId',
            ),
            inbox: sorted(
              inbox.map(({ id: _id, ...rest }) => rest),
              'userId',
            ),
          };
          throw new RolledBack();
        })
        .catch((error) => {
          if (!(error instanceof RolledBack)) throw error;
        });
      return rows as { notices: unknown[]; inbox: unknown[] };
    };
    const generic = await written((tx) => enqueueNotification(tx, ctx, { ...input, recipients: { roles: ['coordinator'] } }));
    const built = await written((tx) => enqueueForRoles(tx, ctx, { ...input, roles: ['coordinator'] }));
    expect(built).toEqual(generic);
    expect(generic.inbox).toHaveLength(coordinators.length);
    expect(generic.notices).toHaveLength((mode ?? defaultModeOf(event)) === 'off' ? 0 : coordinators.length);
  });
});

/** Thrown to roll a transaction back once its rows are read. */
class RolledBack extends Error {}
