import { type Executor, schema } from '@duidingspool/db';
import { availableCents, type Budget } from '@duidingspool/shared';
import { and, asc, eq, gte, sql } from 'drizzle-orm';
import { AppError } from '../../errors.ts';

const b = schema.budgets;
const available = sql`${b.allocatedCents} - ${b.reservedCents} - ${b.pendingCents} - ${b.spentCents}`;

/**
 * The running totals of a year's budget (DESIGN.md §5). Every change here is one guarded
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

type BudgetRow = typeof b.$inferSelect;
const toBudget = (row: BudgetRow): Budget => ({
  year: row.year,
  allocatedCents: row.allocatedCents,
  reservedCents: row.reservedCents,
  pendingCents: row.pendingCents,
  spentCents: row.spentCents,
  availableCents: availableCents(row),
  fundingSource: row.fundingSource,
  note: row.note,
});

/** The budget of `year`, or null. */
export async function findBudget(db: Executor, year: number): Promise<Budget | null> {
  const [row] = await db.select().from(b).where(eq(b.year, year));
  return row ? toBudget(row) : null;
}

/** All budgets, oldest year first. */
export async function listBudgets(db: Executor): Promise<Budget[]> {
  const rows = await db.select().from(b).orderBy(asc(b.year));
  return rows.map(toBudget);
}
