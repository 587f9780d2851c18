// Separation of duties (docs/design.md §2): one person may hold coordinator and specialist, but nobody
// decides on their own work. Every such decision answers 403 `separation-of-duties`, is audited as a
// denied access and changes nothing; the lists say per item what the user may do, so the UI never
// offers it; and the same person decides on other specialists' work as any coordinator.
import { schema } from '@duidingspool/db';
import { and, eq, isNotNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCoordinatorSpecialist, ledgerMismatches } from './db-helpers.ts';
import { acceptedAssignment, budget, createRequest, entryBody, expectProblem, listAll, pointers } from './fixtures.ts';
import { type Caller, useTestApp } from './harness.ts';

const t = useTestApp();

let requester: Caller;
let coordinator: Caller;
let dual: Caller;
let other: Caller;
let dualSpecialistId: string;

/** The dual user's own accepted assignment (proposed by the other coordinator), with one submitted entry. */
let own: { requestId: string; assignmentId: string; entryId: string };

beforeAll(async () => {
  const created = await createCoordinatorSpecialist(t.handle, 'coordinator.specialist');
  dualSpecialistId = created.specialistId;
  [requester, coordinator, dual, other] = await Promise.all([
    t.as('requester.arnhem'),
    t.as('coordinator'),
    t.as('coordinator.specialist'),
    t.as('specialist2'),
  ]);
  const { request, assignment } = await acceptedAssignmentOf(dual, dualSpecialistId, 240);
  const entry = await dual('POST', `/api/v1/assignments/${assignment}/time-entries`, entryBody({ minutes: 30 }));
  expect(entry.status, JSON.stringify(entry.body)).toBe(201);
  own = { requestId: request, assignmentId: assignment, entryId: entry.body.id };
});

/** A request of requester.arnhem, proposed by the coordinator to `specialistId` and accepted by `worker`. */
async function acceptedAssignmentOf(worker: Caller, specialistId: string, minutes: number) {
  const request = await createRequest(requester);
  const assigned = await coordinator('POST', `/api/v1/interpretation-requests/${request.id}/assignments`, {
    specialistId,
    estimatedMinutes: minutes,
    overrideReason: 'Vaste keuze van de test',
  });
  expect(assigned.status, JSON.stringify(assigned.body)).toBe(201);
  expect((await worker('PATCH', `/api/v1/assignments/${assigned.body.id}`, { status: 'accepted' })).status).toBe(200);
  return { request: request.id, assignment: assigned.body.id as string };
}

/** Everything a refused decision could have changed: the budget, the entry, the assignment, the request. */
async function snapshot() {
  return {
    budget: await budget(coordinator),
    entries: (await coordinator('GET', `/api/v1/assignments/${own.assignmentId}/time-entries`)).body.items,
    assignment: (await coordinator('GET', `/api/v1/assignments/${own.assignmentId}`)).body,
    request: (await coordinator('GET', `/api/v1/interpretation-requests/${own.requestId}`)).body.status,
    extensions: (await coordinator('GET', '/api/v1/extension-requests?pageSize=100')).body.items,
  };
}

async function deniedAccesses(): Promise<number> {
  return (await coordinator('GET', '/api/v1/audit-events?action=access&result=denied&pageSize=1')).body.total;
}

