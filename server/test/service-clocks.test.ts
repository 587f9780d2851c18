// Service-level clocks (decision 102): the targets are the coordinator's (400 naming the field for
// zero, negative or fractional values), each request shows its running clock with its deadline from
// the working-day rule, and the triage queue sorts by the triage deadline.

import { schema } from '@duidingspool/db';
import { addDays, DEFAULT_SERVICE_LEVEL_TARGETS } from '@duidingspool/shared';
import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { adviceDueAt, answerDueAt, triageDueAt } from '../src/lib/service-clocks.ts';
import { runServiceLevelEscalations } from '../src/modules/interpretation-requests/index.ts';
import { createRequest, expectProblem, pointers, specialist, today } from './fixtures.ts';
import { type Caller, testConfig, useTestApp } from './harness.ts';

const t = useTestApp();
let coordinator: Caller;
let requester: Caller;
let worker: Caller;
const wh = testConfig.workingHours;

const clocksOf = async (id: string) => {
  const res = await coordinator('GET', `/api/v1/interpretation-requests/${id}/clocks`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items as { kind: string; startedAt: string; dueAt: string; state: string; msLeft: number }[];
};
const submittedAt = async (id: string) => new Date((await coordinator('GET', `/api/v1/interpretation-requests/${id}`)).body.submittedAt);

beforeAll(async () => {
  [coordinator, requester, worker] = await Promise.all([t.as('coordinator'), t.as('requester.arnhem'), t.as('specialist2')]);
});

describe('service-level targets', () => {
  it('answer the defaults until changed', async () => {
    const res = await coordinator('GET', '/api/v1/service-levels');
    expect(res.status).toBe(200);
    expect(res.body).toEqual(DEFAULT_SERVICE_LEVEL_TARGETS);
  });

  it('refuse zero, negative, fractional or too large targets naming the field, and write nothing', async () => {
    for (const [field, value] of [
      ['triageWorkingDays', 0],
      ['proposalAnswerWorkingDays', -1],
      ['adviceWorkingDays', 1.5],
      ['triageUrgentWorkingHours', 41],
    ] as const) {
      const res = await coordinator('PUT', '/api/v1/service-levels', { ...DEFAULT_SERVICE_LEVEL_TARGETS, [field]: value });
      expectProblem(res, 400, 'validation-failed');
      expect(pointers(res)).toEqual([`/${field}`]);
    }
    expect((await coordinator('GET', '/api/v1/service-levels')).body).toEqual(DEFAULT_SERVICE_LEVEL_TARGETS);
  });

  it('a requester may neither read nor change them', async () => {
    expect((await requester('GET', '/api/v1/service-levels')).status).toBe(403);
    expect((await requester('PUT', '/api/v1/service-levels', DEFAULT_SERVICE_LEVEL_TARGETS)).status).toBe(403);
  });
});

describe('the clocks of a request', () => {
  it('triage: the working-day rule from the submission; urgent in working hours with the targets of that moment', async () => {
    const regular = await createRequest(requester);
    const since = await submittedAt(regular.id);
    const [clock] = await clocksOf(regular.id);
    expect(clock).toMatchObject({
      kind: 'triage',
      startedAt: since.toISOString(),
      dueAt: triageDueAt(since, 'regular', DEFAULT_SERVICE_LEVEL_TARGETS, wh).toISOString(),
    });
    expect(['on-time', 'due-soon', 'overdue']).toContain(clock?.state);

    const changed = { ...DEFAULT_SERVICE_LEVEL_TARGETS, triageUrgentWorkingHours: 6 };
    expect((await coordinator('PUT', '/api/v1/service-levels', changed)).status).toBe(200);
    const urgent = await createRequest(requester, { urgency: 'urgent' });
    const urgentSince = await submittedAt(urgent.id);
    expect((await clocksOf(urgent.id))[0]?.dueAt).toBe(triageDueAt(urgentSince, 'urgent', changed, wh).toISOString());
    expect((await coordinator('PUT', '/api/v1/service-levels', DEFAULT_SERVICE_LEVEL_TARGETS)).status).toBe(200);
    // Set when submitted: the deadline keeps the targets of that moment.
    expect((await clocksOf(urgent.id))[0]?.dueAt).toBe(triageDueAt(urgentSince, 'urgent', changed, wh).toISOString());
  });

  it('answer while a proposal waits, advice by the working day before the meeting once accepted', async () => {
    const meetingDate = addDays(today(), 21);
    const request = await createRequest(requester, { meetingDate });
    const sp = await specialist(coordinator, 2);
    const assigned = await coordinator('POST', `/api/v1/interpretation-requests/${request.id}/assignments`, {
      specialistId: sp.id,
      estimatedMinutes: 60,
      overrideReason: 'Vaste keuze van de test',
    });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(201);
    const proposedAt = new Date(assigned.body.proposedAt);
    expect(await clocksOf(request.id)).toEqual([
      expect.objectContaining({ kind: 'proposal-answer', dueAt: answerDueAt(proposedAt, DEFAULT_SERVICE_LEVEL_TARGETS, wh).toISOString() }),
    ]);
    const accepted = await worker('PATCH', `/api/v1/assignments/${assigned.body.id}`, { status: 'accepted' });
    expect(accepted.status).toBe(200);
    const [advice] = await clocksOf(request.id);
    expect(advice).toMatchObject({
      kind: 'advice',
      dueAt: adviceDueAt(new Date(), meetingDate, DEFAULT_SERVICE_LEVEL_TARGETS, wh).toISOString(),
      state: 'on-time',
    });
  });

  it('another casustafel’s member does not see them', async () => {
    const request = await createRequest(requester);
    const other = await t.as('requester.zwolle');
    expect((await other('GET', `/api/v1/interpretation-requests/${request.id}/clocks`)).status).toBe(404);
  });
});

describe('the triage queue by what is due first', () => {
  it('orders waiting requests by their triage deadline, urgent ones ahead of older regular ones when due sooner', async () => {
    await createRequest(requester);
    await createRequest(requester, { urgency: 'urgent' });
    const res = await coordinator('GET', '/api/v1/interpretation-requests?status=submitted&sort=triageDue&pageSize=100');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const dues: number[] = [];
    for (const item of res.body.items as { id: string }[]) {
      const [clock] = await clocksOf(item.id);
      if (clock) dues.push(Date.parse(clock.dueAt));
    }
    expect(dues.length).toBeGreaterThan(2);
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
  });
});

describe('escalation of an overdue clock', () => {
  it('writes one content-free mail per overdue clock to each coordinator, once however often it runs', async () => {
    const triage = await createRequest(requester);
    const proposal = await createRequest(requester);
    const advice = await createRequest(requester);
    const sp = await specialist(coordinator, 2);
    const p1 = await coordinator('POST', `/api/v1/interpretation-requests/${proposal.id}/assignments`, {
      specialistId: sp.id,
      estimatedMinutes: 60,
      overrideReason: 'Vaste keuze van de test',
    });
    const p2 = await coordinator('POST', `/api/v1/interpretation-requests/${advice.id}/assignments`, {
      specialistId: sp.id,
      estimatedMinutes: 60,
      overrideReason: 'Vaste keuze van de test',
    });
    expect([p1.status, p2.status]).toEqual([201, 201]);
    expect((await worker('PATCH', `/api/v1/assignments/${p2.body.id}`, { status: 'accepted' })).status).toBe(200);
    const references = [triage.reference, proposal.reference, advice.reference];
    const rows = () =>
      t.handle.db
        .select({ reference: schema.notifications.reference, params: schema.notifications.params })
        .from(schema.notifications)
        .where(and(eq(schema.notifications.event, 'service-level-overdue'), inArray(schema.notifications.reference, references)));

    // Nothing is due yet: a fresh submission, proposal and acceptance.
    await runServiceLevelEscalations(t.handle.db, { ...testConfig, now: () => new Date() });
    expect(await rows()).toEqual([]);

    // Five weeks on every clock has run out (ten working days is at most sixteen calendar days).
    const later = () => new Date(Date.now() + 35 * 86_400_000);
    await runServiceLevelEscalations(t.handle.db, { ...testConfig, now: later });
    const coordinators = (
      await t.handle.db
        .select({ id: schema.users.id })
        .from(schema.userRoles)
        .innerJoin(schema.users, eq(schema.users.id, schema.userRoles.userId))
        .where(and(eq(schema.userRoles.role, 'coordinator'), eq(schema.users.isActive, true)))
    ).length;
    const first = await rows();
    const per = (reference: string) => first.filter((r) => r.reference === reference);
    expect(per(triage.reference).map((r) => r.params)).toEqual(Array(per(triage.reference).length).fill({ clock: 'triage' }));
    expect(per(proposal.reference).every((r) => (r.params as { clock: string }).clock === 'proposal-answer')).toBe(true);
    expect(per(advice.reference).every((r) => (r.params as { clock: string }).clock === 'advice')).toBe(true);
    expect(per(triage.reference).length).toBeGreaterThan(0);
    expect(per(triage.reference).length).toBe(per(proposal.reference).length);
    expect(per(advice.reference).length).toBe(per(triage.reference).length);
    // One per coordinator (a preference may turn it off; none here).
    expect(per(triage.reference).length).toBe(coordinators);

    expect(await runServiceLevelEscalations(t.handle.db, { ...testConfig, now: later })).toBe(0);
    expect((await rows()).length).toBe(first.length);
  });
});
