// The request lifecycle of docs/design.md §4 through the API: allowed and refused transitions, the
// timeline, and the reservations that ending a request releases.
import { beforeAll, describe, expect, it } from 'vitest';
import { budget, createRequest, entryBody, expectProblem, specialist } from './fixtures.ts';
import { type Caller, useTestApp } from './harness.ts';

const t = useTestApp();

let requester: Caller; // requester.nijmegen
let other: Caller; // requester.arnhem, another casustafel
let coordinator: Caller;
let worker: Caller; // specialist4
let specialistId: string;

beforeAll(async () => {
  [requester, other, coordinator, worker] = await Promise.all([t.as('requester.nijmegen'), t.as('requester.arnhem'), t.as('coordinator'), t.as('specialist4')]);
  specialistId = (await specialist(coordinator, 4)).id;
});

const PATCHABLE = ['submitted', 'needs-information', 'declined', 'withdrawn', 'cancelled', 'closed'] as const;
const STATES = [
  'draft',
  'submitted',
  'needs-information',
  'assigned',
  'in-progress',
  'advice-delivered',
  'closed',
  'withdrawn',
  'cancelled',
  'declined',
] as const;
type State = (typeof STATES)[number];

const url = (id: string) => `/api/v1/interpretation-requests/${id}`;

/** A reason on every PATCH: cancelling, declining and asking for information need one (tested in reasons.test.ts). */
const REASON = 'Toelichting van de coördinator';

async function patch(caller: Caller, id: string, status: string, expected = 200) {
  const res = await caller('PATCH', url(id), { status, reason: REASON });
  expect(res.status, `PATCH ${status}: ${JSON.stringify(res.body)}`).toBe(expected);
  return res;
}

/** A fresh request of requester.nijmegen in `state`, with its assignment id where it has one. */
async function inState(state: State, minutes = 60): Promise<{ id: string; assignmentId?: string }> {
  if (state === 'draft') return { id: (await createRequest(requester, { submit: false })).id };
  const { id } = await createRequest(requester);
  if (state === 'submitted') return { id };
  if (state === 'needs-information') {
    await patch(coordinator, id, 'needs-information');
    return { id };
  }
  if (state === 'declined') {
    await patch(coordinator, id, 'declined');
    return { id };
  }
  if (state === 'withdrawn') {
    await patch(requester, id, 'withdrawn');
    return { id };
  }
  if (state === 'cancelled') {
    await patch(coordinator, id, 'cancelled');
    return { id };
  }
  const assigned = await coordinator('POST', `${url(id)}/assignments`, { specialistId, estimatedMinutes: minutes, overrideReason: 'Vaste keuze van de test' });
  expect(assigned.status, JSON.stringify(assigned.body)).toBe(201);
  const assignmentId = assigned.body.id as string;
  if (state === 'assigned') return { id, assignmentId };
  expect((await worker('PATCH', `/api/v1/assignments/${assignmentId}`, { status: 'accepted' })).status).toBe(200);
  if (state === 'in-progress') return { id, assignmentId };
  expect((await worker('POST', `${url(id)}/advice`, { summary: 'Kern', body: 'Duiding' })).status).toBe(201);
  if (state === 'advice-delivered') return { id, assignmentId };
  await patch(requester, id, 'closed');
  return { id, assignmentId };
}

async function detail(id: string, caller = coordinator) {
  const res = await caller('GET', url(id));
  expect(res.status).toBe(200);
  return res.body;
}

/** What docs/design.md §4 lets each role do through PATCH, per state. */
const EXPECTED_ALLOWED: Record<'requester' | 'coordinator', Record<State, string[]>> = {
  requester: {
    draft: ['submitted', 'withdrawn'],
    submitted: ['withdrawn'],
    'needs-information': ['submitted', 'withdrawn'],
    assigned: ['withdrawn'],
    'in-progress': ['withdrawn'],
    'advice-delivered': ['closed', 'withdrawn'],
    closed: [],
    withdrawn: [],
    cancelled: [],
    declined: [],
  },
  coordinator: {
    draft: [], // never sees a draft
    submitted: ['cancelled', 'declined', 'needs-information'],
    'needs-information': ['cancelled'],
    assigned: ['cancelled'],
    'in-progress': ['cancelled'],
    'advice-delivered': ['cancelled', 'closed'],
    closed: [],
    withdrawn: [],
    cancelled: [],
    declined: [],
  },
};

