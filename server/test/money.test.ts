// Money rules of docs/design.md §5 through the API: the rate valid on `workedOn` is stored on the entry,
// entry cost = minutes × rate / 60 half-up per entry, totals are sums of entry costs, rejecting
// returns the amount to the reservation, reviews happen once, and estimates stay within bounds.
// Seeded rates (db/src/seed.ts): specialist2 9500; specialist3 11000 from 2019-01-01 and 11750 from
// 2025-01-01; specialist5 8500 from 2019-01-01 and 9000 from 2024-01-01.
import { schema } from '@duidingspool/db';
import { firstWorkDate, workDateProblem } from '@duidingspool/shared';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { budgetRow, ensureBudget, setAllocated, startAssignmentOn } from './db-helpers.ts';
import { acceptedAssignment, budget, createRequest, entryBody, expectProblem, pointers, specialist, thisYear, today } from './fixtures.ts';
import { type Caller, useTestApp } from './harness.ts';

const t = useTestApp();
const year = thisYear();

let coordinator: Caller;
let requester: Caller;
let sp2: Caller;
let sp3: Caller;
let sp5: Caller;

beforeAll(async () => {
  [coordinator, requester, sp2, sp3, sp5] = await Promise.all([
    t.as('coordinator'),
    t.as('requester.apeldoorn'),
    t.as('specialist2'),
    t.as('specialist3'),
    t.as('specialist5'),
  ]);
  // The seed has budgets for 2019 and this year only; entries worked in other years need one too.
  for (const y of [2023, 2024, 2025]) if (y !== year) await ensureBudget(t.handle, y);
});

/** An accepted assignment running since 2019-01-01, so the rate history can be walked. */
async function startedAssignment(...args: Parameters<typeof acceptedAssignment>) {
  const result = await acceptedAssignment(...args);
  await startAssignmentOn(t.handle, result.assignment.id, '2019-01-01');
  return result;
}

async function log(worker: Caller, assignmentId: string, workedOn: string, minutes: number) {
  const res = await worker('POST', `/api/v1/assignments/${assignmentId}/time-entries`, entryBody({ workedOn, minutes }));
  expect(res.status, `${workedOn} ${minutes}: ${JSON.stringify(res.body)}`).toBe(201);
  return res.body as { id: string; rateCents: number; amountCents: number; minutes: number; workedOn: string; status: string };
}

const entriesOf = async (assignmentId: string) =>
  (await coordinator('GET', `/api/v1/assignments/${assignmentId}/time-entries?pageSize=100`)).body.items as {
    id: string;
    rateCents: number;
    amountCents: number;
    status: string;
  }[];

