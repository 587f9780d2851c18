// The ledger through the API: rate history, extension requests, approval in bulk, corrections, period
// close, opening a year, thresholds, bad input and the double submit. After every scenario the
// stored running totals must equal what the rows say (ledgerMismatches).
import { schema } from '@duidingspool/db';
import { desc, eq, inArray } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { budgetRow, createCoordinator, ensureBudget, ledgerMismatches, setAllocated, startAssignmentOn } from './db-helpers.ts';
import { acceptedAssignment, budget, createRequest, entryBody, expectProblem, pointers, specialist, thisYear } from './fixtures.ts';
import { type Caller, useTestApp } from './harness.ts';

const t = useTestApp();

/** An accepted assignment running since 2019-01-01: hours are logged from the proposal date on. */
async function startedAssignment(...args: Parameters<typeof acceptedAssignment>) {
  const result = await acceptedAssignment(...args);
  await startAssignmentOn(t.handle, result.assignment.id, '2019-01-01');
  return result;
}
const year = thisYear();

let coordinator: Caller;
/** A second coordinator: corrections the first books are decided by another (four eyes). */
let deputy: Caller;
let finance: Caller;
let requester: Caller;
let sp2: Caller;
let sp5: Caller;

beforeAll(async () => {
  await createCoordinator(t.handle, 'coordinator.deputy');
  [coordinator, deputy, finance, requester, sp2, sp5] = await Promise.all([
    t.as('coordinator'),
    t.as('coordinator.deputy'),
    t.as('finance'),
    t.as('requester.nijmegen'),
    t.as('specialist2'),
    t.as('specialist5'),
  ]);
  await ensureBudget(t.handle, 2024);
});

afterEach(async () => {
  expect(await ledgerMismatches(t.handle)).toEqual([]);
});

async function log(worker: Caller, assignmentId: string, overrides: Record<string, unknown> = {}) {
  const res = await worker('POST', `/api/v1/assignments/${assignmentId}/time-entries`, entryBody(overrides));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; amountCents: number; minutes: number; rateCents: number; workedOn: string };
}
const approve = (id: string) => coordinator('PATCH', `/api/v1/time-entries/${id}`, { status: 'approved' });
const assignmentOf = async (id: string) => (await coordinator('GET', `/api/v1/assignments/${id}`)).body;
const auditActions = async (objectId: string) =>
  (await t.handle.db.select().from(schema.auditEvents).where(eq(schema.auditEvents.objectId, objectId))).map((e) => e.action);

describe('rate history', () => {
  it('lists, adds, refuses bad and duplicate rates; a new rate never reprices entries or reservations', async () => {
    const { assignment, specialist: sp } = await startedAssignment(requester, coordinator, sp5, 5, 600);
    const entry = await log(sp5, assignment.id, { workedOn: '2024-03-01', minutes: 60 });
    expect(entry.rateCents).toBe(9000);
    const before = { budget: await budget(coordinator), b2024: await budget(coordinator, 2024), assignment: await assignmentOf(assignment.id) };

    const list = await coordinator('GET', `/api/v1/specialists/${sp.id}/rates`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((r: { validFrom: string }) => r.validFrom)).toEqual(['2019-01-01', '2024-01-01']);

    for (const rateCents of [0, -100, 12.5]) {
      const bad = await coordinator('POST', `/api/v1/specialists/${sp.id}/rates`, { rateCents, validFrom: '2024-02-01' });
      expectProblem(bad, 400, 'validation-failed');
      expect(pointers(bad)).toContain('/rateCents');
    }
    const added = await coordinator('POST', `/api/v1/specialists/${sp.id}/rates`, { rateCents: 15000, validFrom: '2024-02-01' });
    expect(added.status).toBe(201);
    expectProblem(await coordinator('POST', `/api/v1/specialists/${sp.id}/rates`, { rateCents: 16000, validFrom: '2024-02-01' }), 409, 'conflict');
    expect(await auditActions(sp.id)).toContain('add-rate');

    // Nothing existing changes: the entry, the reservation, the budgets.
    const stored = (await coordinator('GET', `/api/v1/assignments/${assignment.id}/time-entries`)).body.items.find((e: { id: string }) => e.id === entry.id);
    expect(stored).toMatchObject({ rateCents: 9000, amountCents: 9000 });
    expect(await assignmentOf(assignment.id)).toEqual(before.assignment);
    expect(await budget(coordinator)).toEqual(before.budget);
    expect(await budget(coordinator, 2024)).toEqual(before.b2024);
    // New work in the period gets the new rate.
    expect((await log(sp5, assignment.id, { workedOn: '2024-03-02', minutes: 60 })).rateCents).toBe(15000);

    expect((await finance('GET', `/api/v1/specialists/${sp.id}/rates`)).status).toBe(403);
    expectProblem(await coordinator('GET', `/api/v1/specialists/${crypto.randomUUID()}/rates`), 404, 'not-found');
  });
});

