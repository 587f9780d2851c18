// Work never gets stuck on a specialist who left the pool (docs/design.md §4, §5). Deactivating a
// specialist (or taking their specialist role away) withdraws their open proposals — reservation
// released, request back to `submitted`, coordinators notified — and flags their accepted
// assignments to the coordinators, who end them with a reason: the unused reservation is released,
// logged hours stay, and another specialist can be assigned. Inactive specialists are never offered
// or assignable. The ledger stays consistent throughout.
import { schema } from '@duidingspool/db';
import type { NotificationEvent } from '@duidingspool/shared';
import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ledgerMismatches } from './db-helpers.ts';
import { acceptedAssignment, budget, createRequest, entryBody, expectProblem, listAll, pointers, specialist } from './fixtures.ts';
import { type Caller, useTestApp } from './harness.ts';

const t = useTestApp();

let requester: Caller;
let coordinator: Caller;
let admin: Caller;
let coordinatorUserId: string;

beforeAll(async () => {
  [requester, coordinator, admin] = await Promise.all([t.as('requester.hengelo'), t.as('coordinator'), t.as('admin')]);
  coordinatorUserId = (await coordinator('GET', '/api/v1/me')).body.id;
});

/** The user id of `specialistN@…`, as the admin sees it. */
async function userIdOf(n: number): Promise<string> {
  const { items } = await listAll(admin, '/api/v1/users?role=specialist');
  const user = items.find((u: { email: string }) => u.email === `specialist${n}@duidingspool.example`);
  if (!user) throw new Error(`specialist${n} not found`);
  return user.id;
}

/** Outbox rows of `event` for the demo coordinator about `reference`. */
async function coordinatorMails(event: NotificationEvent, reference: string): Promise<number> {
  const rows = await t.handle.db
    .select({ id: schema.notifications.id })
    .from(schema.notifications)
    .where(
      and(
        eq(schema.notifications.recipientUserId, coordinatorUserId),
        eq(schema.notifications.event, event),
        inArray(schema.notifications.reference, [reference]),
      ),
    );
  return rows.length;
}

async function listedIds(): Promise<string[]> {
  return (await listAll(coordinator, '/api/v1/specialists')).items.map((s: { id: string }) => s.id);
}