describe('the rate valid on workedOn is stored on the entry', () => {
  it('specialist3: 11000 until 2024-12-31, 11750 from 2025-01-01', async () => {
    const { assignment } = await startedAssignment(requester, coordinator, sp3, 3, 600);
    const cases: [string, number][] = [
      ['2019-01-01', 11000],
      ['2019-06-15', 11000],
      ['2024-12-31', 11000],
      ['2025-01-01', 11750],
      [today(), 11750],
    ];
    for (const [workedOn, rate] of cases) {
      const entry = await log(sp3, assignment.id, workedOn, 60);
      expect(entry).toMatchObject({ workedOn, minutes: 60, rateCents: rate, amountCents: rate, status: 'submitted' });
    }
  });

  it('specialist5: 8500 until 2023-12-31, 9000 from 2024-01-01', async () => {
    const { assignment } = await startedAssignment(requester, coordinator, sp5, 5, 600);
    expect((await log(sp5, assignment.id, '2023-12-31', 60)).rateCents).toBe(8500);
    expect((await log(sp5, assignment.id, '2024-01-01', 60)).rateCents).toBe(9000);
    expect((await log(sp5, assignment.id, '2019-05-01', 60)).rateCents).toBe(8500);
  });

  it('an entry lands in the budget of the year it was worked; the reservation is taken from the assignment', async () => {
    const { assignment } = await startedAssignment(requester, coordinator, sp3, 3, 600);
    const [b2019, bNow] = [await budget(coordinator, 2019), await budget(coordinator)];
    const entry = await log(sp3, assignment.id, '2019-09-09', 30);
    expect(entry).toMatchObject({ rateCents: 11000, amountCents: 5500 });
    const [a2019, aNow] = [await budget(coordinator, 2019), await budget(coordinator)];
    expect(a2019.pendingCents - b2019.pendingCents).toBe(5500);
    expect(a2019.availableCents).toBe(b2019.availableCents - 5500);
    expect(bNow.reservedCents - aNow.reservedCents).toBe(5500);
    expect(aNow.pendingCents).toBe(bNow.pendingCents);
    const a = (await coordinator('GET', `/api/v1/assignments/${assignment.id}`)).body;
    expect(a.reservedCents).toBe((600 * 11750) / 60 - 5500);
  });

  it('refuses a date before the first rate with 409 no-rate', async () => {
    const { assignment } = await acceptedAssignment(requester, coordinator, sp5, 5, 60);
    await startAssignmentOn(t.handle, assignment.id, '2018-12-01');
    const before = await budget(coordinator);
    const res = await sp5('POST', `/api/v1/assignments/${assignment.id}/time-entries`, entryBody({ workedOn: '2018-12-31' }));
    expectProblem(res, 409, 'no-rate');
    expect(await budget(coordinator)).toEqual(before);
  });

  it('refuses work dated before the request was first submitted (the rule: workDateProblem), and writes nothing', async () => {
    const { assignment } = await acceptedAssignment(requester, coordinator, sp5, 5, 600);
    const hoursFrom = (await sp5('GET', `/api/v1/assignments/${assignment.id}`)).body.hoursFrom as string;
    expect(hoursFrom).toBe(today());
    const before = [await budget(coordinator, 2019), await budget(coordinator)];
    const dayBefore = new Date(`${hoursFrom}T12:00:00Z`);
    dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
    expect(workDateProblem(dayBefore.toISOString().slice(0, 10), hoursFrom, today())).toBe('before-request');
    const res = await sp5('POST', `/api/v1/assignments/${assignment.id}/time-entries`, entryBody({ workedOn: dayBefore.toISOString().slice(0, 10) }));
    expectProblem(res, 400, 'validation-failed');
    expect(pointers(res)).toContain('/workedOn');
    expect([await budget(coordinator, 2019), await budget(coordinator)]).toEqual(before);
  });

  it('accepts work dated between the submission and the proposal: hours count from the day the casustafel asked', async () => {
    const { request, assignment } = await acceptedAssignment(requester, coordinator, sp5, 5, 600);
    // The request was submitted on 3 June 2019; the specialist was proposed on 10 June and worked on the 5th.
    const r = schema.interpretationRequests;
    await t.handle.db
      .update(r)
      .set({ submittedAt: new Date('2019-06-03T08:00:00Z') })
      .where(eq(r.id, request.id));
    await t.handle.db
      .update(schema.assignments)
      .set({ proposedAt: new Date('2019-06-10T08:00:00Z') })
      .where(eq(schema.assignments.id, assignment.id));
    const shown = (await sp5('GET', `/api/v1/assignments/${assignment.id}`)).body;
    expect(shown.hoursFrom).toBe(firstWorkDate('2019-06-03T08:00:00Z'));
    const ok = await sp5('POST', `/api/v1/assignments/${assignment.id}/time-entries`, entryBody({ workedOn: '2019-06-05', minutes: 1 }));
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expectProblem(
      await sp5('POST', `/api/v1/assignments/${assignment.id}/time-entries`, entryBody({ workedOn: '2019-06-02', minutes: 1 })),
      400,
      'validation-failed',
    );
  });

  it('refuses a day in the future with 400 on /workedOn', async () => {
    const { assignment } = await acceptedAssignment(requester, coordinator, sp5, 5, 600);
    const tomorrow = new Date(`${today()}T12:00:00Z`);
    tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
    const res = await sp5('POST', `/api/v1/assignments/${assignment.id}/time-entries`, entryBody({ workedOn: tomorrow.toISOString().slice(0, 10) }));
    expectProblem(res, 400, 'validation-failed');
    expect(pointers(res)).toEqual(['/workedOn']);
  });

  it('a later rate change never reprices existing entries', async () => {
    const { assignment, specialist: sp } = await startedAssignment(requester, coordinator, sp5, 5, 600);
    const old = await log(sp5, assignment.id, '2019-05-01', 1);
    expect(old).toMatchObject({ rateCents: 8500, amountCents: 142 });
    const b2019 = await budget(coordinator, 2019);
    // The coordinator corrects the 2019 rate from April onwards (straight in the database: there is no rates API yet).
    const r = schema.specialistRates;
    await t.handle.db.insert(r).values({ specialistId: sp.id, rateCents: 20000, validFrom: '2019-04-01' });
    try {
      const stored = (await entriesOf(assignment.id)).find((e) => e.id === old.id);
      expect(stored).toMatchObject({ rateCents: 8500, amountCents: 142 });
      expect(await budget(coordinator, 2019)).toEqual(b2019);
      // A new entry after the change gets the new rate.
      expect(await log(sp5, assignment.id, '2019-05-02', 3)).toMatchObject({ rateCents: 20000, amountCents: 1000 });
      // Approving the old entry charges its stored amount, not a recomputed one.
      expect((await coordinator('PATCH', `/api/v1/time-entries/${old.id}`, { status: 'approved' })).body).toMatchObject({
        status: 'approved',
        rateCents: 8500,
        amountCents: 142,
      });
      expect((await budget(coordinator, 2019)).spentCents - b2019.spentCents).toBe(142);
    } finally {
      await t.handle.db.delete(r).where(and(eq(r.specialistId, sp.id), eq(r.validFrom, '2019-04-01')));
    }
  });
});