describe('transitions through PATCH', () => {
  it('draft → submitted by the requester; the coordinator sees it only once submitted', async () => {
    const { id } = await inState('draft');
    expectProblem(await coordinator('GET', url(id)), 404, 'not-found');
    const before = await detail(id, requester);
    expect(before).toMatchObject({ status: 'draft', submittedAt: null });
    const res = await patch(requester, id, 'submitted');
    expect(res.body.status).toBe('submitted');
    expect(res.body.submittedAt).toEqual(expect.any(String));
    const seen = await detail(id);
    expect(seen.status).toBe('submitted');
    expect(seen.timeline.map((e: { toStatus: string }) => e.toStatus)).toEqual(['draft', 'submitted']);
  });

  it('needs-information ⇄ submitted, back and forth', async () => {
    const { id } = await inState('submitted');
    for (let round = 0; round < 2; round++) {
      expect((await patch(coordinator, id, 'needs-information')).body.status).toBe('needs-information');
      expect((await detail(id, requester)).allowedTransitions).toContain('submitted');
      expect((await patch(requester, id, 'submitted')).body.status).toBe('submitted');
    }
    const timeline = (await detail(id)).timeline as { fromStatus: string | null; toStatus: string; actorRole: string }[];
    expect(timeline.map((e) => [e.fromStatus, e.toStatus, e.actorRole])).toEqual([
      [null, 'submitted', 'requester'],
      ['submitted', 'needs-information', 'coordinator'],
      ['needs-information', 'submitted', 'requester'],
      ['submitted', 'needs-information', 'coordinator'],
      ['needs-information', 'submitted', 'requester'],
    ]);
  });

  it.each([
    ['the coordinator closing a submitted request', 'submitted', 'coordinator', 'closed'],
    ['the requester closing a submitted request', 'submitted', 'requester', 'closed'],
    ['the requester declining', 'submitted', 'requester', 'declined'],
    ['the requester asking for information', 'submitted', 'requester', 'needs-information'],
    ['the requester cancelling', 'submitted', 'requester', 'cancelled'],
    ['the coordinator withdrawing', 'submitted', 'coordinator', 'withdrawn'],
    ['the coordinator setting submitted on a submitted request', 'submitted', 'coordinator', 'submitted'],
    ['the coordinator setting submitted when information is needed', 'needs-information', 'coordinator', 'submitted'],
    ['the coordinator declining an assigned request', 'assigned', 'coordinator', 'declined'],
    ['the coordinator closing a request in progress', 'in-progress', 'coordinator', 'closed'],
    ['the requester closing a request in progress', 'in-progress', 'requester', 'closed'],
    ['the requester re-submitting an assigned request', 'assigned', 'requester', 'submitted'],
  ] as const)('409 invalid-transition for %s, and nothing changes', async (_name, state, role, to) => {
    const { id } = await inState(state);
    const before = await detail(id);
    const money = await budget(coordinator);
    const res = await (role === 'requester' ? requester : coordinator)('PATCH', url(id), { status: to, reason: REASON });
    expectProblem(res, 409, 'invalid-transition');
    const after = await detail(id);
    expect(after.status).toBe(state);
    expect(after.timeline).toEqual(before.timeline);
    expect(after.assignments).toEqual(before.assignments);
    expect(await budget(coordinator)).toEqual(money);
  });

  it.each(['closed', 'withdrawn', 'cancelled', 'declined'] as const)('nothing moves a %s request any more', async (state) => {
    const { id } = await inState(state);
    const before = await detail(id);
    const money = await budget(coordinator);
    for (const caller of [requester, coordinator]) {
      for (const to of PATCHABLE) expectProblem(await caller('PATCH', url(id), { status: to, reason: REASON }), 409, 'invalid-transition');
      expect((await detail(id, caller)).allowedTransitions).toEqual([]);
    }
    expectProblem(
      await coordinator('POST', `${url(id)}/assignments`, { specialistId, estimatedMinutes: 30, overrideReason: 'Vaste keuze van de test' }),
      409,
      'invalid-transition',
    );
    expect(await detail(id)).toEqual({ ...before, updatedAt: expect.any(String) });
    expect((await detail(id)).updatedAt).toBe(before.updatedAt);
    expect(await budget(coordinator)).toEqual(money);
  });

  it('a requester of another casustafel cannot move the request (404)', async () => {
    const { id } = await inState('submitted');
    expectProblem(await other('PATCH', url(id), { status: 'withdrawn' }), 404, 'not-found');
    expect((await detail(id)).status).toBe('submitted');
  });
});

