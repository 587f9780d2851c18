// The inbox ("Meldingen", decision 121): every recipient of an event gets an item, whatever their
// mail preference; logged hours reach coordinators in the inbox and by mail only when they chose it;
// each user sees and marks only their own items; a background job's items are written once.

import { schema } from '@duidingspool/db';
import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { runTriageReminders } from '../src/modules/interpretation-requests/index.ts';
import { createCoordinatorSpecialist } from './db-helpers.ts';
import { acceptedAssignment, createRequest, entryBody, expectProblem } from './fixtures.ts';
import { type Caller, testConfig, useTestApp } from './harness.ts';

const t = useTestApp();
let requester: Caller;
let coordinator: Caller;
let otherCoordinator: Caller;
let worker: Caller;

beforeAll(async () => {
  await createCoordinatorSpecialist(t.handle, 'coordinator.inbox');
  [requester, coordinator, otherCoordinator, worker] = await Promise.all([
    t.as('requester.apeldoorn'),
    t.as('coordinator'),
    t.as('coordinator.inbox'),
    t.as('specialist4'),
  ]);
});

const userIdOf = async (caller: Caller) => (await caller('GET', '/api/v1/me')).body.id as string;

/** The caller's inbox items about `reference`, newest first. */
async function itemsAbout(caller: Caller, reference: string) {
  const res = await caller('GET', '/api/v1/me/inbox-items?pageSize=100');
  expect(res.status).toBe(200);
  return (res.body.items as { id: string; event: string; reference: string | null; linkPath: string; readAt: string | null }[]).filter(
    (i) => i.reference === reference,
  );
}

