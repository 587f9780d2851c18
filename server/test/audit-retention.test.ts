// The audit log (append-only, written in the transaction of the change, reads of case content,
// filters and CSV export) and the two retention clocks (docs/design.md §6).
import { openDatabase, schema } from '@duidingspool/db';
import { eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { runRetention } from '../src/modules/retention/retention.service.ts';
import { databaseUrl } from './database-urls.ts';
import { budgetRow, setAllocated } from './db-helpers.ts';
import { acceptedAssignment, createRequest, entryBody, expectProblem, specialist, thisYear } from './fixtures.ts';
import { type Caller, useTestApp } from './harness.ts';

const t = useTestApp();
let coordinator: Caller;
let requester: Caller;
let sp1: Caller;
let admin: Caller;

const QUESTION = 'Welke betekenis hebben de symbolen op de tas van betrokkene?';

beforeAll(async () => {
  [coordinator, requester, sp1, admin] = await Promise.all([t.as('coordinator'), t.as('requester.arnhem'), t.as('specialist1'), t.as('admin')]);
});

const eventsFor = (objectId: string) => t.handle.db.select().from(schema.auditEvents).where(eq(schema.auditEvents.objectId, objectId));

describe('audit log', () => {
  it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
    for (const statement of [sql`update audit_events set result = 'success'`, sql`delete from audit_events`, sql`truncate audit_events`]) {
      await expect(t.handle.db.execute(statement)).rejects.toThrow();
    }
    const [row] = await t.handle.db.select({ n: sql<number>`count(*)::int` }).from(schema.auditEvents);
    expect(row?.n).toBeGreaterThan(0);
  });

  it('records a read of case content with actor, action, object, result and origin; a refused read as denied', async () => {
    const request = await createRequest(requester, { question: QUESTION });
    const read = await t.app.inject({
      method: 'GET',
      url: `/api/v1/interpretation-requests/${request.id}`,
      headers: { cookie: coordinator.cookie, 'user-agent': 'auditproef/1.0' },
      remoteAddress: '198.51.100.23',
    });
    expect(read.statusCode).toBe(200);
    const other = await t.as('requester.zwolle');
    expectProblem(await other('GET', `/api/v1/interpretation-requests/${request.id}`), 404, 'not-found');
    const events = await eventsFor(request.id);
    const me = (await coordinator('GET', '/api/v1/me')).body;
    expect(events.find((e) => e.action === 'create')).toMatchObject({ result: 'success', objectType: 'interpretation-request' });
    expect(events.find((e) => e.action === 'read' && e.result === 'success')).toMatchObject({
      actorId: me.id,
      objectType: 'interpretation-request',
      ip: '198.51.100.23',
      userAgent: 'auditproef/1.0',
    });
    expect(events.filter((e) => e.action === 'read' && e.result === 'denied')).toHaveLength(1);
    // The audit log holds no case content.
    expect(JSON.stringify(events)).not.toContain(QUESTION);
  });

  it('writes the audit event in the transaction of the change: a refused change leaves no success event', async () => {
    const request = await createRequest(requester);
    const sp = await specialist(coordinator, 2);
    const year = thisYear();
    const before = await budgetRow(t.handle, year);
    await setAllocated(t.handle, year, before.reservedCents + before.pendingCents + before.spentCents + 100);
    try {
      const res = await coordinator('POST', `/api/v1/interpretation-requests/${request.id}/assignments`, {
        specialistId: sp.id,
        estimatedMinutes: 600,
        overrideReason: 'Vaste keuze van de test',
      });
      expectProblem(res, 409, 'budget-exceeded');
    } finally {
      await setAllocated(t.handle, year, before.allocatedCents);
    }
    const events = await eventsFor(request.id);
    expect(events.filter((e) => e.action !== 'create' && e.result === 'success')).toEqual([]);
  });

  it('lists with filters for coordinator and admin, and exports CSV safe for spreadsheets', async () => {
    const request = await createRequest(requester);
    await coordinator('GET', `/api/v1/interpretation-requests/${request.id}`);
    const list = await admin('GET', `/api/v1/audit-events?objectId=${request.id}&action=read&result=success`);
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(1);
    expect(list.body.items[0]).toMatchObject({ action: 'read', objectId: request.id, actorName: 'Fatima el Amrani' });
    const today = new Date().toISOString().slice(0, 10);
    expect((await coordinator('GET', `/api/v1/audit-events?fromDate=2000-01-01&toDate=2000-12-31`)).body.total).toBe(0);
    expect((await coordinator('GET', `/api/v1/audit-events?fromDate=${today}&objectId=${request.id}`)).body.total).toBeGreaterThan(0);
    expectProblem(await coordinator('GET', '/api/v1/audit-events?fromDate=2019-02-30'), 400, 'validation-failed');

    // A value that a spreadsheet would run as a formula is escaped in the export.
    await t.handle.db.insert(schema.auditEvents).values({ action: 'read', objectType: 'proef', objectId: '=HYPERLINK("x")', result: 'success' });
    const csv = await admin('GET', '/api/v1/audit-events/export?objectType=proef');
    expect(csv.status).toBe(200);
    expect(String(csv.headers['content-type'])).toMatch(/^text\/csv/);
    expect(String(csv.headers['content-disposition'])).toMatch(/attachment; filename="auditlog-/);
    const text = typeof csv.body === 'string' ? csv.body : JSON.stringify(csv.body);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('id;tijdstip;actor_id');
    expect(text).toContain(`'=HYPERLINK`);
    // The export itself is audited.
    const exports = await t.handle.db.select().from(schema.auditEvents).where(eq(schema.auditEvents.action, 'export'));
    expect(exports.length).toBeGreaterThan(0);
  });
});