describe('assigning', () => {
  it.each(['needs-information', 'assigned', 'in-progress', 'advice-delivered', 'closed', 'withdrawn', 'cancelled', 'declined'] as const)(
    'a %s request cannot be assigned: 409 invalid-transition, no reservation',
    async (state) => {
      const { id } = await inState(state);
      const before = await detail(id);
      const money = await budget(coordinator);
      expectProblem(
        await coordinator('POST', `${url(id)}/assignments`, { specialistId, estimatedMinutes: 60, overrideReason: 'Vaste keuze van de test' }),
        409,
        'invalid-transition',
      );
      expect(await budget(coordinator)).toEqual(money);
      const after = await detail(id);
      expect(after.assignments).toEqual(before.assignments);
      expect(after.status).toBe(state);
    },
  );

  it('a draft cannot be assigned: the coordinator does not see it (404)', async () => {
    const { id } = await inState('draft');
    const money = await budget(coordinator);
    expectProblem(
      await coordinator('POST', `${url(id)}/assignments`, { specialistId, estimatedMinutes: 60, overrideReason: 'Vaste keuze van de test' }),
      404,
      'not-found',
    );
    expect(await budget(coordinator)).toEqual(money);
    expect((await detail(id, requester)).status).toBe('draft');
  });
});

describe('ending a request releases its live reservation', () => {
  it.each([
    ['withdrawn', 'assigned'],
    ['withdrawn', 'in-progress'],
    ['cancelled', 'assigned'],
    ['cancelled', 'in-progress'],
    ['withdrawn', 'advice-delivered'],
    ['cancelled', 'advice-delivered'],
  ] as const)('%s from %s: budget figures back to before the assignment', async (end, from) => {
    const money = await budget(coordinator);
    const { id, assignmentId } = await inState(from, 90);
    const rate = (await specialist(coordinator, 4)).currentRateCents;
    const during = await budget(coordinator);
    expect(during.reservedCents - money.reservedCents).toBe(Math.floor((90 * rate + 30) / 60));
    const res = await patch(end === 'withdrawn' ? requester : coordinator, id, end);
    expect(res.body.status).toBe(end);
    expect(await budget(coordinator)).toEqual(money);
    const a = (await coordinator('GET', `/api/v1/assignments/${assignmentId}`)).body;
    expect(a.reservedCents).toBe(0);
    expect(a.closedAt).toEqual(expect.any(String));
    // The work is over: no more hours, no answer to the proposal.
    if (from === 'assigned') {
      expectProblem(await worker('PATCH', `/api/v1/assignments/${assignmentId}`, { status: 'accepted' }), 409, 'invalid-transition');
    } else {
      expectProblem(await worker('POST', `/api/v1/assignments/${assignmentId}/time-entries`, entryBody({ minutes: 5 })), 409, 'invalid-transition');
    }
    expect(await budget(coordinator)).toEqual(money);
  });

  it('cancelling a request with logged hours releases only the unused part; the entry stays pending', async () => {
    const money = await budget(coordinator);
    const { id, assignmentId } = await inState('in-progress', 120);
    const entry = await worker('POST', `/api/v1/assignments/${assignmentId}/time-entries`, entryBody({ minutes: 40 }));
    expect(entry.status).toBe(201);
    await patch(coordinator, id, 'cancelled');
    const after = await budget(coordinator);
    expect(after.reservedCents).toBe(money.reservedCents);
    expect(after.pendingCents).toBe(money.pendingCents + entry.body.amountCents);
    expect(after.spentCents).toBe(money.spentCents);
    expect(after.availableCents).toBe(money.availableCents - entry.body.amountCents);
  });

  it('closing after advice releases the unused reservation and keeps what was approved', async () => {
    const money = await budget(coordinator);
    const { id, assignmentId } = await inState('advice-delivered', 180);
    const entry = await worker('POST', `/api/v1/assignments/${assignmentId}/time-entries`, entryBody({ minutes: 50 }));
    expect(entry.status).toBe(201);
    expect((await coordinator('PATCH', `/api/v1/time-entries/${entry.body.id}`, { status: 'approved' })).status).toBe(200);
    await patch(coordinator, id, 'closed');
    const after = await budget(coordinator);
    expect(after.reservedCents).toBe(money.reservedCents);
    expect(after.pendingCents).toBe(money.pendingCents);
    expect(after.spentCents).toBe(money.spentCents + entry.body.amountCents);
    expect(after.availableCents).toBe(money.availableCents - entry.body.amountCents);
  });
});