describe('extension requests', () => {
  it('the specialist asks, coordinators are told; granting raises the estimate and the reservation, refusing needs a reason', async () => {
    const { assignment, specialist: sp } = await startedAssignment(requester, coordinator, sp2, 2, 60);
    const asked = await sp2('POST', `/api/v1/assignments/${assignment.id}/extension-requests`, { extraMinutes: 90, reason: 'Extra gesprek met de school' });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    expect(asked.body).toMatchObject({ status: 'requested', extraMinutes: 90 });
    const n = schema.notifications;
    expect((await t.handle.db.select().from(n).where(eq(n.event, 'extension-requested'))).length).toBeGreaterThan(0);
    // Another specialist neither sees nor asks on it; the coordinator sees it.
    expect((await sp5('GET', '/api/v1/extension-requests')).body.items.find((x: { id: string }) => x.id === asked.body.id)).toBeUndefined();
    expect((await coordinator('GET', '/api/v1/extension-requests?status=requested')).body.items.map((x: { id: string }) => x.id)).toContain(asked.body.id);

    const before = await budget(coordinator);
    const granted = await coordinator('PATCH', `/api/v1/extension-requests/${asked.body.id}`, { status: 'granted' });
    expect(granted.status).toBe(200);
    expect(await assignmentOf(assignment.id)).toMatchObject({ estimatedMinutes: 150, reservedCents: (150 * sp.currentRateCents) / 60 });
    expect((await budget(coordinator)).reservedCents - before.reservedCents).toBe((90 * sp.currentRateCents) / 60);
    expectProblem(
      await coordinator('PATCH', `/api/v1/extension-requests/${asked.body.id}`, { status: 'refused', reason: 'Te laat' }),
      409,
      'invalid-transition',
    );
    expect((await t.handle.db.select().from(n).where(eq(n.event, 'extension-granted'))).length).toBe(1);

    const second = await sp2('POST', `/api/v1/assignments/${assignment.id}/extension-requests`, { extraMinutes: 30, reason: 'Nog een verslag' });
    expectProblem(await coordinator('PATCH', `/api/v1/extension-requests/${second.body.id}`, { status: 'refused' }), 400, 'validation-failed');
    const refused = await coordinator('PATCH', `/api/v1/extension-requests/${second.body.id}`, { status: 'refused', reason: 'Past niet in de opdracht' });
    expect(refused.body).toMatchObject({ status: 'refused', decisionReason: 'Past niet in de opdracht' });
    expect((await assignmentOf(assignment.id)).estimatedMinutes).toBe(150);
  });

  it('a grant that does not fit the budget → 409 budget-exceeded; the request stays open and nothing changes', async () => {
    const { assignment } = await startedAssignment(requester, coordinator, sp2, 2, 60);
    const asked = await sp2('POST', `/api/v1/assignments/${assignment.id}/extension-requests`, { extraMinutes: 600, reason: 'Veel meer werk' });
    const row = await budgetRow(t.handle, year);
    await setAllocated(t.handle, year, row.reservedCents + row.pendingCents + row.spentCents + 100);
    try {
      const before = await budget(coordinator);
      expectProblem(await coordinator('PATCH', `/api/v1/extension-requests/${asked.body.id}`, { status: 'granted' }), 409, 'budget-exceeded');
      expect(await budget(coordinator)).toEqual(before);
      expect((await coordinator('GET', '/api/v1/extension-requests?status=requested')).body.items.map((x: { id: string }) => x.id)).toContain(asked.body.id);
    } finally {
      await setAllocated(t.handle, year, row.allocatedCents);
    }
  });
});

