// The money invariant under concurrency (docs/design.md §5): `availableCents ≥ 0` always, for the
// year and for every budget line (decision 094). On real Postgres, parallel assignments, estimate
// raises, time entries and line allocation changes race for the same budget, line or reservation;
// exactly those that fit succeed.
import { beforeAll, describe, expect, it } from 'vitest';
import { budgetRow, defaultLine, ledgerMismatches, setAllocated, sumAssignmentReservations, sumEntries } from './db-helpers.ts';
import { acceptedAssignment, budget, createRequest, entryBody, expectProblem, specialist, thisYear } from './fixtures.ts';
import { type Caller, type CallResult, useTestApp } from './harness.ts';

const t = useTestApp({ maxConnections: 10 });

/** minutes × rate / 60, half-up, computed here independently of the server. */
const cost = (minutes: number, rate: number) => Math.floor((minutes * rate + 30) / 60);

let coordinator: Caller;
let requester: Caller;
let worker2: Caller;
let worker3: Caller;
const year = thisYear();

beforeAll(async () => {
  [coordinator, requester, worker2, worker3] = await Promise.all([t.as('coordinator'), t.as('requester.hengelo'), t.as('specialist2'), t.as('specialist3')]);
});

/** Sets the allocation so that exactly `fits` more cents are available. */
async function leaveAvailable(cents: number) {
  const row = await budgetRow(t.handle, year);
  await setAllocated(t.handle, year, row.reservedCents + row.pendingCents + row.spentCents + cents);
  expect((await budget(coordinator)).availableCents).toBe(cents);
}

/** The stored totals agree with the rows they summarise, and nothing is negative. */
async function expectLedgerConsistent() {
  const row = await budgetRow(t.handle, year);
  expect(row.reservedCents).toBe(await sumAssignmentReservations(t.handle, year));
  expect(row.pendingCents).toBe(await sumEntries(t.handle, year, 'submitted'));
  expect(row.spentCents).toBe(await sumEntries(t.handle, year, 'approved'));
  expect(row.allocatedCents - row.reservedCents - row.pendingCents - row.spentCents).toBeGreaterThanOrEqual(0);
  const api = await budget(coordinator);
  expect(api.availableCents).toBe(row.allocatedCents - row.reservedCents - row.pendingCents - row.spentCents);
  return api;
}

