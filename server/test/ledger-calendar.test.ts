// Calendar edges of the ledger (docs/design.md §5: dates of work are calendar dates in Europe/Amsterdam):
// the last Sundays of March and October (DST changes) and the year boundary, with the server's
// clock set to the instants around them. A reservation that runs into the next year stays on its
// own year; entries worked in the new year are charged to the new year and release the same amount
// from the old reservation (docs/decisions/012-reservations-across-years.md).
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBudget, ledgerMismatches, startAssignmentOn } from './db-helpers.ts';
import { acceptedAssignment, budget, entryBody, expectProblem, specialist } from './fixtures.ts';
import { type Caller, useTestApp } from './harness.ts';

let clock = new Date('2025-03-29T12:00:00Z');
const t = useTestApp({ now: () => clock });

/** An accepted assignment running since 2019-01-01: hours are logged from the proposal date on. */
async function startedAssignment(...args: Parameters<typeof acceptedAssignment>) {
  const result = await acceptedAssignment(...args);
  await startAssignmentOn(t.handle, result.assignment.id, '2019-01-01');
  return result;
}

let coordinator: Caller;
let finance: Caller;
let requester: Caller;
let sp2: Caller;

beforeAll(async () => {
  [coordinator, finance, requester, sp2] = await Promise.all([t.as('coordinator'), t.as('finance'), t.as('requester.zwolle'), t.as('specialist2')]);
  for (const y of [2025, 2026]) await ensureBudget(t.handle, y);
});

const log = (assignmentId: string, workedOn: string, minutes = 60) =>
  sp2('POST', `/api/v1/assignments/${assignmentId}/time-entries`, entryBody({ workedOn, minutes, description: `Werk op ${workedOn}` }));

describe('DST changes in Europe/Amsterdam', () => {
  it.each([
    // [instant (UTC), local date that is "today", the next day that is still the future]
    ['2025-03-29T23:30:00Z', '2025-03-30', '2025-03-31'], // 00:30 CET on the spring-forward Sunday
    ['2025-03-30T00:59:00Z', '2025-03-30', '2025-03-31'], // 01:59 CET, a minute before the jump
    ['2025-03-30T01:00:00Z', '2025-03-30', '2025-03-31'], // 03:00 CEST, right after the jump
    ['2025-03-30T21:59:00Z', '2025-03-30', '2025-03-31'], // 23:59 CEST
    ['2025-10-25T22:30:00Z', '2025-10-26', '2025-10-27'], // 00:30 CEST on the fall-back Sunday
    ['2025-10-26T00:30:00Z', '2025-10-26', '2025-10-27'], // 02:30 CEST, first pass
    ['2025-10-26T01:30:00Z', '2025-10-26', '2025-10-27'], // 02:30 CET, second pass
    ['2025-10-26T22:59:00Z', '2025-10-26', '2025-10-27'], // 23:59 CET
    ['2025-10-26T23:00:00Z', '2025-10-27', '2025-10-28'], // 00:00 CET the day after
  ])('at %s the date of work today is %s; %s is still the future', async (instant, localToday, tomorrow) => {
    clock = new Date(instant);
    const { assignment } = await startedAssignment(requester, coordinator, sp2, 2, 120);
    const ok = await log(assignment.id, localToday, 30);
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body).toMatchObject({ workedOn: localToday, minutes: 30, amountCents: 4750 });
    expectProblem(await log(assignment.id, tomorrow, 30), 400, 'validation-failed');
    expect(await ledgerMismatches(t.handle)).toEqual([]);
  });

  it('a DST day is one calendar day: 24 hours at most, priced by minutes, not by clock hours', async () => {
    clock = new Date('2025-10-28T10:00:00Z');
    const { assignment } = await startedAssignment(requester, coordinator, sp2, 2, 3000);
    for (const day of ['2025-03-30', '2025-10-26']) {
      // The tests above logged specialist2's 30-minute entries on these days: the refusal says what is left.
      const probe = await log(assignment.id, day, 1440);
      expectProblem(probe, 409, 'day-limit-exceeded');
      const left = probe.body.remainingMinutes as number;
      expect(left).toBe(1440 - 4 * 30);
      const full = await log(assignment.id, day, left);
      expect(full.status, JSON.stringify(full.body)).toBe(201);
      expect(full.body.amountCents).toBe((left * 9500) / 60);
      expectProblem(await log(assignment.id, day, 1), 409, 'day-limit-exceeded');
    }
    expect(await ledgerMismatches(t.handle)).toEqual([]);
  });
});