describe('the inbox', () => {
  it('gets an item for every recipient, also one who turned the mail off, linked to the request and without case content', async () => {
    await otherCoordinator('PUT', '/api/v1/me/notification-preferences', { items: [{ event: 'request-submitted', mode: 'off' }] });
    const request = await createRequest(requester);
    for (const caller of [coordinator, otherCoordinator]) {
      const [item] = await itemsAbout(caller, request.reference);
      expect(item).toMatchObject({ event: 'request-submitted', reference: request.reference, linkPath: `/requests/${request.id}`, readAt: null });
      expect(Object.keys(item ?? {}).sort()).toEqual(['createdAt', 'event', 'id', 'linkPath', 'params', 'readAt', 'reference']);
    }
    // The mail went only to the coordinator who kept it on.
    const mails = await t.handle.db
      .select({ userId: schema.notifications.recipientUserId })
      .from(schema.notifications)
      .where(and(eq(schema.notifications.event, 'request-submitted'), eq(schema.notifications.reference, request.reference)));
    const other = await userIdOf(otherCoordinator);
    expect(mails.map((m) => m.userId)).not.toContain(other);
    expect(mails.map((m) => m.userId)).toContain(await userIdOf(coordinator));
    await otherCoordinator('PUT', '/api/v1/me/notification-preferences', { items: [{ event: 'request-submitted', mode: 'immediate' }] });
  });

  it('shows logged hours to coordinators; the mail about them is off until a coordinator chooses it', async () => {
    const prefs = await coordinator('GET', '/api/v1/me/notification-preferences');
    expect(prefs.body.items).toContainEqual({ event: 'time-entry-submitted', mode: 'off' });
    await otherCoordinator('PUT', '/api/v1/me/notification-preferences', { items: [{ event: 'time-entry-submitted', mode: 'immediate' }] });
    const { request, assignment } = await acceptedAssignment(requester, coordinator, worker, 4, 240);
    const logged = await worker('POST', `/api/v1/assignments/${assignment.id}/time-entries`, entryBody());
    expect(logged.status, JSON.stringify(logged.body)).toBe(201);
    for (const caller of [coordinator, otherCoordinator]) {
      expect((await itemsAbout(caller, request.reference)).map((i) => [i.event, i.linkPath])).toContainEqual(['time-entry-submitted', '/hours']);
    }
    // Not the specialist who logged them, nor the requester.
    expect((await itemsAbout(worker, request.reference)).map((i) => i.event)).not.toContain('time-entry-submitted');
    expect((await itemsAbout(requester, request.reference)).map((i) => i.event)).not.toContain('time-entry-submitted');
    const mails = await t.handle.db
      .select({ userId: schema.notifications.recipientUserId })
      .from(schema.notifications)
      .where(and(eq(schema.notifications.event, 'time-entry-submitted'), eq(schema.notifications.reference, request.reference)));
    expect(mails.map((m) => m.userId)).toEqual([await userIdOf(otherCoordinator)]);
  });

  it('counts the unread items; marking one or all read is the owner’s alone and audited', async () => {
    const request = await createRequest(requester);
    const [item] = await itemsAbout(coordinator, request.reference);
    if (!item) throw new Error('no item');
    const before = (await coordinator('GET', '/api/v1/me/inbox-summary')).body.unread as number;
    expect(before).toBeGreaterThan(0);
    const unreadList = await coordinator('GET', '/api/v1/me/inbox-items?unread=true&pageSize=100');
    expect(unreadList.body.unread).toBe(before);
    expect(unreadList.body.items.every((i: { readAt: string | null }) => i.readAt === null)).toBe(true);

    // Someone else's item does not exist for them: neither to read nor to mark.
    expectProblem(await otherCoordinator('PATCH', `/api/v1/me/inbox-items/${item.id}`, { read: true }), 404, 'not-found');
    expectProblem(await requester('PATCH', `/api/v1/me/inbox-items/${item.id}`, { read: true }), 404, 'not-found');
    expect((await requester('GET', '/api/v1/me/inbox-items?pageSize=100')).body.items.map((i: { id: string }) => i.id)).not.toContain(item.id);

    const read = await coordinator('PATCH', `/api/v1/me/inbox-items/${item.id}`, { read: true });
    expect(read.status).toBe(200);
    expect(read.body.readAt).not.toBeNull();
    expect((await coordinator('GET', '/api/v1/me/inbox-summary')).body.unread).toBe(before - 1);
    const again = await coordinator('PATCH', `/api/v1/me/inbox-items/${item.id}`, { read: true });
    expect(again.body.readAt).toBe(read.body.readAt);
    const unread = await coordinator('PATCH', `/api/v1/me/inbox-items/${item.id}`, { read: false });
    expect(unread.body.readAt).toBeNull();

    const all = await coordinator('POST', '/api/v1/me/inbox-items/mark-all-read');
    expect(all.status).toBe(200);
    expect(all.body).toEqual({ unread: 0 });
    expect((await coordinator('GET', '/api/v1/me/inbox-summary')).body.unread).toBe(0);
    // The other coordinator's items stay unread.
    expect((await otherCoordinator('GET', '/api/v1/me/inbox-summary')).body.unread).toBeGreaterThan(0);

    const audited = await t.handle.db
      .select({ action: schema.auditEvents.action })
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.objectType, 'inbox-item'), eq(schema.auditEvents.actorId, await userIdOf(coordinator))));
    expect(audited.map((a) => a.action)).toEqual(expect.arrayContaining(['mark-read', 'mark-unread', 'mark-all-read']));
  });

  it('gets a background job’s item once, however often the job runs', async () => {
    const request = await createRequest(requester, { urgency: 'urgent' });
    await t.handle.db
      .update(schema.requestStatusEvents)
      .set({ occurredAt: new Date('2019-12-24T09:00:00Z') })
      .where(inArray(schema.requestStatusEvents.requestId, [request.id]));
    const run = () => runTriageReminders(t.handle.db, { ...testConfig, now: () => new Date('2019-12-30T12:00:00Z') });
    await run();
    await run();
    const reminders = (await itemsAbout(coordinator, request.reference)).filter((i) => i.event === 'triage-reminder');
    expect(reminders).toHaveLength(1);
  });
});