describe('approval in bulk and corrections', () => {
  it('approves several entries at once; one already approved makes the whole batch 409 with nothing changed', async () => {
    const { assignment } = await startedAssignment(requester, coordinator, sp2, 2, 240);
    const entries = [
      await log(sp2, assignment.id, { minutes: 30 }),
      await log(sp2, assignment.id, { minutes: 45 }),
      await log(sp2, assignment.id, { minutes: 7 }),
    ];
    expect((await approve(entries[0]?.id as string)).status).toBe(200);
    const before = await budget(coordinator);
    const ids = entries.map((e) => e.id);
    expectProblem(await coordinator('POST', '/api/v1/time-entry-reviews', { entryIds: ids, status: 'approved' }), 409, 'invalid-transition');
    expect(await budget(coordinator)).toEqual(before);
    const ok = await coordinator('POST', '/api/v1/time-entry-reviews', { entryIds: ids.slice(1), status: 'approved' });
    expect(ok.status).toBe(200);
    const sum = (entries[1]?.amountCents ?? 0) + (entries[2]?.amountCents ?? 0);
    expect(ok.body).toEqual({ reviewed: 2, amountCents: sum });
    const after = await budget(coordinator);
    expect(after.spentCents - before.spentCents).toBe(sum);
    expect(after.availableCents).toBe(before.availableCents);
    expectProblem(await coordinator('POST', '/api/v1/time-entry-reviews', { entryIds: [ids[1], ids[1]], status: 'approved' }), 400, 'validation-failed');
    expectProblem(await coordinator('POST', '/api/v1/time-entry-reviews', { entryIds: ids, status: 'rejected' }), 400, 'validation-failed');
  });

  it('an approved entry is corrected by a linked negative entry that is itself approved; corrections never exceed the original', async () => {
    const { assignment } = await startedAssignment(requester, coordinator, sp2, 2, 120);
    const original = await log(sp2, assignment.id, { minutes: 61 }); // 61 × 9500 / 60 = 9658.33 → 9658
    expect(original.amountCents).toBe(9658);
    // A submitted entry is rejected, not corrected.
    expectProblem(await coordinator('POST', `/api/v1/time-entries/${original.id}/corrections`, { minutes: -1, reason: 'Te veel' }), 409, 'invalid-transition');
    expect((await approve(original.id)).status).toBe(200);
    // Approved entries are immutable.
    expectProblem(await coordinator('PATCH', `/api/v1/time-entries/${original.id}`, { status: 'rejected', reason: 'Toch niet' }), 409, 'invalid-transition');
    expectProblem(await coordinator('POST', `/api/v1/time-entries/${original.id}/corrections`, { minutes: 5, reason: 'Positief' }), 400, 'validation-failed');
    expectProblem(
      await coordinator('POST', `/api/v1/time-entries/${original.id}/corrections`, { minutes: -62, reason: 'Te groot' }),
      409,
      'correction-too-large',
    );

    const before = { budget: await budget(coordinator), assignment: await assignmentOf(assignment.id) };
    const c1 = await coordinator('POST', `/api/v1/time-entries/${original.id}/corrections`, { minutes: -1, reason: 'Eén minuut te veel' });
    expect(c1.status, JSON.stringify(c1.body)).toBe(201);
    expect(c1.body).toMatchObject({
      minutes: -1,
      amountCents: -158,
      rateCents: 9500,
      status: 'submitted',
      correctsEntryId: original.id,
      workedOn: original.workedOn,
    });
    // A submitted correction moves no money.
    expect(await budget(coordinator)).toEqual(before.budget);
    // Four eyes: the coordinator who booked it is offered no decision (only to take it back) and is refused one, alone or in bulk.
    expect(c1.body.allowedActions).toEqual(['withdraw']);
    expectProblem(await approve(c1.body.id), 403, 'separation-of-duties');
    const bulk = await coordinator('POST', '/api/v1/time-entry-reviews', { entryIds: [c1.body.id], status: 'approved' });
    expectProblem(bulk, 403, 'separation-of-duties');
    expect(pointers(bulk)).toEqual(['/entryIds/0']);
    expect(await budget(coordinator)).toEqual(before.budget);
    const offered = await deputy('GET', `/api/v1/time-entries?assignmentId=${assignment.id}&pageSize=100`);
    expect(offered.body.items.find((e: { id: string }) => e.id === c1.body.id)?.allowedActions).toEqual(['approve', 'reject']);
    expect((await deputy('PATCH', `/api/v1/time-entries/${c1.body.id}`, { status: 'approved' })).status).toBe(200);
    const afterC1 = await budget(coordinator);
    expect(afterC1.spentCents).toBe(before.budget.spentCents - 158);
    // The assignment is open: the amount and the minute go back to its reservation.
    expect(afterC1.reservedCents).toBe(before.budget.reservedCents + 158);
    expect(await assignmentOf(assignment.id)).toMatchObject({ loggedMinutes: 60, reservedCents: before.assignment.reservedCents + 158 });

    expectProblem(
      await coordinator('POST', `/api/v1/time-entries/${original.id}/corrections`, { minutes: -61, reason: 'Te groot' }),
      409,
      'correction-too-large',
    );
    expectProblem(
      await coordinator('POST', `/api/v1/time-entries/${c1.body.id}/corrections`, { minutes: -1, reason: 'Correctie van correctie' }),
      409,
      'invalid-transition',
    );
    // The last correction takes exactly what is left in cents: 9658 − 158 = 9500, not 60 × 9500 / 60 recomputed.
    const c2 = await coordinator('POST', `/api/v1/time-entries/${original.id}/corrections`, { minutes: -60, reason: 'Gesprek ging niet door' });
    expect(c2.body).toMatchObject({ minutes: -60, amountCents: -9500 });
    expect((await deputy('PATCH', `/api/v1/time-entries/${c2.body.id}`, { status: 'approved' })).status).toBe(200);
    expect((await budget(coordinator)).spentCents).toBe(before.budget.spentCents - 9658);
    expect(await auditActions(c2.body.id)).toEqual(expect.arrayContaining(['correct', 'approve']));
  });
});

