// Budget lines and funding sources (decision 094, docs/design.md §5): a year's budget has lines,
// each with its allocation and funding source; an assignment charges one line (the default, the
// pool's, unless the coordinator names another of the same year); bad input names the field and
// writes nothing.
import { schema } from '@duidingspool/db';
import { FUNDING_SOURCES } from '@duidingspool/shared';
import { eq } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultLine, ensureBudget, ledgerMismatches } from './db-helpers.ts';
import { createRequest, entryBody, expectProblem, pointers, specialist, thisYear } from './fixtures.ts';
import { type Caller, useTestApp } from './harness.ts';

const t = useTestApp();
const year = thisYear();
const cost = (minutes: number, rate: number) => Math.floor((minutes * rate + 30) / 60);

let coordinator: Caller;
let finance: Caller;
let requester: Caller;
let sp2: Caller;

type Line = {
  id: string;
  code: string;
  name: string;
  fundingSource: string;
  isDefault: boolean;
  allocatedCents: number;
  reservedCents: number;
  availableCents: number;
  allowedActions: string[];
};
type Budget = { allocatedCents: number; availableCents: number; reservedCents: number; unassignedCents: number; lines: Line[] };

const getBudget = async (y = year) => {
  const res = await coordinator('GET', `/api/v1/budgets/${y}`);
  expect(res.status).toBe(200);
  return res.body as Budget;
};
const lineByCode = async (code: string, y = year) => {
  const line = (await getBudget(y)).lines.find((l) => l.code === code);
  if (!line) throw new Error(`no line ${code}`);
  return line;
};

beforeAll(async () => {
  [coordinator, finance, requester, sp2] = await Promise.all([t.as('coordinator'), t.as('finance'), t.as('requester.nijmegen'), t.as('specialist2')]);
  await ensureBudget(t.handle, year - 2);
});

afterEach(async () => {
  expect(await ledgerMismatches(t.handle)).toEqual([]);
});

describe('the demo year', () => {
  it("has the plan's lines and funding sources inside the programme total; the pool's line is the default", async () => {
    const b = await getBudget();
    expect(b.allocatedCents).toBe(45_750_000);
    const lines = Object.fromEntries(b.lines.map((l) => [l.code, l]));
    expect(lines.pool).toMatchObject({ allocatedCents: 12_500_000, fundingSource: 'national-nctv', isDefault: true });
    expect(lines['person-centred']).toMatchObject({ allocatedCents: 3_250_000, fundingSource: 'national-nctv', isDefault: false });
    expect(lines['tailored-support']).toMatchObject({ allocatedCents: 1_000_000, fundingSource: 'national-nctv' });
    expect(lines.training).toMatchObject({ allocatedCents: 2_024_000, fundingSource: 'other' });
    expect(b.lines[0]?.code).toBe('pool');
    expect(b.unassignedCents).toBe(b.allocatedCents - b.lines.reduce((s, l) => s + l.allocatedCents, 0));
    for (const l of b.lines) expect(FUNDING_SOURCES).toContain(l.fundingSource);
  });
});