describe('the year boundary', () => {
  it('31 December and 1 January land in different years; the reservation stays on its year and releases what the new year takes', async () => {
    clock = new Date('2025-12-31T22:59:59Z'); // 23:59:59 CET on 31 December 2025
    const sp = await specialist(coordinator, 2);
    const { assignment } = await startedAssignment(requester, coordinator, sp2, 2, 240);
    expect((await coordinator('GET', `/api/v1/assignments/${assignment.id}`)).body).toMatchObject({ budgetYear: 2025, reservedCents: 4 * sp.currentRateCents });
    const dec = await log(assignment.id, '2025-12-31', 60);
    expect(dec.status).toBe(201);
    expectProblem(await log(assignment.id, '2026-01-01', 60), 400, 'validation-failed');

    clock = new Date('2025-12-31T23:00:00Z'); // 00:00 CET on 1 January 2026
    const before = { y25: await budget(coordinator, 2025), y26: await budget(coordinator, 2026) };
    const jan = await log(assignment.id, '2026-01-01', 60);
    expect(jan.status).toBe(201);
    const after = { y25: await budget(coordinator, 2025), y26: await budget(coordinator, 2026) };
    expect(after.y26.pendingCents - before.y26.pendingCents).toBe(9500);
    expect(after.y26.availableCents).toBe(before.y26.availableCents - 9500);
    expect(before.y25.reservedCents - after.y25.reservedCents).toBe(9500);
    expect(after.y25.availableCents).toBe(before.y25.availableCents + 9500);
    expect((await coordinator('GET', `/api/v1/assignments/${assignment.id}`)).body).toMatchObject({
      budgetYear: 2025,
      loggedMinutes: 120,
      reservedCents: 2 * 9500,
    });

    // A new assignment now reserves on 2026.
    const fresh = await startedAssignment(requester, coordinator, sp2, 2, 60);
    expect((await coordinator('GET', `/api/v1/assignments/${fresh.assignment.id}`)).body.budgetYear).toBe(2026);

    // Closing December 2025 freezes 31 December, not 1 January.
    const approve = (id: string) => coordinator('PATCH', `/api/v1/time-entries/${id}`, { status: 'approved' });
    const pendingDec = (await coordinator('GET', '/api/v1/time-entries?status=submitted&pageSize=100')).body.items.filter((e: { workedOn: string }) =>
      e.workedOn.startsWith('2025-12'),
    );
    for (const e of pendingDec) expect((await approve(e.id)).status).toBe(200);
    expect((await finance('PATCH', '/api/v1/accounting-periods/2025-12', { status: 'closed' })).status).toBe(200);
    expectProblem(await log(assignment.id, '2025-12-31', 10), 409, 'period-closed');
    expect((await log(assignment.id, '2026-01-01', 10)).status).toBe(201);

    // A year without a budget refuses the entry and changes nothing.
    clock = new Date('2027-01-01T09:00:00Z');
    const untouched = await budget(coordinator, 2025);
    expectProblem(await log(assignment.id, '2027-01-01', 10), 409, 'no-budget');
    expect(await budget(coordinator, 2025)).toEqual(untouched);
    expect(await ledgerMismatches(t.handle)).toEqual([]);
  });
});