describe('withdrawing own hours', () => {
  it('the specialist withdraws an undecided entry: pending, reservation, logged minutes and day total are as before it was logged', async () => {
    const { assignment } = await startedAssignment(requester, coordinator, sp2, 2, 3000);
    const before = await budget(coordinator, year);
    const assignmentBefore = await assignmentOf(assignment.id);
    // A day of its own, so the day total is this test's alone.
    const day = `${year}-01-02`;
    const entry = await log(sp2, assignment.id, { minutes: 90, workedOn: day });
    const listed = (await sp2('GET', `/api/v1/assignments/${assignment.id}/time-entries`)).body.items.find((e: { id: string }) => e.id === entry.id);
    // Offered to its specialist only; the coordinator decides instead.
    expect(listed.allowedActions).toEqual(['withdraw']);
    const seen = (await coordinator('GET', `/api/v1/assignments/${assignment.id}/time-entries`)).body.items.find((e: { id: string }) => e.id === entry.id);
    expect(seen.allowedActions).toEqual(['approve', 'reject']);
    expect((await budget(coordinator, year)).pendingCents).toBe(before.pendingCents + entry.amountCents);

    const res = await sp2('DELETE', `/api/v1/time-entries/${entry.id}`);
    expect(res.status, JSON.stringify(res.body)).toBe(204);
    expect(await budget(coordinator, year)).toEqual(before);
    const after = await assignmentOf(assignment.id);
    expect(after.reservedCents).toBe(assignmentBefore.reservedCents);
    expect(after.loggedMinutes).toBe(assignmentBefore.loggedMinutes);
    expect((await sp2('GET', `/api/v1/assignments/${assignment.id}/time-entries`)).body.items.map((e: { id: string }) => e.id)).not.toContain(entry.id);
    expect(await auditActions(entry.id)).toEqual(expect.arrayContaining(['log-time', 'withdraw-time']));
    // Gone: a second withdrawal finds nothing.
    expectProblem(await sp2('DELETE', `/api/v1/time-entries/${entry.id}`), 404, 'not-found');
    // The day's total lost the 90 minutes: a whole day (the 24-hour limit) fits again.
    expect((await sp2('POST', `/api/v1/assignments/${assignment.id}/time-entries`, entryBody({ minutes: 24 * 60, workedOn: day }))).status).toBe(201);
  });

  it("a decided entry, a correction and someone else's entry cannot be withdrawn, and nothing changes", async () => {
    const { assignment } = await startedAssignment(requester, coordinator, sp2, 2, 600);
    const approved = await log(sp2, assignment.id, { minutes: 60 });
    expect((await approve(approved.id)).status).toBe(200);
    const rejected = await log(sp2, assignment.id, { minutes: 30 });
    expect((await coordinator('PATCH', `/api/v1/time-entries/${rejected.id}`, { status: 'rejected', reason: 'Dubbel geschreven' })).status).toBe(200);
    const correction = await coordinator('POST', `/api/v1/time-entries/${approved.id}/corrections`, { minutes: -10, reason: 'Te veel' });
    expect(correction.status).toBe(201);
    const waiting = await log(sp2, assignment.id, { minutes: 15 });
    const before = await budget(coordinator, year);

    expectProblem(await sp2('DELETE', `/api/v1/time-entries/${approved.id}`), 409, 'invalid-transition');
    expectProblem(await sp2('DELETE', `/api/v1/time-entries/${rejected.id}`), 409, 'invalid-transition');
    // The correction is on the specialist's hours but is the coordinator's: not the specialist's to withdraw.
    expectProblem(await sp2('DELETE', `/api/v1/time-entries/${correction.body.id}`), 403, 'forbidden');
    // Another specialist does not see it; a coordinator does not withdraw a specialist's hours, nor another coordinator's correction.
    expectProblem(await sp5('DELETE', `/api/v1/time-entries/${waiting.id}`), 404, 'not-found');
    expectProblem(await coordinator('DELETE', `/api/v1/time-entries/${waiting.id}`), 403, 'forbidden');
    expectProblem(await deputy('DELETE', `/api/v1/time-entries/${correction.body.id}`), 403, 'forbidden');
    expect(await budget(coordinator, year)).toEqual(before);
    expect((await sp2('GET', `/api/v1/assignments/${assignment.id}/time-entries`)).body.items).toHaveLength(4);
    // The coordinator who booked it takes it back while it waits (no one else may decide it); it moved no money.
    expect(correction.body.allowedActions).toEqual(['withdraw']);
    expect((await coordinator('DELETE', `/api/v1/time-entries/${correction.body.id}`)).status).toBe(204);
    expect(await budget(coordinator, year)).toEqual(before);
    expect((await sp2('GET', `/api/v1/assignments/${assignment.id}/time-entries`)).body.items).toHaveLength(3);
  });
});

