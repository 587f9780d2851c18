// Messages on a request (decision 110): one thread per request under the request's need-to-know,
// internal notes for coordinators and the specialists holding it, the personal-data guard, read
// receipts and unread counts, a mail that carries only the reference, purge with the request.
import { schema } from '@duidingspool/db';
import { MESSAGE_MAX_LENGTH } from '@duidingspool/shared';
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { runRetention } from '../src/modules/retention/retention.service.ts';
import { acceptedAssignment, createRequest, expectProblem, pointers } from './fixtures.ts';
import { type Caller, useTestApp } from './harness.ts';

const t = useTestApp();

let requester: Caller;
let otherRequester: Caller;
let coordinator: Caller;
let worker: Caller;
let otherSpecialist: Caller;
let finance: Caller;
let request: { id: string; reference: string };
let assignmentId: string;

const url = (id = request.id) => `/api/v1/interpretation-requests/${id}/messages`;

/** Rows in request_messages, to show that a refusal wrote nothing. */
async function messageCount(): Promise<number> {
  const [row] = await t.handle.db.select({ n: sql<number>`count(*)::int` }).from(schema.requestMessages);
  return row?.n ?? 0;
}

beforeAll(async () => {
  requester = await t.as('requester.apeldoorn');
  otherRequester = await t.as('requester.hengelo');
  coordinator = await t.as('coordinator');
  worker = await t.as('specialist4');
  otherSpecialist = await t.as('specialist6');
  finance = await t.as('finance');
  const made = await acceptedAssignment(requester, coordinator, worker, 4, 600);
  request = made.request;
  assignmentId = made.assignment.id;
});

describe('a thread per request', () => {
  it('lets the casustafel, the coordinator and the assigned specialist write and read each other', async () => {
    const a = await requester('POST', url(), { body: 'Kunt u het gesprek van donderdag bijwonen?' });
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    expect(a.body).toMatchObject({ authorRole: 'requester', own: true, internal: false, readBy: [] });
    const b = await worker('POST', url(), { body: 'Ja, ik kom om 10 uur.' });
    expect(b.status).toBe(201);
    expect(b.body.authorRole).toBe('specialist');
    const c = await coordinator('POST', url(), { body: 'Prima, ik zet het in de agenda.' });
    expect(c.status).toBe(201);

    const thread = await requester('GET', url());
    expect(thread.status).toBe(200);
    expect(thread.body.items.map((m: { body: string }) => m.body)).toEqual([
      'Kunt u het gesprek van donderdag bijwonen?',
      'Ja, ik kom om 10 uur.',
      'Prima, ik zet het in de agenda.',
    ]);
    expect(thread.body.allowedActions).toEqual(['post']);
    // Writing reads the thread: the specialist and the coordinator have read the first message.
    expect(thread.body.items[0].readBy.length).toBe(2);
    expect(thread.body.items[2].readBy).toEqual([]);
  });

  it('audits every read of the thread, allowed and refused', async () => {
    const before = await t.handle.db
      .select({ n: sql<number>`count(*)::int` })
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.objectType, 'request-messages'), eq(schema.auditEvents.objectId, request.id)));
    await coordinator('GET', url());
    await otherRequester('GET', url());
    const after = await t.handle.db
      .select({ result: schema.auditEvents.result })
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.objectType, 'request-messages'), eq(schema.auditEvents.objectId, request.id)));
    expect(after.length).toBe((before[0]?.n ?? 0) + 2);
    expect(after.map((x) => x.result)).toEqual(expect.arrayContaining(['success', 'denied']));
  });

  it('answers 404 to a member of another casustafel and an unassigned specialist, and writes nothing', async () => {
    const before = await messageCount();
    for (const caller of [otherRequester, otherSpecialist]) {
      expectProblem(await caller('GET', url()), 404, 'not-found');
      expectProblem(await caller('POST', url(), { body: 'Mag ik meelezen?' }), 404, 'not-found');
    }
    expect((await finance('GET', url())).status).toBe(403);
    expect(await messageCount()).toBe(before);
  });
});