describe('an assignment charges one line', () => {
  it('the default line when none is named; the named line of the same year otherwise; the year moves with it', async () => {
    const sp = await specialist(coordinator, 2);
    const before = await getBudget();
    const beforeLine = (code: string) => before.lines.find((l) => l.code === code) as Line;
    const r1 = await createRequest(requester);
    const a1 = await coordinator('POST', `/api/v1/interpretation-requests/${r1.id}/assignments`, { specialistId: sp.id, estimatedMinutes: 60 });
    expect(a1.status, JSON.stringify(a1.body)).toBe(201);
    expect(a1.body.budgetLineId).toBe(beforeLine('pool').id);
    const training = beforeLine('training');
    const r2 = await createRequest(requester);
    const a2 = await coordinator('POST', `/api/v1/interpretation-requests/${r2.id}/assignments`, {
      specialistId: sp.id,
      estimatedMinutes: 90,
      budgetLineId: training.id,
    });
    expect(a2.status, JSON.stringify(a2.body)).toBe(201);
    expect(a2.body.budgetLineId).toBe(training.id);
    const after = await getBudget();
    const c1 = cost(60, sp.currentRateCents);
    const c2 = cost(90, sp.currentRateCents);
    expect(after.lines.find((l) => l.code === 'pool')?.reservedCents).toBe(beforeLine('pool').reservedCents + c1);
    expect(after.lines.find((l) => l.code === 'training')?.reservedCents).toBe(training.reservedCents + c2);
    expect(after.reservedCents).toBe(before.reservedCents + c1 + c2);
    // A line that was charged can no longer be deleted.
    expect(after.lines.find((l) => l.code === 'training')?.allowedActions).toEqual(['edit']);
  });

  it("logged hours are stored on the assignment's line and move its reservation to pending (available unchanged)", async () => {
    const training = await lineByCode('training');
    const r = await createRequest(requester);
    const sp = await specialist(coordinator, 2);
    const a = await coordinator('POST', `/api/v1/interpretation-requests/${r.id}/assignments`, {
      specialistId: sp.id,
      estimatedMinutes: 120,
      budgetLineId: training.id,
    });
    expect(a.status).toBe(201);
    expect((await sp2('PATCH', `/api/v1/assignments/${a.body.id}`, { status: 'accepted' })).status).toBe(200);
    const reserved = await lineByCode('training');
    const now = await sp2('POST', `/api/v1/assignments/${a.body.id}/time-entries`, entryBody({ minutes: 30 }));
    expect(now.status, JSON.stringify(now.body)).toBe(201);
    const te = schema.timeEntries;
    const [stored] = await t.handle.db.select({ line: te.budgetLineId }).from(te).where(eq(te.id, now.body.id));
    expect(stored?.line).toBe(training.id);
    const logged = await lineByCode('training');
    expect(logged.availableCents).toBe(reserved.availableCents);
    expect(logged.reservedCents).toBe(reserved.reservedCents - now.body.amountCents);
  });
});

