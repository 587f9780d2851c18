import { type Executor, schema } from '@duidingspool/db';
import { availableCents, type Budget, thresholdReached } from '@duidingspool/shared';
import { and, asc, eq, gte, inArray, sql } from 'drizzle-orm';
import { AppError } from '../../errors.ts';

const b = schema.budgets;
const available = sql`${b.allocatedCents} - ${b.reservedCents} - ${b.pendingCents} - ${b.spentCents}`;

/**
 * The running totals of a year's budget (docs/design.md §5). Every change here is one guarded
 * `UPDATE … WHERE … RETURNING` inside the caller's transaction: Postgres re-checks the WHERE on
 * the newest row version when concurrent transactions race, so `availableCents ≥ 0` holds under
 * any concurrency without read-then-write. The CHECK constraints on `budgets` back this up.
 */

async function budgetMissing(db: Executor, year: number): Promise<AppError> {
  const [row] = await db.select().from(b).where(eq(b.year, year));
  if (!row) return new AppError('no-budget', `Er is geen budget voor ${year} vastgesteld.`);
  const avail = availableCents(row);
  return new AppError('budget-exceeded', `Het beschikbare budget voor ${year} is onvoldoende.`, { availableCents: avail });
}

/**
 * Reserves `cents` on `year` (an assignment's estimate).
 * @throws AppError 409 `budget-exceeded` (with `availableCents`) or 409 `no-budget`
 */
export async function reserve(db: Executor, year: number, cents: number): Promise<void> {
  if (!(await tryReserve(db, year, cents))) throw await budgetMissing(db, year);
}

/** Like `reserve`, but answers false instead of throwing when `year` has no room (or no budget). */
export async function tryReserve(db: Executor, year: number, cents: number): Promise<boolean> {
  if (cents <= 0) return true;
  const rows = await db
    .update(b)
    .set({ reservedCents: sql`${b.reservedCents} + ${cents}` })
    .where(and(eq(b.year, year), gte(available, cents)))
    .returning({ year: b.year });
  return rows.length > 0;
}

/** Releases `cents` of reservation on `year` (decline, close, lower estimate). */
export async function release(db: Executor, year: number, cents: number): Promise<void> {
  if (cents <= 0) return;
  const rows = await db
    .update(b)
    .set({ reservedCents: sql`${b.reservedCents} - ${cents}` })
    .where(and(eq(b.year, year), gte(b.reservedCents, cents)))
    .returning({ year: b.year });
  if (rows.length === 0) throw new Error(`budget ${year}: cannot release ${cents} cents of reservation`);
}

/**
 * A logged entry of `cents`: its reservation on `reservationYear` becomes pending on `entryYear`
 * (the year of `workedOn`). Within one year available is unchanged; across years the entry's year
 * must have room.
 * @throws AppError 409 `budget-exceeded` / `no-budget` for the entry's year
 */
export async function reservedToPending(db: Executor, reservationYear: number, entryYear: number, cents: number): Promise<void> {
  if (reservationYear === entryYear) {
    const rows = await db
      .update(b)
      .set({ reservedCents: sql`${b.reservedCents} - ${cents}`, pendingCents: sql`${b.pendingCents} + ${cents}` })
      .where(and(eq(b.year, entryYear), gte(b.reservedCents, cents)))
      .returning({ year: b.year });
    if (rows.length === 0) throw new Error(`budget ${entryYear}: reservation smaller than ${cents} cents`);
    return;
  }
  const rows = await db
    .update(b)
    .set({ pendingCents: sql`${b.pendingCents} + ${cents}` })
    .where(and(eq(b.year, entryYear), gte(available, cents)))
    .returning({ year: b.year });
  if (rows.length === 0) throw await budgetMissing(db, entryYear);
  await release(db, reservationYear, cents);
}

/** An approved entry: `cents` move from pending to spent on `year`. */
export async function pendingToSpent(db: Executor, year: number, cents: number): Promise<void> {
  const rows = await db
    .update(b)
    .set({ pendingCents: sql`${b.pendingCents} - ${cents}`, spentCents: sql`${b.spentCents} + ${cents}` })
    .where(and(eq(b.year, year), gte(b.pendingCents, cents)))
    .returning({ year: b.year });
  if (rows.length === 0) throw new Error(`budget ${year}: pending smaller than ${cents} cents`);
}

/**
 * A rejected entry: its `cents` leave pending on `entryYear`; when `restoreReservation` they go
 * back to the assignment's reservation on the same year (available unchanged), else to available.
 */