describe('advice', () => {
  it('is delivered once, only on a request in progress, by the specialist who accepted', async () => {
    const assigned = await inState('assigned');
    // Before the no-conflict confirmation the request's content does not exist for the proposed specialist (decision 103).
    expectProblem(await worker('POST', `${url(assigned.id)}/advice`, { summary: 'Kern', body: 'Duiding' }), 404, 'not-found');
    expect((await detail(assigned.id)).status).toBe('assigned');
    const { id } = await inState('advice-delivered');
    const before = await detail(id);
    expectProblem(await worker('POST', `${url(id)}/advice`, { summary: 'Nog eens', body: 'Duiding 2' }), 409, 'invalid-transition');
    const after = await detail(id);
    expect(after.advice).toEqual(before.advice);
    expect(after.timeline).toEqual(before.timeline);
  });
});

describe('timeline', () => {
  it('records actor, role and time for every step, in order', async () => {
    const start = Date.now();
    const { id } = await inState('draft');
    await patch(requester, id, 'submitted');
    await patch(coordinator, id, 'needs-information');
    await patch(requester, id, 'submitted');
    const first = await coordinator('POST', `${url(id)}/assignments`, { specialistId, estimatedMinutes: 60, overrideReason: 'Vaste keuze van de test' });
    expect(first.status).toBe(201);
    expect((await worker('PATCH', `/api/v1/assignments/${first.body.id}`, { status: 'declined', reason: 'Vakantie' })).status).toBe(200);
    const second = await coordinator('POST', `${url(id)}/assignments`, { specialistId, estimatedMinutes: 60, overrideReason: 'Vaste keuze van de test' });
    expect(second.status).toBe(201);
    expect((await worker('PATCH', `/api/v1/assignments/${second.body.id}`, { status: 'accepted' })).status).toBe(200);
    expect((await worker('POST', `${url(id)}/advice`, { summary: 'Kern', body: 'Duiding' })).status).toBe(201);
    await patch(requester, id, 'closed');
    const end = Date.now();

    const body = await detail(id, requester);
    const timeline = body.timeline as {
      fromStatus: string | null;
      toStatus: string;
      actorName: string;
      actorRole: string;
      reason: string | null;
      occurredAt: string;
    }[];
    expect(timeline.map((e) => [e.toStatus, e.actorRole])).toEqual([
      ['draft', 'requester'],
      ['submitted', 'requester'],
      ['needs-information', 'coordinator'],
      ['submitted', 'requester'],
      ['assigned', 'coordinator'],
      ['submitted', 'specialist'],
      ['assigned', 'coordinator'],
      ['in-progress', 'specialist'],
      ['advice-delivered', 'specialist'],
      ['closed', 'requester'],
    ]);
    const names = {
      requester: (await requester('GET', '/api/v1/me')).body.displayName,
      coordinator: (await coordinator('GET', '/api/v1/me')).body.displayName,
      specialist: (await worker('GET', '/api/v1/me')).body.displayName,
    } as Record<string, string>;
    let previous: string | null = null;
    let previousAt = 0;
    for (const event of timeline) {
      expect(event.fromStatus).toBe(previous);
      expect(event.actorName).toBe(names[event.actorRole]);
      const at = Date.parse(event.occurredAt);
      expect(event.occurredAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
      expect(at).toBeGreaterThanOrEqual(previousAt);
      expect(at).toBeGreaterThanOrEqual(start - 5_000);
      expect(at).toBeLessThanOrEqual(end + 5_000);
      previous = event.toStatus;
      previousAt = at;
    }
    expect(timeline[5]?.reason).toBe('Vakantie');
    expect(body.status).toBe('closed');
  });
});

describe('allowedTransitions matches what PATCH accepts', () => {
  it.each(STATES)('in state %s', async (state) => {
    const base = await inState(state);
    for (const role of ['requester', 'coordinator'] as const) {
      const caller = role === 'requester' ? requester : coordinator;
      const read = await caller('GET', url(base.id));
      if (role === 'coordinator' && state === 'draft') {
        expectProblem(read, 404, 'not-found');
        for (const to of PATCHABLE) expectProblem(await caller('PATCH', url(base.id), { status: to, reason: REASON }), 404, 'not-found');
        continue;
      }
      expect(read.status).toBe(200);
      const allowed = read.body.allowedTransitions as string[];
      expect([...allowed].sort(), `${role} in ${state}`).toEqual(EXPECTED_ALLOWED[role][state]);
      for (const to of PATCHABLE) {
        if (allowed.includes(to)) {
          const fresh = await inState(state);
          const res = await caller('PATCH', url(fresh.id), { status: to, reason: REASON });
          expect(res.status, `${role}: ${state} → ${to}: ${JSON.stringify(res.body)}`).toBe(200);
          expect(res.body.status).toBe(to);
          expect(res.body.timeline.at(-1)).toMatchObject({ fromStatus: state, toStatus: to, actorRole: role });
        } else {
          const res = await caller('PATCH', url(base.id), { status: to, reason: REASON });
          expect(res.status, `${role}: ${state} → ${to} should be refused: ${JSON.stringify(res.body)}`).toBe(409);
          expect(res.body.type).toBe('invalid-transition');
        }
      }
      expect((await detail(base.id, requester)).status).toBe(state);
    }
  });

  it('a specialist on the request is offered no PATCH transitions and gets 403', async () => {
    const { id } = await inState('in-progress');
    const read = await worker('GET', url(id));
    expect(read.status).toBe(200);
    expect(read.body.allowedTransitions).toEqual([]);
    for (const to of PATCHABLE) expectProblem(await worker('PATCH', url(id), { status: to, reason: REASON }), 403, 'forbidden');
  });
});

describe('allowedActions on a request and its assignment match what the server accepts', () => {
  // From docs/design.md §4 and §5: the coordinator assigns a submitted request; the proposed specialist
  // answers; the specialist of an accepted live assignment asks for more hours, logs hours while the
  // request is in progress or its advice has just gone out, and delivers advice while it is in
  // progress; the coordinator changes the estimate of a live assignment and ends it while the
  // request is assigned or in progress.
  const ASSIGN: Record<State, string[]> = {
    draft: [],
    submitted: ['assign'],
    'needs-information': [],
    assigned: [],
    'in-progress': [],
    'advice-delivered': [],
    closed: [],
    withdrawn: [],
    cancelled: [],
    declined: [],
  };
  const SPECIALIST: Partial<Record<State, string[]>> = {
    // A proposal is confirmed (no conflict of interest) before it is accepted (decision 103).
    assigned: ['confirm-no-conflict', 'decline'],
    'in-progress': ['log-time', 'request-extension', 'deliver-advice'],
    'advice-delivered': ['log-time', 'request-extension'],
    closed: [],
  };
  const COORDINATOR: Partial<Record<State, string[]>> = {
    assigned: ['change-estimate', 'end'],
    'in-progress': ['change-estimate', 'end'],
    'advice-delivered': ['change-estimate'],
    closed: [],
  };
  const WORK = {
    'log-time': (s: { assignmentId?: string }) => worker('POST', `/api/v1/assignments/${s.assignmentId}/time-entries`, entryBody({ minutes: 15 })),
    'request-extension': (s: { assignmentId?: string }) =>
      worker('POST', `/api/v1/assignments/${s.assignmentId}/extension-requests`, { extraMinutes: 30, reason: 'Meer bronnen' }),
    'deliver-advice': (s: { id: string }) => worker('POST', `${url(s.id)}/advice`, { summary: 'Kern', body: 'Duiding' }),
  } as const;

  it.each(STATES)('in state %s', async (state) => {
    const base = await inState(state);
    // The requester of the casustafel may give feedback on a closed request, once (docs/design.md §12),
    // and reopen a request whose advice was delivered (decision 113).
    const requesterOffered = (await detail(base.id, requester)).allowedActions as string[];
    expect(requesterOffered).toEqual(state === 'closed' ? ['give-feedback'] : state === 'advice-delivered' ? ['reopen'] : []);
    const reopen = (id: string) => requester('POST', `${url(id)}/reopen`, { reason: 'Meer werk nodig.' });
    if (requesterOffered.includes('reopen')) expect((await reopen((await inState(state)).id)).status).toBe(200);
    else expectProblem(await reopen(base.id), 409, 'invalid-transition');
    const feedback = await requester('POST', `${url(base.id)}/feedback`, { answered: 'yes', usefulness: 4, changes: ['assessment'] });
    if (requesterOffered.includes('give-feedback')) {
      expect(feedback.status, JSON.stringify(feedback.body)).toBe(201);
      expect((await detail(base.id, requester)).allowedActions).toEqual([]);
    } else expectProblem(feedback, 409, 'invalid-transition');
    if (state !== 'draft') {
      const offered = (await detail(base.id)).allowedActions as string[];
      expect(offered).toEqual(ASSIGN[state]);
      const res = await coordinator('POST', `${url(base.id)}/assignments`, { specialistId, estimatedMinutes: 30, overrideReason: 'Vaste keuze van de test' });
      if (offered.includes('assign')) expect(res.status, JSON.stringify(res.body)).toBe(201);
      else expectProblem(res, 409, 'invalid-transition');
    }
    if (!base.assignmentId) return;
    const mine = (await worker('GET', `/api/v1/assignments/${base.assignmentId}`)).body.allowedActions as string[];
    expect(mine).toEqual(SPECIALIST[state]);
    expect((await coordinator('GET', `/api/v1/assignments/${base.assignmentId}`)).body.allowedActions).toEqual(COORDINATOR[state]);
    for (const [action, call] of Object.entries(WORK)) {
      if (mine.includes(action)) {
        const res = await call(await inState(state));
        expect(res.status, `${action} in ${state}: ${JSON.stringify(res.body)}`).toBe(201);
      } else {
        const res = await call(base);
        // 404 where the request's content is not the specialist's yet (an unconfirmed proposal, decision 103).
        expect([403, 404, 409], `${action} in ${state} should be refused: ${JSON.stringify(res.body)}`).toContain(res.status);
      }
    }
  });
});