describe('entry cost: minutes × rate / 60, half-up per entry, in integer cents', () => {
  it.each([
    ['7 minutes at 9500', 2, today(), 7, 9500, 1108], // 1108.33
    ['1 minute at 9500', 2, today(), 1, 9500, 158], // 158.33
    ['2 minutes at 9500', 2, today(), 2, 9500, 317], // 316.67
    ['1 minute at 8500', 5, '2019-03-03', 1, 8500, 142], // 141.67
    ['3 minutes at 11750', 3, today(), 3, 11750, 588], // 587.5 exactly: half rounds up
    ['9 minutes at 11750', 3, today(), 9, 11750, 1763], // 1762.5
    ['4 minutes at 11750', 3, today(), 4, 11750, 783], // 783.33
    ['1440 minutes at 11000', 3, '2024-06-01', 1440, 11000, 264000],
  ] as const)('%s → %i cents', async (_name, n, workedOn, minutes, rate, amount) => {
    const worker = { 2: sp2, 3: sp3, 5: sp5 }[n];
    const { assignment } = await startedAssignment(requester, coordinator, worker, n, 1500);
    const entry = await log(worker, assignment.id, workedOn, minutes);
    expect(entry).toMatchObject({ minutes, rateCents: rate, amountCents: amount });
    expect(Number.isInteger(entry.amountCents)).toBe(true);
  });

  it('an assignment reserves its estimate half-up: 3 minutes of specialist3 reserve 588 cents', async () => {
    const before = await budget(coordinator);
    const request = await createRequest(requester);
    const sp = await specialist(coordinator, 3);
    const res = await coordinator('POST', `/api/v1/interpretation-requests/${request.id}/assignments`, {
      specialistId: sp.id,
      estimatedMinutes: 3,
      overrideReason: 'Vaste keuze van de test',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ rateCents: 11750, reservedCents: 588 });
    expect((await budget(coordinator)).reservedCents - before.reservedCents).toBe(588);
  });

  it('totals are sums of entry costs, not recomputed from summed minutes (2 × 3 minutes = 1176, not 1175)', async () => {
    const { assignment } = await startedAssignment(requester, coordinator, sp3, 3, 60);
    const before = await budget(coordinator);
    const a = await log(sp3, assignment.id, today(), 3);
    const b = await log(sp3, assignment.id, today(), 3);
    expect(a.amountCents + b.amountCents).toBe(1176);
    const after = await budget(coordinator);
    expect(after.pendingCents - before.pendingCents).toBe(1176);
    expect(before.reservedCents - after.reservedCents).toBe(1176);
    for (const id of [a.id, b.id]) expect((await coordinator('PATCH', `/api/v1/time-entries/${id}`, { status: 'approved' })).status).toBe(200);
    const approved = await budget(coordinator);
    expect(approved.spentCents - before.spentCents).toBe(1176);
    expect(approved.pendingCents).toBe(before.pendingCents);
    expect(approved.availableCents).toBe(before.availableCents);
  });
});