describe('bad input names the field and writes nothing', () => {
  it('a negative allocation → 400 /allocatedCents; a code taken → 409 /code; lines above the year → 409 /allocatedCents', async () => {
    const before = await getBudget();
    const negative = await finance('POST', `/api/v1/budgets/${year}/lines`, { code: 'neg', name: 'Negatief', fundingSource: 'other', allocatedCents: -1 });
    expectProblem(negative, 400, 'validation-failed');
    expect(pointers(negative)).toEqual(['/allocatedCents']);
    const taken = await finance('POST', `/api/v1/budgets/${year}/lines`, { code: 'pool', name: 'Nog een', fundingSource: 'other', allocatedCents: 0 });
    expectProblem(taken, 409, 'conflict');
    expect(pointers(taken)).toEqual(['/code']);
    const above = await finance('POST', `/api/v1/budgets/${year}/lines`, {
      code: 'too-much',
      name: 'Te veel',
      fundingSource: 'municipal',
      allocatedCents: before.unassignedCents + 1,
    });
    expectProblem(above, 409, 'conflict');
    expect(pointers(above)).toEqual(['/allocatedCents']);
    expect(above.body.errors[0]).toMatchObject({ code: 'lines-above-year', params: { maximum: before.unassignedCents } });
    const pool = before.lines.find((l) => l.isDefault) as Line;
    const raised = await finance('PATCH', `/api/v1/budgets/${year}/lines/${pool.id}`, { allocatedCents: pool.allocatedCents + before.unassignedCents + 1 });
    expectProblem(raised, 409, 'conflict');
    expect(pointers(raised)).toEqual(['/allocatedCents']);
    const badSource = await finance('POST', `/api/v1/budgets/${year}/lines`, { code: 'src', name: 'Bron', fundingSource: 'lottery', allocatedCents: 0 });
    expectProblem(badSource, 400, 'validation-failed');
    expect(pointers(badSource)).toEqual(['/fundingSource']);
    expect(await getBudget()).toEqual(before);
  });

  it('a line below what is committed on it → 409 budget-exceeded; the year below its lines → 409 /allocatedCents', async () => {
    const pool = await lineByCode('pool');
    const committed = pool.allocatedCents - pool.availableCents;
    expect(committed).toBeGreaterThan(0);
    const before = await getBudget();
    const low = await finance('PATCH', `/api/v1/budgets/${year}/lines/${pool.id}`, { allocatedCents: committed - 1 });
    expectProblem(low, 409, 'budget-exceeded');
    expect(low.body.budgetLineId).toBe(pool.id);
    expect(pointers(low)).toEqual(['/allocatedCents']);
    const inLines = before.lines.reduce((s, l) => s + l.allocatedCents, 0);
    const year2 = await finance('PATCH', `/api/v1/budgets/${year}`, { allocatedCents: inLines - 1 });
    expectProblem(year2, 409, 'conflict');
    expect(pointers(year2)).toEqual(['/allocatedCents']);
    expect(year2.body.errors[0]).toMatchObject({ code: 'below-lines', params: { minimum: inLines } });
    expect(await getBudget()).toEqual(before);
  });

  it('an assignment on a line of another year → 409 /budgetLineId; an unknown line → 400 /budgetLineId', async () => {
    const old = await defaultLine(t.handle, year - 2);
    const sp = await specialist(coordinator, 2);
    const r = await createRequest(requester);
    const before = await getBudget();
    const other = await coordinator('POST', `/api/v1/interpretation-requests/${r.id}/assignments`, {
      specialistId: sp.id,
      estimatedMinutes: 30,
      budgetLineId: old.id,
    });
    expectProblem(other, 409, 'conflict');
    expect(pointers(other)).toEqual(['/budgetLineId']);
    const unknown = await coordinator('POST', `/api/v1/interpretation-requests/${r.id}/assignments`, {
      specialistId: sp.id,
      estimatedMinutes: 30,
      budgetLineId: '00000000-0000-4000-8000-000000000000',
    });
    expectProblem(unknown, 400, 'validation-failed');
    expect(pointers(unknown)).toEqual(['/budgetLineId']);
    expect(await getBudget()).toEqual(before);
    expect((await coordinator('GET', `/api/v1/interpretation-requests/${r.id}`)).body.status).toBe('submitted');
  });

  it('deleting a line with bookings or the default line → 409 in-use; an unused line goes', async () => {
    const training = await lineByCode('training');
    expect(training.reservedCents).toBeGreaterThan(0);
    const booked = await finance('DELETE', `/api/v1/budgets/${year}/lines/${training.id}`);
    expectProblem(booked, 409, 'in-use');
    expect(booked.body.usedBy.length).toBeGreaterThan(0);
    const pool = await lineByCode('pool');
    expectProblem(await finance('DELETE', `/api/v1/budgets/${year}/lines/${pool.id}`), 409, 'in-use');
    const made = await finance('POST', `/api/v1/budgets/${year}/lines`, { code: 'short-lived', name: 'Kort', fundingSource: 'municipal', allocatedCents: 100 });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body.allowedActions).toEqual(['edit', 'delete']);
    const gone = await finance('DELETE', `/api/v1/budgets/${year}/lines/${made.body.id}`);
    expect(gone.status).toBe(204);
    expect((await getBudget()).lines.some((l) => l.code === 'short-lived')).toBe(false);
    // A line of another year under this year's path is not found.
    const old = await defaultLine(t.handle, year - 2);
    expectProblem(await finance('DELETE', `/api/v1/budgets/${year}/lines/${old.id}`), 404, 'not-found');
  });

  it("a year whose lines hold all of it keeps holding all: its default line follows the year's allocation", async () => {
    const y = year - 2;
    const pool = await defaultLine(t.handle, y);
    const b = await getBudget(y);
    expect(b.unassignedCents).toBe(0);
    const res = await finance('PATCH', `/api/v1/budgets/${y}`, { allocatedCents: b.allocatedCents + 5000 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.unassignedCents).toBe(0);
    expect(res.body.lines.find((l: Line) => l.id === pool.id).allocatedCents).toBe(pool.allocatedCents + 5000);
  });
});

describe('the budget page publishes money per municipality and casustafel with small-cell suppression', () => {
  it('never shows an amount from fewer than 5 requests, nor a request count from 1 to 4', async () => {
    for (const dimension of ['municipality', 'case-table']) {
      const res = await finance('GET', `/api/v1/budgets/${year}/breakdowns?dimension=${dimension}`);
      expect(res.status).toBe(200);
      expect(res.body.threshold).toBe(5);
      for (const item of res.body.items as { requests: { value?: number; below?: number } | null; suppressed: boolean; spentCents: number | null }[]) {
        if (item.requests && 'value' in item.requests) expect(item.requests.value === 0 || (item.requests.value ?? 0) >= 5).toBe(true);
        if (item.requests && 'below' in item.requests) expect(item.suppressed).toBe(true);
        if (item.suppressed) expect(item.spentCents).toBeNull();
      }
    }
    // Other dimensions are not suppressed.
    const bySpecialist = await finance('GET', `/api/v1/budgets/${year}/breakdowns?dimension=specialist`);
    expect(bySpecialist.body.threshold).toBeNull();
    for (const item of bySpecialist.body.items) expect(item.suppressed).toBe(false);
  });
});