describe('retention', () => {
  /** Closes a request of specialist1 with approved hours and advice; answers its id. */
  async function closedRequestWithHours() {
    const { request, assignment } = await acceptedAssignment(requester, coordinator, sp1, 1, 120);
    const entry = await sp1('POST', `/api/v1/assignments/${assignment.id}/time-entries`, entryBody({ minutes: 45, description: 'Dossierstudie symboliek' }));
    expect(entry.status).toBe(201);
    expect((await coordinator('PATCH', `/api/v1/time-entries/${entry.body.id}`, { status: 'approved' })).status).toBe(200);
    expect(
      (await sp1('POST', `/api/v1/interpretation-requests/${request.id}/advice`, { summary: 'Kern', body: 'Symbolen passen bij een subcultuur.' })).status,
    ).toBe(201);
    expect((await requester('PATCH', `/api/v1/interpretation-requests/${request.id}`, { status: 'closed' })).status).toBe(200);
    return request.id;
  }

  const closedAgo = (ids: string[], interval: string) =>
    t.handle.db
      .update(schema.interpretationRequests)
      .set({ closedAt: sql`now() - ${interval}::interval` as never })
      .where(inArray(schema.interpretationRequests.id, ids));

  /** Budget figures and the sums of the stored entries: what a purge must not change. */
  async function totals() {
    const budgets = await t.handle.db.select().from(schema.budgets).orderBy(schema.budgets.year);
    const [entries] = await t.handle.db
      .select({ n: sql<string>`coalesce(sum(amount_cents), 0)::text`, m: sql<string>`coalesce(sum(minutes), 0)::text` })
      .from(schema.timeEntries);
    return { budgets, entries, api: (await coordinator('GET', '/api/v1/budgets')).body };
  }

  it('shows the purge date of a closed request, and lets the requester read the advice before it', async () => {
    const id = await closedRequestWithHours();
    const res = await requester('GET', `/api/v1/interpretation-requests/${id}`);
    expect(res.body.advice.body).toContain('subcultuur');
    expect(res.body.contentPurgedAt).toBeNull();
    const expected = new Date();
    expected.setUTCFullYear(expected.getUTCFullYear() + 1);
    expect(res.body.contentPurgeDate.slice(0, 4)).toBe(String(expected.getUTCFullYear()));
  });

  it('purges case content 12 months after closing, on two instances at once without doing work twice, and changes no total', async () => {
    const due = [await closedRequestWithHours(), await closedRequestWithHours(), await closedRequestWithHours()];
    const recent = await closedRequestWithHours();
    const open = (await createRequest(requester, { question: QUESTION })).id;
    await closedAgo(due, '12 months 1 day');
    await closedAgo([recent], '11 months');
    const before = await totals();

    // A second instance: its own connection pool on the same database.
    const other = await openDatabase({ url: databaseUrl(t.databaseName), maxConnections: 2 });
    try {
      const settings = { retentionCaseMonths: 12, retentionLedgerYears: 7 };
      const [a, b] = await Promise.all([runRetention(t.handle.db, settings), runRetention(other.db, settings)]);
      expect(a.contentPurged + b.contentPurged).toBe(3);
    } finally {
      await other.close();
    }
    for (const id of due) {
      const purges = (await eventsFor(id)).filter((e) => e.action === 'purge-content');
      expect(purges).toHaveLength(1);
      expect(purges[0]).toMatchObject({ actorId: null, result: 'success' });
      const res = await requester('GET', `/api/v1/interpretation-requests/${id}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ question: '', context: null, caseReference: '', status: 'closed' });
      expect(res.body.advice).toMatchObject({ summary: '', body: '' });
      expect(res.body.contentPurgedAt).not.toBeNull();
      expect(res.body.reference).toMatch(/^DP-\d{4}-\d{4}$/);
      const entries = await coordinator('GET', `/api/v1/assignments/${res.body.assignments[0].id}/time-entries`);
      expect(entries.body.items[0]).toMatchObject({ description: '', minutes: 45, status: 'approved' });
    }
    for (const id of [recent, open]) {
      const res = await requester('GET', `/api/v1/interpretation-requests/${id}`);
      expect(res.body.question.length).toBeGreaterThan(0);
      expect(res.body.contentPurgedAt).toBeNull();
    }
    expect(await totals()).toEqual(before);
    // A second run finds nothing left to do.
    expect(await runRetention(t.handle.db, { retentionCaseMonths: 12, retentionLedgerYears: 7 })).toEqual({ contentPurged: 0, ledgerPurged: 0, failed: 0 });
  });

  it('deletes the ledger of a request 7 years after closing, and the budget figures stay as they were', async () => {
    const old = await closedRequestWithHours();
    const younger = await closedRequestWithHours();
    await closedAgo([old], '7 years 1 day');
    await closedAgo([younger], '6 years 11 months');
    const before = await totals();
    const result = await runRetention(t.handle.db, { retentionCaseMonths: 12, retentionLedgerYears: 7 });
    expect(result.ledgerPurged).toBe(1);
    expect(await t.handle.db.select().from(schema.interpretationRequests).where(eq(schema.interpretationRequests.id, old))).toEqual([]);
    expect(await t.handle.db.select().from(schema.assignments).where(eq(schema.assignments.requestId, old))).toEqual([]);
    expect((await eventsFor(old)).filter((e) => e.action === 'purge-ledger')).toHaveLength(1);
    const young = await coordinator('GET', `/api/v1/interpretation-requests/${younger}`);
    expect(young.status).toBe(200);
    const after = await totals();
    expect(after.budgets).toEqual(before.budgets);
    expect(after.api).toEqual(before.api);
  });
});