describe('internal notes', () => {
  it('are seen by the coordinators and the assigned specialist, never by the casustafel', async () => {
    const note = await coordinator('POST', url(), { body: 'Intern: let op de planning van de specialist.', internal: true });
    expect(note.status).toBe(201);
    expect(note.body.internal).toBe(true);
    expect((await worker('GET', url())).body.items.some((m: { internal: boolean }) => m.internal)).toBe(true);
    const asTable = await requester('GET', url());
    expect(asTable.body.items.some((m: { internal: boolean; body: string }) => m.internal || m.body.startsWith('Intern'))).toBe(false);
    // Nor are they counted as unread for the casustafel.
    const unread = await requester('GET', '/api/v1/me/unread-messages');
    expect(unread.body.items.find((x: { requestId: string }) => x.requestId === request.id)).toBeUndefined();
  });

  it('cannot be written by a requester (403), and nothing is written', async () => {
    const before = await messageCount();
    expectProblem(await requester('POST', url(), { body: 'Een notitie.', internal: true }), 403, 'forbidden');
    expect(await messageCount()).toBe(before);
  });
});

describe('bad input writes nothing', () => {
  it('refuses personal data with 422 on /body', async () => {
    const before = await messageCount();
    const res = await requester('POST', url(), { body: 'Bel de moeder op 06-12345678.' });
    expectProblem(res, 422, 'personal-data-detected');
    expect(pointers(res)).toEqual(['/body']);
    expect(await messageCount()).toBe(before);
  });

  it('refuses 100,000 characters (the limit is MESSAGE_MAX_LENGTH) and an empty message with 400', async () => {
    const before = await messageCount();
    expectProblem(await requester('POST', url(), { body: 'a'.repeat(100_000) }), 400, 'validation-failed');
    expectProblem(await requester('POST', url(), { body: 'a'.repeat(MESSAGE_MAX_LENGTH + 1) }), 400, 'validation-failed');
    expectProblem(await requester('POST', url(), { body: '   ' }), 400, 'validation-failed');
    expect(await messageCount()).toBe(before);
    expect((await requester('POST', url(), { body: 'a'.repeat(MESSAGE_MAX_LENGTH) })).status).toBe(201);
  });

  it('refuses a message on a draft with 409', async () => {
    const draft = await createRequest(requester, { submit: false });
    expectProblem(await requester('POST', url(draft.id), { body: 'Nog een vraag.' }), 409, 'invalid-transition');
  });
});

describe('unread counts and read receipts', () => {
  it('counts the messages of others since the reader last read, per request, and reading clears them', async () => {
    await requester('GET', url());
    await worker('GET', url());
    await worker('POST', url(), { body: 'Een update van de specialist.' });
    await worker('POST', url(), { body: 'En nog een.' });
    const unread = await requester('GET', '/api/v1/me/unread-messages');
    expect(unread.status).toBe(200);
    expect(unread.body.items.find((x: { requestId: string }) => x.requestId === request.id)).toMatchObject({ reference: request.reference, unread: 2 });
    // The author never counts their own messages.
    expect((await worker('GET', '/api/v1/me/unread-messages')).body.items.find((x: { requestId: string }) => x.requestId === request.id)).toBeUndefined();
    await requester('GET', url());
    expect((await requester('GET', '/api/v1/me/unread-messages')).body.items.find((x: { requestId: string }) => x.requestId === request.id)).toBeUndefined();
    // The specialist now sees that the casustafel's member read their last message.
    const asWorker = await worker('GET', url());
    const last = asWorker.body.items.at(-1);
    const [member] = await t.handle.db
      .select({ name: schema.users.displayName })
      .from(schema.users)
      .where(eq(schema.users.email, 'requester.apeldoorn@duidingspool.example'));
    expect(last.readBy).toContain(member?.name);
  });
});