describe('reviewing entries', () => {
  it('approving moves the amount from pending to spent; available does not change', async () => {
    const { assignment } = await startedAssignment(requester, coordinator, sp2, 2, 120);
    const entry = await log(sp2, assignment.id, today(), 45);
    const before = await budget(coordinator);
    const res = await coordinator('PATCH', `/api/v1/time-entries/${entry.id}`, { status: 'approved' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'approved', amountCents: entry.amountCents, reviewedAt: expect.any(String), reviewerName: expect.any(String) });
    const after = await budget(coordinator);
    expect(after.pendingCents).toBe(before.pendingCents - entry.amountCents);
    expect(after.spentCents).toBe(before.spentCents + entry.amountCents);
    expect(after.availableCents).toBe(before.availableCents);
  });

  it('rejecting returns the amount to the reservation and frees the minutes', async () => {
    const { assignment } = await startedAssignment(requester, coordinator, sp2, 2, 60);
    const entry = await log(sp2, assignment.id, today(), 50);
    expect(entry.amountCents).toBe(7917); // 50 × 9500 / 60 = 7916.67
    const beforeBudget = await budget(coordinator);
    const beforeAssignment = (await coordinator('GET', `/api/v1/assignments/${assignment.id}`)).body;
    expect(beforeAssignment).toMatchObject({ loggedMinutes: 50, reservedCents: 9500 - 7917 });
    // 20 more minutes do not fit now.
    expectProblem(await sp2('POST', `/api/v1/assignments/${assignment.id}/time-entries`, entryBody({ minutes: 20 })), 409, 'estimate-exceeded');

    const res = await coordinator('PATCH', `/api/v1/time-entries/${entry.id}`, { status: 'rejected', reason: 'Dubbel geschreven' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'rejected', rejectReason: 'Dubbel geschreven', amountCents: 7917 });
    const afterAssignment = (await coordinator('GET', `/api/v1/assignments/${assignment.id}`)).body;
    expect(afterAssignment).toMatchObject({ loggedMinutes: 0, reservedCents: 9500 });
    const afterBudget = await budget(coordinator);
    expect(afterBudget.pendingCents).toBe(beforeBudget.pendingCents - 7917);
    expect(afterBudget.reservedCents).toBe(beforeBudget.reservedCents + 7917);
    expect(afterBudget.spentCents).toBe(beforeBudget.spentCents);
    expect(afterBudget.availableCents).toBe(beforeBudget.availableCents);
    // The freed minutes can be logged again.
    await log(sp2, assignment.id, today(), 60);
  });

  it('rejecting after the request closed returns the amount to the available budget (the reservation is gone)', async () => {
    const { assignment, request } = await startedAssignment(requester, coordinator, sp2, 2, 120);
    const entry = await log(sp2, assignment.id, today(), 30);
    expect((await sp2('POST', `/api/v1/interpretation-requests/${request.id}/advice`, { summary: 'Kern', body: 'Duiding' })).status).toBe(201);
    expect((await requester('PATCH', `/api/v1/interpretation-requests/${request.id}`, { status: 'closed' })).status).toBe(200);
    const before = await budget(coordinator);
    expect((await coordinator('PATCH', `/api/v1/time-entries/${entry.id}`, { status: 'rejected', reason: 'Niet declarabel' })).status).toBe(200);
    const after = await budget(coordinator);
    expect(after.pendingCents).toBe(before.pendingCents - entry.amountCents);
    expect(after.reservedCents).toBe(before.reservedCents);
    expect(after.availableCents).toBe(before.availableCents + entry.amountCents);
    expect((await coordinator('GET', `/api/v1/assignments/${assignment.id}`)).body.reservedCents).toBe(0);
  });

  it('rejecting an entry worked in another year puts both budgets and the assignment back as before the entry', async () => {
    const { assignment } = await startedAssignment(requester, coordinator, sp3, 3, 120);
    const before = {
      old: await budget(coordinator, 2019),
      now: await budget(coordinator),
      assignment: (await coordinator('GET', `/api/v1/assignments/${assignment.id}`)).body,
    };
    const entry = await log(sp3, assignment.id, '2019-10-10', 60);
    expect(entry).toMatchObject({ rateCents: 11000, amountCents: 11000 });
    expect((await coordinator('PATCH', `/api/v1/time-entries/${entry.id}`, { status: 'rejected', reason: 'Verkeerd jaar' })).status).toBe(200);
    expect(await budget(coordinator, 2019)).toEqual(before.old);
    expect((await coordinator('GET', `/api/v1/assignments/${assignment.id}`)).body).toMatchObject({
      loggedMinutes: 0,
      reservedCents: before.assignment.reservedCents,
    });
    expect(await budget(coordinator)).toEqual(before.now);
    // The freed minutes can be logged again within the estimate.
    await log(sp3, assignment.id, today(), 120);
  });

  it.each([
    ['approving twice', 'approved', 'approved'],
    ['rejecting an approved entry', 'approved', 'rejected'],
    ['approving a rejected entry', 'rejected', 'approved'],
    ['rejecting twice', 'rejected', 'rejected'],
  ] as const)('%s → 409 invalid-transition and nothing changes', async (_name, first, second) => {
    const { assignment } = await startedAssignment(requester, coordinator, sp2, 2, 120);
    const entry = await log(sp2, assignment.id, today(), 30);
    const reason = (s: string) => (s === 'rejected' ? { reason: 'Niet declarabel' } : {});
    expect((await coordinator('PATCH', `/api/v1/time-entries/${entry.id}`, { status: first, ...reason(first) })).status).toBe(200);
    const before = await budget(coordinator);
    const beforeAssignment = (await coordinator('GET', `/api/v1/assignments/${assignment.id}`)).body;
    const stored = (await entriesOf(assignment.id)).find((e) => e.id === entry.id);
    expectProblem(await coordinator('PATCH', `/api/v1/time-entries/${entry.id}`, { status: second, ...reason(second) }), 409, 'invalid-transition');
    expect(await budget(coordinator)).toEqual(before);
    expect((await coordinator('GET', `/api/v1/assignments/${assignment.id}`)).body).toEqual(beforeAssignment);
    expect((await entriesOf(assignment.id)).find((e) => e.id === entry.id)).toEqual(stored);
  });

  it('approving the same entry twice in parallel charges it once', async () => {
    const { assignment } = await startedAssignment(requester, coordinator, sp2, 2, 120);
    const entry = await log(sp2, assignment.id, today(), 30);
    const before = await budget(coordinator);
    const results = await Promise.all([1, 2, 3].map(() => coordinator('PATCH', `/api/v1/time-entries/${entry.id}`, { status: 'approved' })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of results.filter((x) => x.status !== 200)) expectProblem(r, 409, 'invalid-transition');
    expect((await budget(coordinator)).spentCents - before.spentCents).toBe(entry.amountCents);
  });
});

describe('changing the estimate', () => {
  it('lowering below the logged minutes → 400 on /estimatedMinutes; down to them releases the difference', async () => {
    const { assignment } = await startedAssignment(requester, coordinator, sp3, 3, 600);
    const entry = await log(sp3, assignment.id, today(), 60);
    const before = await budget(coordinator);
    const beforeAssignment = (await coordinator('GET', `/api/v1/assignments/${assignment.id}`)).body;
    const res = await coordinator('PATCH', `/api/v1/assignments/${assignment.id}`, { estimatedMinutes: 59 });
    expectProblem(res, 400, 'validation-failed');
    expect(pointers(res)).toContain('/estimatedMinutes');
    expect(await budget(coordinator)).toEqual(before);
    expect((await coordinator('GET', `/api/v1/assignments/${assignment.id}`)).body).toEqual(beforeAssignment);

    const lowered = await coordinator('PATCH', `/api/v1/assignments/${assignment.id}`, { estimatedMinutes: 60 });
    expect(lowered.status).toBe(200);
    expect(lowered.body).toMatchObject({ estimatedMinutes: 60, loggedMinutes: 60, reservedCents: 0 });
    const after = await budget(coordinator);
    expect(before.reservedCents - after.reservedCents).toBe((600 * 11750) / 60 - entry.amountCents);
    expect(after.availableCents - before.availableCents).toBe((600 * 11750) / 60 - entry.amountCents);
    // Nothing more fits now.
    expectProblem(await sp3('POST', `/api/v1/assignments/${assignment.id}/time-entries`, entryBody({ minutes: 1 })), 409, 'estimate-exceeded');
  });

  it('raising beyond the available budget → 409 budget-exceeded with availableCents; a raise that fits goes through', async () => {
    const { assignment } = await startedAssignment(requester, coordinator, sp3, 3, 60);
    const row = await budgetRow(t.handle, year);
    const allocated = row.allocatedCents;
    await setAllocated(t.handle, year, row.reservedCents + row.pendingCents + row.spentCents + 1000);
    try {
      const before = await budget(coordinator);
      expect(before.availableCents).toBe(1000);
      const res = await coordinator('PATCH', `/api/v1/assignments/${assignment.id}`, { estimatedMinutes: 120 });
      expectProblem(res, 409, 'budget-exceeded');
      expect(res.body.availableCents).toBe(1000);
      expect(await budget(coordinator)).toEqual(before);
      expect((await coordinator('GET', `/api/v1/assignments/${assignment.id}`)).body).toMatchObject({ estimatedMinutes: 60, reservedCents: 11750 });

      // +5 minutes: 65 × 11750 / 60 = 12729.17 → 12729, so 979 more cents; fits in 1000.
      const ok = await coordinator('PATCH', `/api/v1/assignments/${assignment.id}`, { estimatedMinutes: 65 });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ estimatedMinutes: 65, reservedCents: 12729 });
      expect((await budget(coordinator)).availableCents).toBe(21);
    } finally {
      await setAllocated(t.handle, year, allocated);
    }
  });

  it('the estimate of a closed request cannot change any more (409)', async () => {
    const { assignment, request } = await startedAssignment(requester, coordinator, sp2, 2, 60);
    expect((await coordinator('PATCH', `/api/v1/interpretation-requests/${request.id}`, { status: 'cancelled', reason: 'Niet meer nodig' })).status).toBe(200);
    const before = await budget(coordinator);
    expectProblem(await coordinator('PATCH', `/api/v1/assignments/${assignment.id}`, { estimatedMinutes: 120 }), 409, 'invalid-transition');
    expect(await budget(coordinator)).toEqual(before);
  });
});
