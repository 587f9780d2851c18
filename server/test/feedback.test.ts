// Results feedback on a closed request (docs/design.md §10): once, by a requester of the
// casustafel, seen by the specialist who did the work and the coordinator; the comment passes the
// personal-data guard; one reminder after 5 working days through the outbox, without content.
import { schema } from '@duidingspool/db';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { latestDueInstant } from '../src/lib/working-time.ts';
import { runFeedbackReminders } from '../src/modules/interpretation-requests/index.ts';
import { acceptedAssignment, expectProblem } from './fixtures.ts';
import { type Caller, testConfig, useTestApp } from './harness.ts';

const t = useTestApp();
let requester: Caller;
let other: Caller;
let coordinator: Caller;
let worker: Caller;
let finance: Caller;

/** A request taken through advice and closed by the requester; returns its id. */
async function closedRequest(): Promise<string> {
  const { request } = await acceptedAssignment(requester, coordinator, worker, 4, 60);
  const url = `/api/v1/interpretation-requests/${request.id}`;
  expect((await worker('POST', `${url}/advice`, { summary: 'Kern', body: 'Advies' })).status).toBe(201);
  expect((await requester('PATCH', url, { status: 'closed' })).status).toBe(200);
  return request.id;
}

const answers = { answered: 'partly', usefulness: 4, changes: ['assessment', 'de-escalation'], comment: 'Het hielp de tafel.' };

beforeAll(async () => {
  [requester, other, coordinator, worker, finance] = await Promise.all([
    t.as('requester.nijmegen'),
    t.as('requester.arnhem'),
    t.as('coordinator'),
    t.as('specialist4'),
    t.as('finance'),
  ]);
});

describe('feedback on a closed request', () => {
  it('is offered to the requester once, stored, and shown to the specialist and the coordinator', async () => {
    const id = await closedRequest();
    const url = `/api/v1/interpretation-requests/${id}`;
    expect((await requester('GET', url)).body.allowedActions).toContain('give-feedback');
    expect((await coordinator('GET', url)).body.allowedActions).not.toContain('give-feedback');
    const given = await requester('POST', `${url}/feedback`, answers);
    expect(given.status, JSON.stringify(given.body)).toBe(201);
    expect(given.body).toMatchObject({ answered: 'partly', usefulness: 4, changes: ['assessment', 'de-escalation'], comment: 'Het hielp de tafel.' });
    for (const who of [requester, worker, coordinator]) {
      const seen = await who('GET', url);
      expect(seen.body.feedback).toMatchObject({ answered: 'partly', usefulness: 4 });
      expect(seen.body.allowedActions).not.toContain('give-feedback');
    }
    expectProblem(await requester('POST', `${url}/feedback`, answers), 409, 'conflict');
  });

  it('is refused before closing, from another casustafel, from other roles, with personal data and with bad answers', async () => {
    const { request } = await acceptedAssignment(requester, coordinator, worker, 4, 60);
    const url = `/api/v1/interpretation-requests/${request.id}`;
    expectProblem(await requester('POST', `${url}/feedback`, answers), 409, 'invalid-transition');
    const id = await closedRequest();
    const closedUrl = `/api/v1/interpretation-requests/${id}`;
    expectProblem(await other('POST', `${closedUrl}/feedback`, answers), 404, 'not-found');
    expectProblem(await coordinator('POST', `${closedUrl}/feedback`, answers), 403, 'forbidden');
    expectProblem(await finance('POST', `${closedUrl}/feedback`, answers), 403, 'forbidden');
    expectProblem(await requester('POST', `${closedUrl}/feedback`, { ...answers, comment: 'Bel 0612345678' }), 422, 'personal-data-detected');
    expectProblem(await requester('POST', `${closedUrl}/feedback`, { ...answers, usefulness: 6 }), 400, 'validation-failed');
    expectProblem(await requester('POST', `${closedUrl}/feedback`, { ...answers, changes: [] }), 400, 'validation-failed');
    expectProblem(await requester('POST', `${closedUrl}/feedback`, { ...answers, answered: 'maybe' }), 400, 'validation-failed');
    const rows = await t.handle.db.select().from(schema.requestFeedback).where(eq(schema.requestFeedback.requestId, id));
    expect(rows).toHaveLength(0);
  });

  it('reminds the requester who closed it once, after 5 working days, without content', async () => {
    const id = await closedRequest();
    const [row] = await t.handle.db
      .select({ closedAt: schema.interpretationRequests.closedAt })
      .from(schema.interpretationRequests)
      .where(eq(schema.interpretationRequests.id, id));
    const closedAt = new Date(row?.closedAt as unknown as string);
    // The first instant at which the closing is 5 working days old: search forward by the hour.
    let due = new Date(closedAt);
    while (latestDueInstant(due, 5, testConfig.workingHours) < closedAt) due = new Date(due.getTime() + 3_600_000);
    const before = new Date(due.getTime() - 3_600_000);
    const reminders = () =>
      t.handle.db
        .select()
        .from(schema.notifications)
        .where(and(eq(schema.notifications.event, 'feedback-reminder'), eq(schema.notifications.linkPath, `/requests/${id}`)));
    await runFeedbackReminders(t.handle.db, { ...testConfig, now: () => before });
    expect(await reminders()).toHaveLength(0);
    await runFeedbackReminders(t.handle.db, { ...testConfig, now: () => due });
    await runFeedbackReminders(t.handle.db, { ...testConfig, now: () => new Date(due.getTime() + 86_400_000) });
    const sent = await reminders();
    expect(sent).toHaveLength(1);
    const [me] = await t.handle.db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, 'requester.nijmegen@duidingspool.example'));
    expect(sent[0]?.recipientUserId).toBe(me?.id);
    expect(sent[0]?.params).toEqual({});
  });

  it('sends no reminder once feedback was given', async () => {
    const id = await closedRequest();
    expect((await requester('POST', `/api/v1/interpretation-requests/${id}/feedback`, answers)).status).toBe(201);
    await runFeedbackReminders(t.handle.db, { ...testConfig, now: () => new Date(Date.now() + 14 * 86_400_000) });
    const sent = await t.handle.db
      .select()
      .from(schema.notifications)
      .where(and(eq(schema.notifications.event, 'feedback-reminder'), eq(schema.notifications.linkPath, `/requests/${id}`)));
    expect(sent).toHaveLength(0);
  });
});