describe('period close', () => {
  it('a closed month refuses new, approved and corrected entries with 409 period-closed until reopened with a reason', async () => {
    const { assignment } = await startedAssignment(requester, coordinator, sp2, 2, 600);
    const approved = await log(sp2, assignment.id, { workedOn: '2024-05-10', minutes: 60 });
    const pending = await log(sp2, assignment.id, { workedOn: '2024-05-11', minutes: 30 });
    // Undecided entries block the close.
    expectProblem(await finance('PATCH', '/api/v1/accounting-periods/2024-05', { status: 'closed' }), 409, 'invalid-transition');
    expect((await approve(approved.id)).status).toBe(200);
    expect((await approve(pending.id)).status).toBe(200);
    const closed = await finance('PATCH', '/api/v1/accounting-periods/2024-05', { status: 'closed' });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ month: '2024-05', status: 'closed', closedByName: expect.any(String) });
    expectProblem(await coordinator('PATCH', '/api/v1/accounting-periods/2024-05', { status: 'closed' }), 409, 'invalid-transition');

    const before = await budget(coordinator, 2024);
    expectProblem(await sp2('POST', `/api/v1/assignments/${assignment.id}/time-entries`, entryBody({ workedOn: '2024-05-31' })), 409, 'period-closed');
    expectProblem(await coordinator('POST', `/api/v1/time-entries/${approved.id}/corrections`, { minutes: -10, reason: 'Te veel' }), 409, 'period-closed');
    // The neighbouring months stay open.
    await log(sp2, assignment.id, { workedOn: '2024-06-01', minutes: 10 });
    await log(sp2, assignment.id, { workedOn: '2024-04-30', minutes: 10 });
    expect((await budget(coordinator, 2024)).pendingCents).toBeGreaterThan(before.pendingCents);

    const periods = await finance('GET', '/api/v1/accounting-periods?year=2024');
    expect(periods.body.items).toHaveLength(12);
    expect(periods.body.items.filter((p: { status: string }) => p.status === 'closed').map((p: { month: string }) => p.month)).toEqual(['2024-05']);

    expectProblem(await coordinator('PATCH', '/api/v1/accounting-periods/2024-05', { status: 'open' }), 400, 'validation-failed');
    const reopened = await coordinator('PATCH', '/api/v1/accounting-periods/2024-05', { status: 'open', reason: 'Correctie na controle NCTV' });
    expect(reopened.body.status).toBe('open');
    const events = await t.handle.db
      .select()
      .from(schema.auditEvents)
      .where(eq(schema.auditEvents.action, 'reopen-period'))
      .orderBy(desc(schema.auditEvents.occurredAt));
    expect(events[0]?.details).toMatchObject({ month: '2024-05', reason: 'Correctie na controle NCTV' });
    const c = await coordinator('POST', `/api/v1/time-entries/${approved.id}/corrections`, { minutes: -10, reason: 'Te veel' });
    expect(c.status).toBe(201);
  });

  it('each month says what may be done with it now, and the server accepts exactly that', async () => {
    type Period = { month: string; status: string; undecidedEntryCount: number; allowedActions: string[] };
    const months = async (y: number) => (await finance('GET', `/api/v1/accounting-periods?year=${y}`)).body.items as Period[];
    const period = async (month: string) => (await months(Number(month.slice(0, 4)))).find((p) => p.month === month) as Period;
    const { assignment } = await startedAssignment(requester, coordinator, sp2, 2, 600);
    const entry = await log(sp2, assignment.id, { workedOn: '2024-08-12', minutes: 45 });

    // An ended month with an entry waiting for a decision: nothing to do, and closing is refused.
    expect(await period('2024-08')).toMatchObject({ status: 'open', undecidedEntryCount: 1, allowedActions: [] });
    expectProblem(await finance('PATCH', '/api/v1/accounting-periods/2024-08', { status: 'closed' }), 409, 'invalid-transition');
    // Decided: it may be closed, and then only reopened.
    expect((await approve(entry.id)).status).toBe(200);
    expect(await period('2024-08')).toMatchObject({ status: 'open', undecidedEntryCount: 0, allowedActions: ['close'] });
    expect((await coordinator('PATCH', '/api/v1/accounting-periods/2024-08', { status: 'closed' })).status).toBe(200);
    expect(await period('2024-08')).toMatchObject({ status: 'closed', allowedActions: ['reopen'] });
    expect((await finance('PATCH', '/api/v1/accounting-periods/2024-08', { status: 'open', reason: 'Nacontrole' })).status).toBe(200);

    // This year by the server's clock (Europe/Amsterdam): only months before the running one may close.
    const running = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(new Date()).slice(0, 7);
    for (const p of await months(year)) {
      const closable = p.status === 'open' && p.month < running && p.undecidedEntryCount === 0;
      expect(p.allowedActions, p.month).toEqual(p.status === 'closed' ? ['reopen'] : closable ? ['close'] : []);
    }
    const notOver = (await months(year)).filter((p) => p.month >= running);
    for (const p of notOver.slice(0, 2)) {
      expectProblem(await finance('PATCH', `/api/v1/accounting-periods/${p.month}`, { status: 'closed' }), 400, 'validation-failed');
    }
  });

  it('a month that has not begun cannot be closed; requesters and specialists may not close', async () => {
    const next = `${year + 1}-01`;
    const res = await finance('PATCH', `/api/v1/accounting-periods/${next}`, { status: 'closed' });
    expectProblem(res, 400, 'validation-failed');
    expectProblem(await finance('PATCH', '/api/v1/accounting-periods/2024-13', { status: 'closed' }), 400, 'validation-failed');
    expect((await sp2('PATCH', '/api/v1/accounting-periods/2024-01', { status: 'closed' })).status).toBe(403);
    expect((await requester('GET', '/api/v1/accounting-periods?year=2024')).status).toBe(403);
  });
});