describe('deactivating a specialist', () => {
  it('withdraws an open proposal: reservation released, request back to submitted on the timeline, coordinators told; never offered again', async () => {
    const sp = await specialist(coordinator, 5);
    const request = await createRequest(requester);
    const before = await budget(coordinator);
    const proposed = await coordinator('POST', `/api/v1/interpretation-requests/${request.id}/assignments`, {
      specialistId: sp.id,
      estimatedMinutes: 120,
      overrideReason: 'Vaste keuze van de test',
    });
    expect(proposed.status).toBe(201);
    expect((await budget(coordinator)).reservedCents).toBe(before.reservedCents + proposed.body.reservedCents);

    const userId = await userIdOf(5);
    expect((await admin('PATCH', `/api/v1/users/${userId}`, { isActive: false })).status).toBe(200);

    expect(await budget(coordinator)).toEqual(before);
    const detail = (await coordinator('GET', `/api/v1/interpretation-requests/${request.id}`)).body;
    expect(detail.status).toBe('submitted');
    expect(detail.timeline.at(-1)).toMatchObject({ fromStatus: 'assigned', toStatus: 'submitted', actorRole: 'admin' });
    expect(detail.assignments[0]).toMatchObject({ id: proposed.body.id, reservedCents: 0, specialistActive: false, allowedActions: [] });
    expect(detail.assignments[0].closedAt).not.toBeNull();
    expect(await coordinatorMails('assignment-withdrawn', request.reference)).toBe(1);

    // Never offered, never assignable; someone else is.
    expect(await listedIds()).not.toContain(sp.id);
    const again = await coordinator('POST', `/api/v1/interpretation-requests/${request.id}/assignments`, {
      specialistId: sp.id,
      estimatedMinutes: 60,
      overrideReason: 'Vaste keuze van de test',
    });
    expectProblem(again, 409, 'specialist-inactive');
    expect(pointers(again)).toEqual(['/specialistId']);
    expect(await budget(coordinator)).toEqual(before);
    const other = await specialist(coordinator, 1);
    expect(
      (
        await coordinator('POST', `/api/v1/interpretation-requests/${request.id}/assignments`, {
          specialistId: other.id,
          estimatedMinutes: 60,
          overrideReason: 'Vaste keuze van de test',
        })
      ).status,
    ).toBe(201);

    // Reactivated, the specialist is offered again; the withdrawn proposal stays withdrawn.
    expect((await admin('PATCH', `/api/v1/users/${userId}`, { isActive: true })).status).toBe(200);
    expect(await listedIds()).toContain(sp.id);
    expect(await ledgerMismatches(t.handle)).toEqual([]);
  });

  it('taking the specialist role away counts as leaving the pool', async () => {
    const sp = await specialist(coordinator, 6);
    const request = await createRequest(requester);
    const before = await budget(coordinator);
    expect(
      (
        await coordinator('POST', `/api/v1/interpretation-requests/${request.id}/assignments`, {
          specialistId: sp.id,
          estimatedMinutes: 30,
          overrideReason: 'Vaste keuze van de test',
        })
      ).status,
    ).toBe(201);
    const userId = await userIdOf(6);
    expect((await admin('PATCH', `/api/v1/users/${userId}`, { roles: ['finance'] })).status).toBe(200);
    expect(await budget(coordinator)).toEqual(before);
    expect((await coordinator('GET', `/api/v1/interpretation-requests/${request.id}`)).body.status).toBe('submitted');
    expect(await listedIds()).not.toContain(sp.id);
    expectProblem(
      await coordinator('POST', `/api/v1/interpretation-requests/${request.id}/assignments`, {
        specialistId: sp.id,
        estimatedMinutes: 30,
        overrideReason: 'Vaste keuze van de test',
      }),
      409,
      'specialist-inactive',
    );
    expect((await admin('PATCH', `/api/v1/users/${userId}`, { roles: ['specialist'] })).status).toBe(200);
    expect(await listedIds()).toContain(sp.id);
  });

  it('flags an accepted assignment; the coordinator ends it: unused reservation released, logged hours stay, someone else is assigned', async () => {
    const worker = await t.as('specialist3');
    const { request, assignment } = await acceptedAssignment(requester, coordinator, worker, 3, 240);
    const entry = await worker('POST', `/api/v1/assignments/${assignment.id}/time-entries`, entryBody({ minutes: 60 }));
    expect(entry.status).toBe(201);
    const asked = await worker('POST', `/api/v1/assignments/${assignment.id}/extension-requests`, { extraMinutes: 60, reason: 'Meer dossier' });
    expect(asked.status).toBe(201);
    const userId = await userIdOf(3);
    expect((await admin('PATCH', `/api/v1/users/${userId}`, { isActive: false })).status).toBe(200);

    // Flagged, not changed: the coordinators are told and the assignment says so.
    const flagged = (await coordinator('GET', `/api/v1/assignments/${assignment.id}`)).body;
    expect(flagged).toMatchObject({ status: 'accepted', closedAt: null, specialistActive: false, allowedActions: ['change-estimate', 'end'] });
    expect((await coordinator('GET', `/api/v1/interpretation-requests/${request.id}`)).body.status).toBe('in-progress');
    expect(await coordinatorMails('assignment-specialist-inactive', request.reference)).toBe(1);

    const before = await budget(coordinator);
    const ended = await coordinator('POST', `/api/v1/assignments/${assignment.id}/end`, { reason: 'Specialist is uit de pool vertrokken' });
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    expect(ended.body).toMatchObject({ reservedCents: 0, loggedMinutes: 60, endReason: 'Specialist is uit de pool vertrokken', allowedActions: [] });
    expect(ended.body.closedAt).not.toBeNull();
    // Only the unused reservation is released; the logged hour stays pending.
    const after = await budget(coordinator);
    expect(after.reservedCents).toBe(before.reservedCents - flagged.reservedCents);
    expect(after.pendingCents).toBe(before.pendingCents);
    expect(after.availableCents).toBe(before.availableCents + flagged.reservedCents);
    const entries = (await coordinator('GET', `/api/v1/assignments/${assignment.id}/time-entries`)).body.items;
    expect(entries.map((e: { id: string; status: string }) => [e.id, e.status])).toEqual([[entry.body.id, 'submitted']]);
    // The open extension request is refused with the fixed reason of the ending.
    const extension = (await listAll(coordinator, '/api/v1/extension-requests')).items.find((x: { id: string }) => x.id === asked.body.id);
    expect(extension).toMatchObject({ status: 'refused', decisionReason: null, decisionReasonCode: 'assignment-ended', allowedActions: [] });

    // On the timeline with the reason; audited; back to triage.
    const detail = (await coordinator('GET', `/api/v1/interpretation-requests/${request.id}`)).body;
    expect(detail.status).toBe('submitted');
    expect(detail.timeline.at(-1)).toMatchObject({
      fromStatus: 'in-progress',
      toStatus: 'submitted',
      actorRole: 'coordinator',
      reason: 'Specialist is uit de pool vertrokken',
    });
    const audited = await coordinator('GET', `/api/v1/audit-events?action=end-assignment&objectId=${assignment.id}`);
    expect(audited.body.items[0]).toMatchObject({ result: 'success', details: { releasedCents: flagged.reservedCents, loggedMinutes: 60 } });

    // The hours logged before can still be approved; another specialist takes over.
    expect((await coordinator('PATCH', `/api/v1/time-entries/${entry.body.id}`, { status: 'approved' })).status).toBe(200);
    const next = await specialist(coordinator, 4);
    expect(
      (
        await coordinator('POST', `/api/v1/interpretation-requests/${request.id}/assignments`, {
          specialistId: next.id,
          estimatedMinutes: 120,
          overrideReason: 'Vaste keuze van de test',
        })
      ).status,
    ).toBe(201);
    expect(await ledgerMismatches(t.handle)).toEqual([]);
    expect((await admin('PATCH', `/api/v1/users/${userId}`, { isActive: true })).status).toBe(200);
  });

  it('a rejected entry of an ended assignment returns its amount to the budget, not to the closed reservation', async () => {
    const worker = await t.as('specialist2');
    const { assignment } = await acceptedAssignment(requester, coordinator, worker, 2, 120);
    const entry = await worker('POST', `/api/v1/assignments/${assignment.id}/time-entries`, entryBody({ minutes: 30 }));
    expect((await coordinator('POST', `/api/v1/assignments/${assignment.id}/end`, { reason: 'Andere specialist nodig' })).status).toBe(200);
    const before = await budget(coordinator);
    expect((await coordinator('PATCH', `/api/v1/time-entries/${entry.body.id}`, { status: 'rejected', reason: 'Niet nodig' })).status).toBe(200);
    const after = await budget(coordinator);
    expect(after.pendingCents).toBe(before.pendingCents - entry.body.amountCents);
    expect(after.reservedCents).toBe(before.reservedCents);
    expect((await coordinator('GET', `/api/v1/assignments/${assignment.id}`)).body.reservedCents).toBe(0);
    expect(await ledgerMismatches(t.handle)).toEqual([]);
  });
});