describe('mail', () => {
  it('tells the other participants there is a new message on the reference, without its text, and not the author', async () => {
    const n = schema.notifications;
    const text = 'Bijzonder woord zeppelinvaart in het bericht.';
    const earlier = (await t.handle.db.select({ id: n.id }).from(n)).map((x) => x.id);
    const res = await requester('POST', url(), { body: text });
    expect(res.status).toBe(201);
    const rows = (
      await t.handle.db
        .select()
        .from(n)
        .where(and(eq(n.event, 'message-posted'), eq(n.reference, request.reference)))
    ).filter((x) => !earlier.includes(x.id));
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain('zeppelinvaart');
    expect(rows.every((r) => r.linkPath === `/requests/${request.id}#berichten`)).toBe(true);
    expect(rows.some((r) => r.recipientEmail === 'requester.apeldoorn@duidingspool.example')).toBe(false);
    expect(rows.some((r) => r.recipientEmail === 'specialist4@duidingspool.example')).toBe(true);
    expect(rows.some((r) => r.recipientEmail === 'specialist6@duidingspool.example')).toBe(false);
  });
});

describe('after the assignment', () => {
  it('an ended assignment holds nothing: its specialist gets 404', async () => {
    const made = await acceptedAssignment(requester, coordinator, worker, 4, 60);
    expect((await worker('POST', url(made.request.id), { body: 'Voor het einde.' })).status).toBe(201);
    const ended = await coordinator('POST', `/api/v1/assignments/${made.assignment.id}/end`, { reason: 'Andere specialist nodig.' });
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    expectProblem(await worker('GET', url(made.request.id)), 404, 'not-found');
    expectProblem(await worker('POST', url(made.request.id), { body: 'Na het einde.' }), 404, 'not-found');
  });

  it('a request closed with the accepted assignment: the specialist reads only (403), the casustafel writes no more (409)', async () => {
    const made = await acceptedAssignment(requester, coordinator, worker, 4, 60);
    await worker('POST', url(made.request.id), { body: 'Tijdens het werk.' });
    const advice = await worker('POST', `/api/v1/interpretation-requests/${made.request.id}/advice`, { summary: 'Kern', body: 'Advies.' });
    expect(advice.status).toBe(201);
    expect((await requester('PATCH', `/api/v1/interpretation-requests/${made.request.id}`, { status: 'closed' })).status).toBe(200);
    const read = await worker('GET', url(made.request.id));
    expect(read.status).toBe(200);
    expect(read.body.allowedActions).toEqual([]);
    expect(read.body.items.length).toBe(1);
    expectProblem(await worker('POST', url(made.request.id), { body: 'Achteraf.' }), 403, 'forbidden');
    expectProblem(await requester('POST', url(made.request.id), { body: 'Achteraf.' }), 409, 'invalid-transition');
  });
});

describe('retention', () => {
  it('purges the messages with the case content, then deletes them with the request', async () => {
    const made = await acceptedAssignment(requester, coordinator, worker, 4, 60);
    await requester('POST', url(made.request.id), { body: 'Te vergeten bericht.' });
    await worker('GET', url(made.request.id));
    await worker('POST', `/api/v1/interpretation-requests/${made.request.id}/advice`, { summary: 'Kern', body: 'Advies.' });
    expect((await requester('PATCH', `/api/v1/interpretation-requests/${made.request.id}`, { status: 'closed' })).status).toBe(200);
    const r = schema.interpretationRequests;
    const m = schema.requestMessages;
    await t.handle.db
      .update(r)
      .set({ closedAt: sql`now() - interval '13 months'` as never })
      .where(eq(r.id, made.request.id));
    await runRetention(t.handle.db, { retentionCaseMonths: 12, retentionLedgerYears: 7 });
    expect((await t.handle.db.select({ body: m.body }).from(m).where(eq(m.requestId, made.request.id))).map((x) => x.body)).toEqual(['']);
    await t.handle.db
      .update(r)
      .set({ closedAt: sql`now() - interval '8 years'` as never })
      .where(eq(r.id, made.request.id));
    await runRetention(t.handle.db, { retentionCaseMonths: 12, retentionLedgerYears: 7 });
    expect(await t.handle.db.select().from(m).where(eq(m.requestId, made.request.id))).toEqual([]);
    const rd = schema.requestMessageReads;
    expect(await t.handle.db.select().from(rd).where(eq(rd.requestId, made.request.id))).toEqual([]);
    expect(assignmentId).toBeTruthy();
  });
});