describe('years and funding', () => {
  it('finance opens a new year with its funding source; a second time is 409; coordinator changes the note', async () => {
    const res = await finance('POST', '/api/v1/budgets', {
      year: 2031,
      allocatedCents: 13_000_000,
      fundingSource: 'Versterkingsgelden NCTV 2031',
      note: 'Toezegging per brief',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      year: 2031,
      allocatedCents: 13_000_000,
      availableCents: 13_000_000,
      fillState: 'open',
      fundingSource: 'Versterkingsgelden NCTV 2031',
    });
    expect(res.body.thresholds.map((x: { percent: number }) => x.percent)).toEqual([50, 75, 90, 100]);
    expectProblem(await coordinator('POST', '/api/v1/budgets', { year: 2031, allocatedCents: 1, fundingSource: 'x' }), 409, 'conflict');
    for (const allocatedCents of [0, -5]) {
      expectProblem(await finance('POST', '/api/v1/budgets', { year: 2032, allocatedCents, fundingSource: 'x' }), 400, 'validation-failed');
    }
    const patched = await coordinator('PATCH', '/api/v1/budgets/2031', { note: 'Definitief' });
    expect(patched.body.note).toBe('Definitief');
    expect((await sp2('POST', '/api/v1/budgets', { year: 2033, allocatedCents: 1, fundingSource: 'x' })).status).toBe(403);
  });

  it('the allocation never drops below what is committed (409 budget-exceeded)', async () => {
    const b = await budget(coordinator);
    const committed = b.reservedCents + b.pendingCents + b.spentCents;
    expectProblem(await finance('PATCH', `/api/v1/budgets/${year}`, { allocatedCents: Math.max(committed - 1, 1) }), 409, 'budget-exceeded');
    expect(await budget(coordinator)).toEqual(b);
  });
});