describe('ending an assignment', () => {
  it('is refused once the advice is delivered (close the request instead), and a second time', async () => {
    const worker = await t.as('specialist1');
    const { request, assignment } = await acceptedAssignment(requester, coordinator, worker, 1, 60);
    expect((await worker('POST', `/api/v1/interpretation-requests/${request.id}/advice`, { summary: 'Kern', body: 'Duiding' })).status).toBe(201);
    const before = await budget(coordinator);
    expectProblem(await coordinator('POST', `/api/v1/assignments/${assignment.id}/end`, { reason: 'Klaar' }), 409, 'invalid-transition');
    expect(await budget(coordinator)).toEqual(before);

    const second = await acceptedAssignment(requester, coordinator, worker, 1, 60);
    expect((await coordinator('POST', `/api/v1/assignments/${second.assignment.id}/end`, { reason: 'Klaar' })).status).toBe(200);
    expectProblem(await coordinator('POST', `/api/v1/assignments/${second.assignment.id}/end`, { reason: 'Nog eens' }), 409, 'invalid-transition');
  });

  it('also ends an open proposal of an active specialist, and the specialist no longer sees the request', async () => {
    const sp = await specialist(coordinator, 1);
    const request = await createRequest(requester);
    const before = await budget(coordinator);
    const proposed = await coordinator('POST', `/api/v1/interpretation-requests/${request.id}/assignments`, {
      specialistId: sp.id,
      estimatedMinutes: 45,
      overrideReason: 'Vaste keuze van de test',
    });
    expect((await coordinator('POST', `/api/v1/assignments/${proposed.body.id}/end`, { reason: 'Te lang geen antwoord' })).status).toBe(200);
    expect(await budget(coordinator)).toEqual(before);
    expect((await coordinator('GET', `/api/v1/interpretation-requests/${request.id}`)).body.status).toBe('submitted');
    const worker = await t.as('specialist1');
    expectProblem(await worker('GET', `/api/v1/interpretation-requests/${request.id}`), 404, 'not-found');
    expectProblem(await worker('PATCH', `/api/v1/assignments/${proposed.body.id}`, { status: 'accepted' }), 409, 'invalid-transition');
  });
});