export async function pendingRejected(db: Executor, entryYear: number, cents: number, restoreReservation: boolean): Promise<void> {
  const rows = await db
    .update(b)
    .set({
      pendingCents: sql`${b.pendingCents} - ${cents}`,
      ...(restoreReservation ? { reservedCents: sql`${b.reservedCents} + ${cents}` } : {}),
    })
    .where(and(eq(b.year, entryYear), gte(b.pendingCents, cents)))
    .returning({ year: b.year });
  if (rows.length === 0) throw new Error(`budget ${entryYear}: pending smaller than ${cents} cents`);
}

/**
 * An approved correction of `cents` (> 0, the absolute amount) on `year`: spent goes down by it.
 * When `restoreReservation` the amount goes back to the open assignment's reservation (available
 * unchanged, like a rejection); else it returns to available. Guarded: spent never below 0.
 */
export async function spentCorrected(db: Executor, year: number, cents: number, restoreReservation: boolean): Promise<void> {
  if (cents <= 0) return;
  const rows = await db
    .update(b)
    .set({
      spentCents: sql`${b.spentCents} - ${cents}`,
      ...(restoreReservation ? { reservedCents: sql`${b.reservedCents} + ${cents}` } : {}),
    })
    .where(and(eq(b.year, year), gte(b.spentCents, cents)))
    .returning({ year: b.year });
  if (rows.length === 0) throw new Error(`budget ${year}: spent smaller than ${cents} cents`);
}

/**
 * Changes the allocation of `year` to `cents`, guarded so it never drops below what is committed.
 * @throws AppError 409 `budget-exceeded` (with `availableCents`) or 404 via `no-budget`
 */
export async function setAllocation(db: Executor, year: number, cents: number): Promise<void> {
  const rows = await db
    .update(b)
    .set({ allocatedCents: cents })
    .where(and(eq(b.year, year), sql`${b.reservedCents} + ${b.pendingCents} + ${b.spentCents} <= ${cents}`))
    .returning({ year: b.year });
  if (rows.length === 0) {
    const [row] = await db.select().from(b).where(eq(b.year, year));
    if (!row) throw new AppError('no-budget', `Er is geen budget voor ${year} vastgesteld.`);
    throw new AppError('budget-exceeded', `Het budget kan niet lager dan wat al is vastgelegd.`, { availableCents: availableCents(row) });
  }
}

type BudgetRow = typeof b.$inferSelect;
const toBudget = (row: BudgetRow, crossings: { year: number; percent: number; crossedAt: Date }[]): Budget => {
  const committedCents = row.reservedCents + row.pendingCents + row.spentCents;
  const available = availableCents(row);
  return {
    year: row.year,
    allocatedCents: row.allocatedCents,
    reservedCents: row.reservedCents,
    pendingCents: row.pendingCents,
    spentCents: row.spentCents,
    availableCents: available,
    fundingSource: row.fundingSource,
    note: row.note,
    committedCents,
    fillState: available === 0 ? 'full' : 'open',
    thresholds: [...row.thresholdPercents]
      .sort((x, y) => x - y)
      .map((percent) => ({
        percent,
        reached: thresholdReached(committedCents, row.allocatedCents, percent),
        crossedAt: crossings.find((c) => c.year === row.year && c.percent === percent)?.crossedAt.toISOString() ?? null,
      })),
  };
};

const crossingsOf = (db: Executor, years: number[]) =>
  years.length === 0
    ? Promise.resolve([])
    : db
        .select({
          year: schema.budgetThresholdCrossings.year,
          percent: schema.budgetThresholdCrossings.percent,
          crossedAt: schema.budgetThresholdCrossings.crossedAt,
        })
        .from(schema.budgetThresholdCrossings)
        .where(inArray(schema.budgetThresholdCrossings.year, years));

/** The budget of `year` with its thresholds, or null. One row plus its (≤ 10) crossings. */
export async function findBudget(db: Executor, year: number): Promise<Budget | null> {
  const [row] = await db.select().from(b).where(eq(b.year, year));
  return row ? toBudget(row, await crossingsOf(db, [year])) : null;
}

/** All budgets, oldest year first. */
export async function listBudgets(db: Executor): Promise<Budget[]> {
  const rows = await db.select().from(b).orderBy(asc(b.year));
  const crossings = await crossingsOf(
    db,
    rows.map((r) => r.year),
  );
  return rows.map((r) => toBudget(r, crossings));
}