describe('thresholds', () => {
  it('notifies coordinators and finance once per threshold per year; exactly 100 % is full, not over', async () => {
    const sp = await specialist(coordinator, 2); // 9500 per hour
    const y = year;
    const row = await budgetRow(t.handle, y);
    const committed = row.reservedCents + row.pendingCents + row.spentCents;
    const n = schema.notifications;
    const crossed = async () =>
      (await t.handle.db.select().from(n).where(eq(n.event, 'budget-threshold-crossed'))).map(
        (x) => (x.params as { thresholdPercent?: number } | null)?.thresholdPercent,
      );
    const c = schema.budgetThresholdCrossings;
    await t.handle.db.delete(c).where(eq(c.year, y));
    await t.handle.db.delete(n).where(eq(n.event, 'budget-threshold-crossed'));
    // One assignment takes committed from below 50 % to 80 % of an allocation chosen for it.
    const minutes = Math.ceil((committed * 0.7 * 60) / 9500) + 60;
    const cost = Math.floor((minutes * 9500 + 30) / 60);
    const target = Math.ceil(((committed + cost) * 100) / 80);
    await setAllocated(t.handle, y, target);
    expect(committed * 100 < target * 50).toBe(true);
    const r1 = await createRequest(requester);
    expect((await coordinator('POST', `/api/v1/interpretation-requests/${r1.id}/assignments`, { specialistId: sp.id, estimatedMinutes: minutes })).status).toBe(
      201,
    );
    // Every coordinator and every finance user, once per threshold.
    const told = new Set(
      (
        await t.handle.db
          .select({ email: schema.users.email })
          .from(schema.userRoles)
          .innerJoin(schema.users, eq(schema.users.id, schema.userRoles.userId))
          .where(inArray(schema.userRoles.role, ['coordinator', 'finance']))
      ).map((u) => u.email),
    );
    expect(told).toContain('finance@duidingspool.example');
    let subjects = await crossed();
    expect(subjects.filter((s) => s === 50)).toHaveLength(told.size);
    expect(subjects.filter((s) => s === 75)).toHaveLength(told.size);
    expect(subjects.some((s) => s === 90)).toBe(false);
    const recipients = await t.handle.db.select({ email: n.recipientEmail }).from(n).where(eq(n.event, 'budget-threshold-crossed'));
    expect(new Set(recipients.map((x) => x.email))).toEqual(told);
    let page = await finance('GET', `/api/v1/budgets/${y}`);
    expect(page.body.thresholds).toEqual([
      { percent: 50, reached: true, crossedAt: expect.any(String) },
      { percent: 75, reached: true, crossedAt: expect.any(String) },
      { percent: 90, reached: false, crossedAt: null },
      { percent: 100, reached: false, crossedAt: null },
    ]);

    // Dropping below and crossing again does not notify again.
    const declined = await createRequest(requester);
    const a2 = await coordinator('POST', `/api/v1/interpretation-requests/${declined.id}/assignments`, {
      specialistId: sp.id,
      estimatedMinutes: 1,
      overrideReason: 'Vaste keuze van de test',
    });
    expect(a2.status).toBe(201);
    expect((await sp2('PATCH', `/api/v1/assignments/${a2.body.id}`, { status: 'declined', reason: 'Geen tijd' })).status).toBe(200);
    expect((await crossed()).length).toBe(2 * told.size);

    // Fill it exactly: full, 100 % reached, available 0 — and nothing beyond fits.
    const now = await budget(coordinator, y);
    await setAllocated(t.handle, y, now.allocatedCents - now.availableCents + 9500);
    const r3 = await createRequest(requester);
    expect(
      (
        await coordinator('POST', `/api/v1/interpretation-requests/${r3.id}/assignments`, {
          specialistId: sp.id,
          estimatedMinutes: 60,
          overrideReason: 'Vaste keuze van de test',
        })
      ).status,
    ).toBe(201);
    page = await finance('GET', `/api/v1/budgets/${y}`);
    expect(page.body).toMatchObject({ availableCents: 0, fillState: 'full' });
    expect(page.body.thresholds.every((x: { reached: boolean }) => x.reached)).toBe(true);
    subjects = await crossed();
    expect(subjects.filter((s) => s === 100)).toHaveLength(told.size);
    const r4 = await createRequest(requester);
    expectProblem(
      await coordinator('POST', `/api/v1/interpretation-requests/${r4.id}/assignments`, {
        specialistId: sp.id,
        estimatedMinutes: 1,
        overrideReason: 'Vaste keuze van de test',
      }),
      409,
      'budget-exceeded',
    );

    // Thresholds are configurable.
    const changed = await coordinator('PATCH', `/api/v1/budgets/${y}`, { thresholdPercents: [95, 60] });
    expect(changed.body.thresholds.map((x: { percent: number }) => x.percent)).toEqual([60, 95]);
    expectProblem(await coordinator('PATCH', `/api/v1/budgets/${y}`, { thresholdPercents: [0] }), 400, 'validation-failed');
    await setAllocated(t.handle, y, row.allocatedCents);
  });
});

describe('bad input leaves everything unchanged', () => {
  it('zero or negative estimates → 400', async () => {
    const r = await createRequest(requester);
    const sp = await specialist(coordinator, 2);
    const before = await budget(coordinator);
    for (const estimatedMinutes of [0, -60]) {
      const res = await coordinator('POST', `/api/v1/interpretation-requests/${r.id}/assignments`, {
        specialistId: sp.id,
        estimatedMinutes,
        overrideReason: 'Vaste keuze van de test',
      });
      expectProblem(res, 400, 'validation-failed');
      expect(pointers(res)).toContain('/estimatedMinutes');
    }
    expect(await budget(coordinator)).toEqual(before);
  });

  it('an entry in the future → 400; more than 24 hours on one day over several entries → 409 day-limit-exceeded', async () => {
    const { assignment } = await startedAssignment(requester, coordinator, sp2, 2, 3000);
    const before = await budget(coordinator);
    const tomorrow = new Date(Date.now() + 36 * 3600_000).toISOString().slice(0, 10);
    expectProblem(await sp2('POST', `/api/v1/assignments/${assignment.id}/time-entries`, entryBody({ workedOn: tomorrow })), 400, 'validation-failed');
    expect(await budget(coordinator)).toEqual(before);
    await log(sp2, assignment.id, { workedOn: '2024-02-29', minutes: 1000 });
    await log(sp2, assignment.id, { workedOn: '2024-02-29', minutes: 440 });
    const mid = { b: await budget(coordinator), b24: await budget(coordinator, 2024), a: await assignmentOf(assignment.id) };
    const res = await sp2('POST', `/api/v1/assignments/${assignment.id}/time-entries`, entryBody({ workedOn: '2024-02-29', minutes: 1 }));
    expectProblem(res, 409, 'day-limit-exceeded');
    expect(res.body.remainingMinutes).toBe(0);
    expect(await budget(coordinator)).toEqual(mid.b);
    expect(await budget(coordinator, 2024)).toEqual(mid.b24);
    expect(await assignmentOf(assignment.id)).toEqual(mid.a);
    // The 24 hours count per specialist over all their assignments, and a rejection frees them.
    const other = await startedAssignment(requester, coordinator, sp2, 2, 60);
    expectProblem(
      await sp2('POST', `/api/v1/assignments/${other.assignment.id}/time-entries`, entryBody({ workedOn: '2024-02-29', minutes: 5 })),
      409,
      'day-limit-exceeded',
    );
    const list = (await sp2('GET', `/api/v1/assignments/${assignment.id}/time-entries`)).body.items;
    const small = list.find((e: { minutes: number }) => e.minutes === 440);
    expect((await coordinator('PATCH', `/api/v1/time-entries/${small.id}`, { status: 'rejected', reason: 'Dubbel' })).status).toBe(200);
    await log(sp2, other.assignment.id, { workedOn: '2024-02-29', minutes: 5 });
  });
});