/** The ids of the requests `caller` finds in their request list. */
async function listedRequestIds(caller: Caller): Promise<string[]> {
  return (await listAll(caller, '/api/v1/interpretation-requests')).items.map((x: { id: string }) => x.id);
}

describe('need to know after an assignment closes', () => {
  it('an ended assignment gives its specialist no access to the request: detail, list and advice answer as if it did not exist; own assignment and hours stay', async () => {
    const worker = await t.as('specialist1');
    const { request, assignment } = await acceptedAssignment(requester, coordinator, worker, 1, 120);
    const entry = await worker('POST', `/api/v1/assignments/${assignment.id}/time-entries`, entryBody({ minutes: 30 }));
    expect(entry.status).toBe(201);
    expect(await listedRequestIds(worker)).toContain(request.id);
    expect((await coordinator('POST', `/api/v1/assignments/${assignment.id}/end`, { reason: 'Andere expertise nodig' })).status).toBe(200);

    // The next specialist takes over and delivers advice.
    const nextWorker = await t.as('specialist4');
    const next = await specialist(coordinator, 4);
    const proposed = await coordinator('POST', `/api/v1/interpretation-requests/${request.id}/assignments`, {
      specialistId: next.id,
      estimatedMinutes: 60,
      overrideReason: 'Vaste keuze van de test',
    });
    expect(proposed.status).toBe(201);
    expect((await nextWorker('PATCH', `/api/v1/assignments/${proposed.body.id}`, { status: 'accepted' })).status).toBe(200);
    // The ended specialist cannot deliver advice any more (the request does not exist for them).
    expectProblem(await worker('POST', `/api/v1/interpretation-requests/${request.id}/advice`, { summary: 'Kern', body: 'Duiding' }), 404, 'not-found');
    expect((await nextWorker('POST', `/api/v1/interpretation-requests/${request.id}/advice`, { summary: 'Kern', body: 'Duiding' })).status).toBe(201);

    expectProblem(await worker('GET', `/api/v1/interpretation-requests/${request.id}`), 404, 'not-found');
    expect(await listedRequestIds(worker)).not.toContain(request.id);
    expect(await listedRequestIds(nextWorker)).toContain(request.id);

    // Their own assignment and hours stay readable, without case content.
    const own = await worker('GET', `/api/v1/assignments/${assignment.id}`);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ closeCause: 'assignment-ended', loggedMinutes: 30, allowedActions: [] });
    expect(own.body).not.toHaveProperty('question');
    const entries = (await worker('GET', `/api/v1/assignments/${assignment.id}/time-entries`)).body.items;
    expect(entries.map((e: { id: string }) => e.id)).toEqual([entry.body.id]);
    expect((await listAll(worker, '/api/v1/time-entries')).items.map((e: { id: string }) => e.id)).toContain(entry.body.id);
    expect((await listAll(worker, '/api/v1/assignments')).items.map((x: { id: string }) => x.id)).toContain(assignment.id);

    // Closing the request later does not give the ended specialist access again.
    expect((await requester('PATCH', `/api/v1/interpretation-requests/${request.id}`, { status: 'closed' })).status).toBe(200);
    expectProblem(await worker('GET', `/api/v1/interpretation-requests/${request.id}`), 404, 'not-found');
    expect(await listedRequestIds(worker)).not.toContain(request.id);
    expect((await nextWorker('GET', `/api/v1/interpretation-requests/${request.id}`)).status).toBe(200);
  });

  it('an accepted assignment that closed with its request keeps its specialist’s access; a declined or withdrawn proposal does not', async () => {
    const worker = await t.as('specialist1');
    const { request } = await acceptedAssignment(requester, coordinator, worker, 1, 60);
    expect((await coordinator('PATCH', `/api/v1/interpretation-requests/${request.id}`, { status: 'cancelled', reason: 'Casus gesloten' })).status).toBe(200);
    expect((await worker('GET', `/api/v1/interpretation-requests/${request.id}`)).status).toBe(200);
    expect(await listedRequestIds(worker)).toContain(request.id);

    const declined = await createRequest(requester);
    const sp = await specialist(coordinator, 1);
    const proposal = await coordinator('POST', `/api/v1/interpretation-requests/${declined.id}/assignments`, {
      specialistId: sp.id,
      estimatedMinutes: 30,
      overrideReason: 'Vaste keuze van de test',
    });
    expect((await worker('PATCH', `/api/v1/assignments/${proposal.body.id}`, { status: 'declined' })).status).toBe(200);
    expectProblem(await worker('GET', `/api/v1/interpretation-requests/${declined.id}`), 404, 'not-found');
    expect((await worker('GET', `/api/v1/assignments/${proposal.body.id}`)).body.closeCause).toBe('declined');
  });
});