describe('parallel assignments against a budget that fits only 7', () => {
  it('gives exactly 7 × 201 and 13 × 409 budget-exceeded, and availableCents ends exact and never below 0', async () => {
    const sp = await specialist(coordinator, 2);
    const minutes = 97;
    const each = cost(minutes, sp.currentRateCents);
    const requests = [];
    for (let i = 0; i < 20; i++) requests.push(await createRequest(requester));
    const slack = each - 1;
    await leaveAvailable(7 * each + slack);
    const before = await budget(coordinator);

    const watch: number[] = [];
    const results = await Promise.all([
      ...requests.map((r) =>
        coordinator('POST', `/api/v1/interpretation-requests/${r.id}/assignments`, {
          specialistId: sp.id,
          estimatedMinutes: minutes,
          overrideReason: 'Vaste keuze van de test',
        }),
      ),
      // Readers during the race never see a negative figure.
      ...Array.from({ length: 5 }, async () => {
        const b = await budget(coordinator);
        watch.push(b.availableCents);
        return null;
      }),
    ]);
    const answers = results.filter((r): r is CallResult => r !== null);
    const created = answers.filter((r) => r.status === 201);
    const refused = answers.filter((r) => r.status !== 201);
    expect(created).toHaveLength(7);
    expect(refused).toHaveLength(13);
    for (const r of created) expect(r.body).toMatchObject({ status: 'proposed', estimatedMinutes: minutes, reservedCents: each });
    for (const r of refused) {
      expectProblem(r, 409, 'budget-exceeded');
      expect(r.body.availableCents).toEqual(expect.any(Number));
      expect(r.body.availableCents).toBeGreaterThanOrEqual(0);
      expect(r.body.availableCents).toBeLessThan(each);
    }
    for (const a of watch) expect(a).toBeGreaterThanOrEqual(0);

    const after = await expectLedgerConsistent();
    expect(after.availableCents).toBe(slack);
    expect(after.reservedCents).toBe(before.reservedCents + 7 * each);
    expect(after.allocatedCents).toBe(before.allocatedCents);

    // The refused requests are still submitted with no assignment; the others are assigned.
    const statuses = await Promise.all(requests.map(async (r) => (await coordinator('GET', `/api/v1/interpretation-requests/${r.id}`)).body));
    expect(statuses.filter((s) => s.status === 'assigned')).toHaveLength(7);
    expect(statuses.filter((s) => s.status === 'submitted' && s.assignments.length === 0)).toHaveLength(13);

    // A refusal is stable: one more does not fit either, and its problem names what is left.
    const last = statuses.find((s) => s.status === 'submitted');
    const again = await coordinator('POST', `/api/v1/interpretation-requests/${last.id}/assignments`, {
      specialistId: sp.id,
      estimatedMinutes: minutes,
      overrideReason: 'Vaste keuze van de test',
    });
    expectProblem(again, 409, 'budget-exceeded');
    expect(again.body.availableCents).toBe(slack);
    // What does fit still goes through.
    const small = await coordinator('POST', `/api/v1/interpretation-requests/${last.id}/assignments`, {
      specialistId: sp.id,
      estimatedMinutes: 1,
      overrideReason: 'Vaste keuze van de test',
    });
    expect(small.status).toBe(201);
    expect((await expectLedgerConsistent()).availableCents).toBe(slack - cost(1, sp.currentRateCents));
  });

  it('parallel estimate raises: exactly those that fit succeed', async () => {
    const sp = await specialist(coordinator, 2);
    await leaveAvailable(10_000_000);
    const assignments = [];
    for (let i = 0; i < 10; i++) {
      const r = await createRequest(requester);
      const a = await coordinator('POST', `/api/v1/interpretation-requests/${r.id}/assignments`, {
        specialistId: sp.id,
        estimatedMinutes: 60,
        overrideReason: 'Vaste keuze van de test',
      });
      expect(a.status).toBe(201);
      assignments.push(a.body);
    }
    const delta = cost(180, sp.currentRateCents) - cost(60, sp.currentRateCents);
    await leaveAvailable(4 * delta + 17);
    const results = await Promise.all(assignments.map((a) => coordinator('PATCH', `/api/v1/assignments/${a.id}`, { estimatedMinutes: 180 })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(4);
    const refused = results.filter((r) => r.status !== 200);
    expect(refused).toHaveLength(6);
    for (const r of refused) expectProblem(r, 409, 'budget-exceeded');
    expect((await expectLedgerConsistent()).availableCents).toBe(17);
    // The refused ones kept their estimate.
    const after = await Promise.all(assignments.map(async (a) => (await coordinator('GET', `/api/v1/assignments/${a.id}`)).body));
    expect(after.filter((a) => a.estimatedMinutes === 180)).toHaveLength(4);
    expect(after.filter((a) => a.estimatedMinutes === 60 && a.reservedCents === cost(60, sp.currentRateCents))).toHaveLength(6);
  });
});

describe("parallel time entries against one assignment's remaining reservation", () => {
  it('limited by the estimate: 5 of 12 seven-minute entries fit a 35-minute estimate, the others are 409 estimate-exceeded', async () => {
    await leaveAvailable(10_000_000);
    const { assignment, specialist: sp } = await acceptedAssignment(requester, coordinator, worker2, 2, 35);
    const rate = sp.currentRateCents;
    expect(assignment.reservedCents).toBe(cost(35, rate));
    const before = await budget(coordinator);
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        worker2('POST', `/api/v1/assignments/${assignment.id}/time-entries`, entryBody({ minutes: 7, description: `Deel ${i}` })),
      ),
    );
    const created = results.filter((r) => r.status === 201);
    expect(created).toHaveLength(5);
    for (const r of created) expect(r.body).toMatchObject({ minutes: 7, rateCents: rate, amountCents: cost(7, rate), status: 'submitted' });
    const refused = results.filter((r) => r.status !== 201);
    expect(refused).toHaveLength(7);
    for (const r of refused) expectProblem(r, 409, 'estimate-exceeded');

    const a = (await coordinator('GET', `/api/v1/assignments/${assignment.id}`)).body;
    expect(a.loggedMinutes).toBe(35);
    expect(a.reservedCents).toBe(cost(35, rate) - 5 * cost(7, rate));
    const after = await expectLedgerConsistent();
    expect(after.pendingCents).toBe(before.pendingCents + 5 * cost(7, rate));
    expect(after.reservedCents).toBe(before.reservedCents - 5 * cost(7, rate));
    expect(after.availableCents).toBe(before.availableCents);
    expect((await worker2('GET', `/api/v1/assignments/${assignment.id}/time-entries`)).body.total).toBe(5);
  });

  it('limited by the money: per-entry rounding uses up the reservation before the minutes run out', async () => {
    // specialist3 now costs 11750/h: 1 minute = 195.83 → 196 cents, a 4-minute estimate = 783.33 → 783.
    // Three 1-minute entries use 588; the fourth (196) no longer fits in the remaining 195.
    const { assignment, specialist: sp } = await acceptedAssignment(requester, coordinator, worker3, 3, 4);
    const rate = sp.currentRateCents;
    expect(assignment.reservedCents).toBe(cost(4, rate));
    const fit = Math.floor(cost(4, rate) / cost(1, rate));
    if (rate === 11750) expect(fit).toBe(3);
    const before = await budget(coordinator);
    const results = await Promise.all(
      Array.from({ length: 8 }, () => worker3('POST', `/api/v1/assignments/${assignment.id}/time-entries`, entryBody({ minutes: 1 }))),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(Math.min(fit, 4));
    for (const r of results.filter((x) => x.status !== 201)) expectProblem(r, 409, 'estimate-exceeded');
    const a = (await coordinator('GET', `/api/v1/assignments/${assignment.id}`)).body;
    expect(a.reservedCents).toBe(cost(4, rate) - Math.min(fit, 4) * cost(1, rate));
    expect(a.reservedCents).toBeGreaterThanOrEqual(0);
    const after = await expectLedgerConsistent();
    expect(after.availableCents).toBe(before.availableCents);
  });
});

/** Frees `cents` of the year from its default line and puts them in a new line `code`; answers the new line. */
async function lineOf(code: string, cents: number) {
  const pool = await defaultLine(t.handle, year);
  const lowered = await coordinator('PATCH', `/api/v1/budgets/${year}/lines/${pool.id}`, { allocatedCents: pool.allocatedCents - cents });
  expect(lowered.status, JSON.stringify(lowered.body)).toBe(200);
  const created = await coordinator('POST', `/api/v1/budgets/${year}/lines`, {
    code,
    name: `Regel ${code}`,
    fundingSource: 'municipal',
    allocatedCents: cents,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body as { id: string; availableCents: number };
}

describe('parallel assignments against a budget line that fits only 5 (decision 094)', () => {
  it('the line refuses the rest with 409 budget-exceeded naming the line, though the year has room; line and year stay ≥ 0 and add up', async () => {
    const sp = await specialist(coordinator, 2);
    const minutes = 61;
    const each = cost(minutes, sp.currentRateCents);
    const slack = each - 1;
    await leaveAvailable(50 * each);
    const line = await lineOf('race-five', 5 * each + slack);
    const requests = [];
    for (let i = 0; i < 12; i++) requests.push(await createRequest(requester));
    const watch: number[] = [];
    const results = await Promise.all([
      ...requests.map((r) =>
        coordinator('POST', `/api/v1/interpretation-requests/${r.id}/assignments`, { specialistId: sp.id, estimatedMinutes: minutes, budgetLineId: line.id }),
      ),
      ...Array.from({ length: 4 }, async () => {
        const b = await budget(coordinator);
        for (const l of b.lines) watch.push(l.availableCents);
        watch.push(b.availableCents);
        return null;
      }),
    ]);
    const answers = results.filter((r): r is CallResult => r !== null);
    const created = answers.filter((r) => r.status === 201);
    const refused = answers.filter((r) => r.status !== 201);
    expect(created).toHaveLength(5);
    expect(refused).toHaveLength(7);
    for (const r of created) expect(r.body).toMatchObject({ budgetLineId: line.id, reservedCents: each });
    for (const r of refused) {
      expectProblem(r, 409, 'budget-exceeded');
      expect(r.body.budgetLineId).toBe(line.id);
      expect(r.body.availableCents).toBeGreaterThanOrEqual(0);
      expect(r.body.availableCents).toBeLessThan(each);
    }
    for (const a of watch) expect(a).toBeGreaterThanOrEqual(0);
    const after = await budget(coordinator);
    expect(after.lines.find((l: { id: string }) => l.id === line.id)).toMatchObject({ availableCents: slack, reservedCents: 5 * each });
    // The year still has the pool line's room: the refusals were the line's.
    expect(after.availableCents).toBeGreaterThanOrEqual(each);
    expect(await ledgerMismatches(t.handle)).toEqual([]);
    await expectLedgerConsistent();
  });

  it('line allocation changes racing reservations on that line never leave it below what is committed, nor the lines above the year', async () => {
    const sp = await specialist(coordinator, 2);
    const minutes = 30;
    const each = cost(minutes, sp.currentRateCents);
    await leaveAvailable(40 * each);
    const line = await lineOf('race-shrink', 10 * each);
    const requests = [];
    for (let i = 0; i < 8; i++) requests.push(await createRequest(requester));
    // Reservations on the line, lowerings of the line and a second new line taking the year's free room, all at once.
    const results = await Promise.all([
      ...requests.map((r) =>
        coordinator('POST', `/api/v1/interpretation-requests/${r.id}/assignments`, { specialistId: sp.id, estimatedMinutes: minutes, budgetLineId: line.id }),
      ),
      ...[9, 7, 5, 3].map((n) => coordinator('PATCH', `/api/v1/budgets/${year}/lines/${line.id}`, { allocatedCents: n * each })),
      coordinator('POST', `/api/v1/budgets/${year}/lines`, { code: 'race-other', name: 'Andere regel', fundingSource: 'other', allocatedCents: 1 }),
    ]);
    for (const r of results) expect([200, 201, 409]).toContain(r.status);
    const after = await budget(coordinator);
    const final = after.lines.find((l: { id: string }) => l.id === line.id);
    if (!final) throw new Error('line gone');
    expect(final.availableCents).toBeGreaterThanOrEqual(0);
    expect(final.reservedCents).toBe(results.slice(0, 8).filter((r) => r.status === 201).length * each);
    for (const l of after.lines) expect(l.availableCents).toBeGreaterThanOrEqual(0);
    expect(after.unassignedCents).toBeGreaterThanOrEqual(0);
    expect(after.availableCents).toBeGreaterThanOrEqual(0);
    expect(await ledgerMismatches(t.handle)).toEqual([]);
    await expectLedgerConsistent();
  });
});

describe('parallel approvals racing each other and hours being logged (decision 135)', () => {
  it('approves each entry once, answers as a fresh read would, never deadlocks with logging, and leaves the ledger exact', async () => {
    await leaveAvailable(10_000_000);
    const { assignment } = await acceptedAssignment(requester, coordinator, worker2, 2, 600);
    const { assignment: other } = await acceptedAssignment(requester, coordinator, worker3, 3, 600);
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) {
      const logged = await worker2('POST', `/api/v1/assignments/${assignment.id}/time-entries`, entryBody({ minutes: 5 + i, description: `Deel ${i}` }));
      expect(logged.status, JSON.stringify(logged.body)).toBe(201);
      ids.push(logged.body.id);
    }
    const before = await budget(coordinator);
    // Every entry approved twice at once, while the other specialist logs hours on the same year.
    const [approvals, logs] = await Promise.all([
      Promise.all(ids.flatMap((id) => [0, 1].map(() => coordinator('PATCH', `/api/v1/time-entries/${id}`, { status: 'approved' })))),
      Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          worker3('POST', `/api/v1/assignments/${other.id}/time-entries`, entryBody({ minutes: 3, description: `Los ${i}` })),
        ),
      ),
    ]);
    for (const r of logs) expect(r.status, JSON.stringify(r.body)).toBe(201);
    for (const [i, id] of ids.entries()) {
      const pair = approvals.slice(2 * i, 2 * i + 2);
      const ok = pair.filter((r) => r.status === 200);
      expect(ok, JSON.stringify(pair.map((r) => r.body))).toHaveLength(1);
      expectProblem(pair.find((r) => r.status !== 200) as CallResult, 409, 'invalid-transition');
      // The answer is the entry as it now reads.
      const fresh = (await coordinator('GET', '/api/v1/time-entries?status=approved&pageSize=100')).body.items.find((e: { id: string }) => e.id === id);
      expect(ok[0]?.body).toEqual(fresh);
      expect(ok[0]?.body).toMatchObject({ status: 'approved', allowedActions: ['correct'] });
    }
    const approvedCents = approvals.filter((r) => r.status === 200).reduce((s, r) => s + (r.body.amountCents as number), 0);
    const after = await expectLedgerConsistent();
    expect(after.spentCents).toBe(before.spentCents + approvedCents);
    expect(await ledgerMismatches(t.handle)).toEqual([]);
  });
});