describe('a double submit charges once', () => {
  it('five parallel posts with the same Idempotency-Key make one entry and answer it five times', async () => {
    const { assignment } = await startedAssignment(requester, coordinator, sp2, 2, 120);
    const before = await budget(coordinator);
    const key = crypto.randomUUID();
    const body = entryBody({ minutes: 40, description: 'Gesprek met de casustafel' });
    const results = await Promise.all(
      Array.from({ length: 5 }, () => sp2('POST', `/api/v1/assignments/${assignment.id}/time-entries`, body, { 'idempotency-key': key })),
    );
    for (const r of results) expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    const after = await budget(coordinator);
    expect(after.pendingCents - before.pendingCents).toBe(results[0]?.body.amountCents);
    expect((await assignmentOf(assignment.id)).loggedMinutes).toBe(40);
    // The same key with other input is refused; another key logs again.
    expectProblem(
      await sp2('POST', `/api/v1/assignments/${assignment.id}/time-entries`, { ...body, minutes: 41 }, { 'idempotency-key': key }),
      409,
      'idempotency-key-reused',
    );
    expect((await sp2('POST', `/api/v1/assignments/${assignment.id}/time-entries`, body, { 'idempotency-key': crypto.randomUUID() })).status).toBe(201);
    expect((await assignmentOf(assignment.id)).loggedMinutes).toBe(80);
  });
});

describe('finance sees money, never case content', () => {
  it('budget page calls answer finance without descriptions, questions or case references', async () => {
    const { assignment } = await startedAssignment(requester, coordinator, sp2, 2, 60);
    await log(sp2, assignment.id, { minutes: 15, description: 'Vertrouwelijke duiding van uitingen' });
    for (const path of [
      `/api/v1/budgets/${year}`,
      `/api/v1/budgets/${year}/burn-up`,
      `/api/v1/budgets/${year}/breakdowns?dimension=case-table`,
      `/api/v1/budgets/${year}/ledger-entries?pageSize=100`,
    ]) {
      const res = await finance('GET', path);
      expect(res.status, path).toBe(200);
      expect(JSON.stringify(res.body)).not.toMatch(/Vertrouwelijke|CASUS-|question|description|caseReference/);
    }
    expect((await finance('GET', '/api/v1/time-entries')).status).toBe(403);
    expect((await finance('GET', `/api/v1/assignments/${assignment.id}`)).status).toBe(403);
    const csv = await t.app.inject({ method: 'GET', url: `/api/v1/budgets/${year}/ledger-export?format=csv`, headers: { cookie: finance.cookie } });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).not.toMatch(/Vertrouwelijke|CASUS-/);
  });

  it('breakdowns from the running totals equal the entries, per dimension, to the cent', async () => {
    const b = await budget(coordinator);
    for (const dimension of ['safety-region', 'municipality', 'case-table', 'specialist', 'activity']) {
      const res = await finance('GET', `/api/v1/budgets/${year}/breakdowns?dimension=${dimension}`);
      expect(res.status).toBe(200);
      const items = res.body.items as { key: string; pendingCents: number; spentCents: number; entryCount: number }[];
      expect(
        items.reduce((s, i) => s + i.spentCents, 0),
        dimension,
      ).toBe(b.spentCents);
      expect(
        items.reduce((s, i) => s + i.pendingCents, 0),
        dimension,
      ).toBe(b.pendingCents);
      // Drill down to the entries of the largest item.
      const first = items[0];
      if (!first) continue;
      const drill = await finance('GET', `/api/v1/budgets/${year}/ledger-entries?dimension=${dimension}&key=${first.key}&pageSize=100`);
      expect(drill.status).toBe(200);
      expect(
        drill.body.items
          .filter((e: { status: string; amountCents: number }) => e.status === 'approved')
          .reduce((s: number, e: { amountCents: number }) => s + e.amountCents, 0),
      ).toBe(first.spentCents);
    }
    expectProblem(await finance('GET', `/api/v1/budgets/${year}/breakdowns?dimension=case`), 400, 'validation-failed');
    expectProblem(await finance('GET', `/api/v1/budgets/${year}/ledger-entries?dimension=specialist&key=nope`), 400, 'validation-failed');
  });
});