describe('the request names only the specialist who holds it', () => {
  it('after a withdrawn proposal the request names no specialist, and the timeline gives the fixed system reason', async () => {
    const sp = await specialist(coordinator, 5);
    const request = await createRequest(requester);
    const proposed = await coordinator('POST', `/api/v1/interpretation-requests/${request.id}/assignments`, {
      specialistId: sp.id,
      estimatedMinutes: 60,
      overrideReason: 'Vaste keuze van de test',
    });
    expect(proposed.status).toBe(201);
    expect((await coordinator('GET', `/api/v1/interpretation-requests/${request.id}`)).body.specialistName).not.toBeNull();
    const userId = await userIdOf(5);
    expect((await admin('PATCH', `/api/v1/users/${userId}`, { isActive: false })).status).toBe(200);

    const detail = (await coordinator('GET', `/api/v1/interpretation-requests/${request.id}`)).body;
    expect(detail).toMatchObject({ status: 'submitted', specialistName: null });
    expect(detail.assignments[0]).toMatchObject({ id: proposed.body.id, closeCause: 'proposal-withdrawn' });
    expect(detail.timeline.at(-1)).toMatchObject({
      fromStatus: 'assigned',
      toStatus: 'submitted',
      actorRole: 'admin',
      reason: null,
      reasonCode: 'proposal-withdrawn',
    });
    const listed = (await listAll(coordinator, '/api/v1/interpretation-requests')).items.find((x: { id: string }) => x.id === request.id);
    expect(listed.specialistName).toBeNull();
    expect((await admin('PATCH', `/api/v1/users/${userId}`, { isActive: true })).status).toBe(200);
  });

  it('after an ended assignment the request names no specialist until the next one is proposed', async () => {
    const worker = await t.as('specialist2');
    const { request, assignment } = await acceptedAssignment(requester, coordinator, worker, 2, 60);
    expect((await coordinator('POST', `/api/v1/assignments/${assignment.id}/end`, { reason: 'Andere expertise nodig' })).status).toBe(200);
    expect((await coordinator('GET', `/api/v1/interpretation-requests/${request.id}`)).body.specialistName).toBeNull();
    const next = await specialist(coordinator, 4);
    const proposed = await coordinator('POST', `/api/v1/interpretation-requests/${request.id}/assignments`, {
      specialistId: next.id,
      estimatedMinutes: 30,
      overrideReason: 'Vaste keuze van de test',
    });
    expect(proposed.status).toBe(201);
    expect((await coordinator('GET', `/api/v1/interpretation-requests/${request.id}`)).body.specialistName).toBe(proposed.body.specialistName);
  });
});