describe('a coordinator who is also a specialist, on their own work', () => {
  type OwnCall = () => ['PATCH' | 'POST', string, Record<string, unknown>];
  it.each<[string, OwnCall]>([
    ['approving own hours', () => ['PATCH', `/api/v1/time-entries/${own.entryId}`, { status: 'approved' }]],
    ['rejecting own hours', () => ['PATCH', `/api/v1/time-entries/${own.entryId}`, { status: 'rejected', reason: 'Dubbel' }]],
    ['raising own estimate', () => ['PATCH', `/api/v1/assignments/${own.assignmentId}`, { estimatedMinutes: 600 }]],
    ['ending own assignment', () => ['POST', `/api/v1/assignments/${own.assignmentId}/end`, { reason: 'Ik stop' }]],
    [
      'cancelling the request of own live assignment',
      () => ['PATCH', `/api/v1/interpretation-requests/${own.requestId}`, { status: 'cancelled', reason: 'Stop' }],
    ],
    ['setting own rate', () => ['POST', `/api/v1/specialists/${dualSpecialistId}/rates`, { rateCents: 99000, validFrom: '2020-01-01' }]],
  ])('%s → 403 separation-of-duties, audited as denied, nothing changed', async (_name, call) => {
    const before = await snapshot();
    const denied = await deniedAccesses();
    const [method, url, body] = call();
    expectProblem(await dual(method, url, body), 403, 'separation-of-duties');
    expect(await snapshot()).toEqual(before);
    expect(await deniedAccesses()).toBe(denied + 1);
    const [last] = (await coordinator('GET', '/api/v1/audit-events?action=access&result=denied&pageSize=1')).body.items;
    expect(last).toMatchObject({ objectType: 'route', details: { reason: 'separation-of-duties' } });
  });

  it('assigning oneself → 403, no reservation, the request stays submitted', async () => {
    const request = await createRequest(requester);
    const before = await budget(coordinator);
    expectProblem(
      await dual('POST', `/api/v1/interpretation-requests/${request.id}/assignments`, {
        specialistId: dualSpecialistId,
        estimatedMinutes: 60,
        overrideReason: 'Vaste keuze van de test',
      }),
      403,
      'separation-of-duties',
    );
    expect(await budget(coordinator)).toEqual(before);
    expect((await coordinator('GET', `/api/v1/interpretation-requests/${request.id}`)).body.status).toBe('submitted');
  });

  it('bulk approval with one own entry among others → 403 naming the own entry, none approved (all or nothing)', async () => {
    const { assignment } = await acceptedAssignment(requester, coordinator, other, 2, 240);
    const theirs = await other('POST', `/api/v1/assignments/${assignment.id}/time-entries`, entryBody({ minutes: 20 }));
    expect(theirs.status).toBe(201);
    const before = await budget(coordinator);
    const res = await dual('POST', '/api/v1/time-entry-reviews', { entryIds: [theirs.body.id, own.entryId], status: 'approved' });
    expectProblem(res, 403, 'separation-of-duties');
    expect(pointers(res)).toEqual(['/entryIds/1']);
    expect(await budget(coordinator)).toEqual(before);
    const statuses = (await listAll(coordinator, '/api/v1/time-entries?status=submitted')).items.map((e: { id: string }) => e.id);
    expect(statuses).toEqual(expect.arrayContaining([theirs.body.id, own.entryId]));
    // Without the own entry the same selection goes through.
    expect((await dual('POST', '/api/v1/time-entry-reviews', { entryIds: [theirs.body.id], status: 'approved' })).status).toBe(200);
  });

  it('correcting own approved hours → 403, even after another coordinator approved them', async () => {
    const { assignment } = await acceptedAssignmentOf(dual, dualSpecialistId, 120);
    const entry = await dual('POST', `/api/v1/assignments/${assignment}/time-entries`, entryBody({ minutes: 40 }));
    expect((await coordinator('PATCH', `/api/v1/time-entries/${entry.body.id}`, { status: 'approved' })).status).toBe(200);
    const before = await budget(coordinator);
    expectProblem(await dual('POST', `/api/v1/time-entries/${entry.body.id}/corrections`, { minutes: -10, reason: 'Te veel' }), 403, 'separation-of-duties');
    expect(await budget(coordinator)).toEqual(before);
    expect((await coordinator('POST', `/api/v1/time-entries/${entry.body.id}/corrections`, { minutes: -10, reason: 'Te veel' })).status).toBe(201);
  });

  it('granting or refusing an own extension request → 403; the other coordinator decides', async () => {
    const { assignment } = await acceptedAssignmentOf(dual, dualSpecialistId, 60);
    const asked = await dual('POST', `/api/v1/assignments/${assignment}/extension-requests`, { extraMinutes: 60, reason: 'Meer dossier' });
    expect(asked.status).toBe(201);
    expectProblem(await dual('PATCH', `/api/v1/extension-requests/${asked.body.id}`, { status: 'granted' }), 403, 'separation-of-duties');
    expectProblem(await dual('PATCH', `/api/v1/extension-requests/${asked.body.id}`, { status: 'refused', reason: 'Nee' }), 403, 'separation-of-duties');
    expect((await coordinator('GET', `/api/v1/assignments/${assignment}`)).body.estimatedMinutes).toBe(60);
    expect((await coordinator('PATCH', `/api/v1/extension-requests/${asked.body.id}`, { status: 'granted' })).status).toBe(200);
    expect((await coordinator('GET', `/api/v1/assignments/${assignment}`)).body.estimatedMinutes).toBe(120);
  });

  it('closing a request after delivering its advice oneself → 403 and not offered; the requester closes it', async () => {
    const { request } = await acceptedAssignmentOf(dual, dualSpecialistId, 60);
    expect((await dual('POST', `/api/v1/interpretation-requests/${request}/advice`, { summary: 'Kern', body: 'Duiding' })).status).toBe(201);
    const seen = await dual('GET', `/api/v1/interpretation-requests/${request}`);
    expect(seen.body.allowedTransitions).toEqual([]);
    expect((await coordinator('GET', `/api/v1/interpretation-requests/${request}`)).body.allowedTransitions.sort()).toEqual(['cancelled', 'closed']);
    expectProblem(await dual('PATCH', `/api/v1/interpretation-requests/${request}`, { status: 'closed' }), 403, 'separation-of-duties');
    expect((await requester('PATCH', `/api/v1/interpretation-requests/${request}`, { status: 'closed' })).status).toBe(200);
  });

  it('no coordinator transition on a request while one holds its live assignment: cancelling an own proposal or accepted assignment → 403, not offered; another coordinator may', async () => {
    // Own accepted assignment (in progress): neither cancel nor close is offered or accepted.
    const accepted = await acceptedAssignmentOf(dual, dualSpecialistId, 60);
    expect((await dual('GET', `/api/v1/interpretation-requests/${accepted.request}`)).body.allowedTransitions).toEqual([]);
    expect((await coordinator('GET', `/api/v1/interpretation-requests/${accepted.request}`)).body.allowedTransitions).toEqual(['cancelled']);
    const before = await budget(coordinator);
    expectProblem(
      await dual('PATCH', `/api/v1/interpretation-requests/${accepted.request}`, { status: 'cancelled', reason: 'Stop' }),
      403,
      'separation-of-duties',
    );
    expect(await budget(coordinator)).toEqual(before);
    expect((await coordinator('GET', `/api/v1/assignments/${accepted.assignment}`)).body).toMatchObject({ closedAt: null, closeCause: null });

    // Own open proposal (proposed by the other coordinator): cancelling it ends own work too.
    const request = await createRequest(requester);
    const proposed = await coordinator('POST', `/api/v1/interpretation-requests/${request.id}/assignments`, {
      specialistId: dualSpecialistId,
      estimatedMinutes: 30,
      overrideReason: 'Vaste keuze van de test',
    });
    expect(proposed.status).toBe(201);
    expect((await dual('GET', `/api/v1/interpretation-requests/${request.id}`)).body.allowedTransitions).toEqual([]);
    expectProblem(await dual('PATCH', `/api/v1/interpretation-requests/${request.id}`, { status: 'cancelled', reason: 'Stop' }), 403, 'separation-of-duties');
    expect((await coordinator('GET', `/api/v1/interpretation-requests/${request.id}`)).body.status).toBe('assigned');

    // After the own work is over (the other coordinator cancelled), nothing is left to refuse.
    expect((await coordinator('PATCH', `/api/v1/interpretation-requests/${request.id}`, { status: 'cancelled', reason: 'Niet meer nodig' })).status).toBe(200);
    expect(await ledgerMismatches(t.handle)).toEqual([]);
  });

  it('the lists offer no decision on own work and every decision on others’ work', async () => {
    const { assignment: theirAssignment } = await acceptedAssignment(requester, coordinator, other, 2, 120);
    expect((await other('POST', `/api/v1/assignments/${theirAssignment.id}/time-entries`, entryBody({ minutes: 25 }))).status).toBe(201);
    const entries = (await listAll(dual, '/api/v1/time-entries?status=submitted')).items as {
      id: string;
      specialistId: string;
      correctsEntryId: string | null;
      allowedActions: string[];
    }[];
    const mine = entries.filter((e) => e.specialistId === dualSpecialistId);
    const theirs = entries.filter((e) => e.specialistId !== dualSpecialistId);
    expect(mine.length).toBeGreaterThan(0);
    expect(theirs.length).toBeGreaterThan(0);
    // Who booked each waiting correction: its booker only takes it back, another coordinator decides (four eyes).
    const te = schema.timeEntries;
    const bookers = new Map(
      (
        await t.handle.db
          .select({ id: te.id, by: te.createdBy })
          .from(te)
          .where(and(eq(te.status, 'submitted'), isNotNull(te.correctsEntryId)))
      ).map((r) => [r.id, r.by]),
    );
    const dualUserId = (await dual('GET', '/api/v1/me')).body.id as string;
    const coordinatorUserId = (await coordinator('GET', '/api/v1/me')).body.id as string;
    // Their own undecided hours they may only withdraw, as any specialist may (not a correction,
    // which is the coordinator's who booked it); never decide.
    for (const e of mine) {
      const booker = bookers.get(e.id);
      expect(e.allowedActions).toEqual(e.correctsEntryId === null || booker === dualUserId ? ['withdraw'] : []);
    }
    for (const e of theirs) expect(e.allowedActions).toEqual(bookers.get(e.id) === dualUserId ? ['withdraw'] : ['approve', 'reject']);
    // The other coordinator may decide on the dual user's entries.
    const forCoordinator = (await listAll(coordinator, '/api/v1/time-entries?status=submitted')).items as { id: string; allowedActions: string[] }[];
    for (const e of forCoordinator) expect(e.allowedActions).toEqual(bookers.get(e.id) === coordinatorUserId ? ['withdraw'] : ['approve', 'reject']);

    const assignment = (await dual('GET', `/api/v1/assignments/${own.assignmentId}`)).body;
    // As the assigned specialist of a request in progress they do the work; no decision on it.
    expect(assignment.allowedActions).toEqual(['log-time', 'request-extension', 'deliver-advice']);
    expect((await coordinator('GET', `/api/v1/assignments/${own.assignmentId}`)).body.allowedActions).toEqual(['change-estimate', 'end']);

    const specialists = (await dual('GET', '/api/v1/specialists?pageSize=100')).body.items as { id: string; allowedActions: string[] }[];
    expect(specialists.find((s) => s.id === dualSpecialistId)?.allowedActions).toEqual([]);
    for (const s of specialists.filter((x) => x.id !== dualSpecialistId)) expect(s.allowedActions).toEqual(['assign', 'add-rate']);

    const extensions = (await listAll(dual, '/api/v1/extension-requests')).items as { specialistName: string; status: string; allowedActions: string[] }[];
    for (const x of extensions) expect(x.allowedActions).toEqual([]);
  });

  it('decides on other specialists’ work like any coordinator; the ledger stays consistent', async () => {
    const { assignment } = await acceptedAssignment(requester, coordinator, other, 2, 120);
    const entry = await other('POST', `/api/v1/assignments/${assignment.id}/time-entries`, entryBody({ minutes: 15 }));
    expect((await dual('PATCH', `/api/v1/time-entries/${entry.body.id}`, { status: 'approved' })).status).toBe(200);
    expect((await dual('PATCH', `/api/v1/assignments/${assignment.id}`, { estimatedMinutes: 180 })).status).toBe(200);
    const request = await createRequest(requester);
    const sp = (await dual('GET', '/api/v1/specialists?pageSize=100')).body.items.find((s: { id: string }) => s.id !== dualSpecialistId);
    expect(
      (
        await dual('POST', `/api/v1/interpretation-requests/${request.id}/assignments`, {
          specialistId: sp.id,
          estimatedMinutes: 30,
          overrideReason: 'Vaste keuze van de test',
        })
      ).status,
    ).toBe(201);
    expect(await ledgerMismatches(t.handle)).toEqual([]);
  });
});