describe('an assignment that closes refuses its open extension requests in the same step', () => {
  type Closer = (request: { id: string }, assignmentId: string, worker: Caller) => Promise<void>;
  it.each<[string, string, Closer]>([
    [
      'request cancelled',
      'request-cancelled',
      async (request) => {
        expect((await coordinator('PATCH', `/api/v1/interpretation-requests/${request.id}`, { status: 'cancelled', reason: 'Niet meer nodig' })).status).toBe(
          200,
        );
      },
    ],
    [
      'request withdrawn',
      'request-withdrawn',
      async (request) => {
        expect((await requester('PATCH', `/api/v1/interpretation-requests/${request.id}`, { status: 'withdrawn' })).status).toBe(200);
      },
    ],
    [
      'request closed',
      'request-closed',
      async (request, _assignmentId, worker) => {
        expect((await worker('POST', `/api/v1/interpretation-requests/${request.id}/advice`, { summary: 'Kern', body: 'Duiding' })).status).toBe(201);
        expect((await coordinator('PATCH', `/api/v1/interpretation-requests/${request.id}`, { status: 'closed' })).status).toBe(200);
      },
    ],
    [
      'assignment ended',
      'assignment-ended',
      async (_request, assignmentId) => {
        expect((await coordinator('POST', `/api/v1/assignments/${assignmentId}/end`, { reason: 'Andere expertise nodig' })).status).toBe(200);
      },
    ],
  ])('%s: the open extension request is refused with the fixed reason, not offered, and granting it answers 409', async (_name, cause, close) => {
    const worker = await t.as('specialist2');
    const { request, assignment } = await acceptedAssignment(requester, coordinator, worker, 2, 60);
    const asked = await worker('POST', `/api/v1/assignments/${assignment.id}/extension-requests`, { extraMinutes: 30, reason: 'Meer dossier' });
    expect(asked.status).toBe(201);
    await close(request, assignment.id, worker);
    const open = (await listAll(coordinator, '/api/v1/extension-requests?status=requested')).items.map((x: { id: string }) => x.id);
    expect(open).not.toContain(asked.body.id);
    const refused = (await listAll(coordinator, '/api/v1/extension-requests')).items.find((x: { id: string }) => x.id === asked.body.id);
    expect(refused).toMatchObject({ status: 'refused', decisionReason: null, decisionReasonCode: cause, allowedActions: [] });
    expect(refused.decidedAt).not.toBeNull();
    const before = await budget(coordinator);
    expectProblem(await coordinator('PATCH', `/api/v1/extension-requests/${asked.body.id}`, { status: 'granted' }), 409, 'invalid-transition');
    expect(await budget(coordinator)).toEqual(before);
    expect(await ledgerMismatches(t.handle)).toEqual([]);
  });
});
