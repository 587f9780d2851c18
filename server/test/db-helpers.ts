// Direct database helpers for tests that must set up a situation the API cannot (a tight budget,
// a budget for an older year, a later rate change) or check stored rows against the API.
import { type DatabaseHandle, schema } from '@duidingspool/db';
import { eq, sql } from 'drizzle-orm';

/** The stored budget row of `year`. */
export async function budgetRow(handle: DatabaseHandle, year: number) {
  const [row] = await handle.db.select().from(schema.budgets).where(eq(schema.budgets.year, year));
  if (!row) throw new Error(`no budget row for ${year}`);
  return row;
}

/** Sets `allocated_cents` of `year` directly. */
export async function setAllocated(handle: DatabaseHandle, year: number, cents: number): Promise<void> {
  await handle.db.update(schema.budgets).set({ allocatedCents: cents }).where(eq(schema.budgets.year, year));
}

/** Adds a budget for `year` if there is none (for entries worked in years the seed has no budget for). */
export async function ensureBudget(handle: DatabaseHandle, year: number, allocatedCents = 12_500_000): Promise<void> {
  await handle.db
    .insert(schema.budgets)
    .values({ year, allocatedCents, fundingSource: `Test ${year}`, note: 'test' })
    .onConflictDoNothing();
}

/** Sum of the `reserved_cents` of all assignments on `year`'s budget. */
export async function sumAssignmentReservations(handle: DatabaseHandle, year: number): Promise<number> {
  const [row] = await handle.db
    .select({ n: sql<string>`coalesce(sum(${schema.assignments.reservedCents}), 0)::bigint` })
    .from(schema.assignments)
    .where(eq(schema.assignments.budgetYear, year));
  return Number(row?.n ?? 0);
}

/** Sum of the `amount_cents` of entries on `year` with `status`. */
export async function sumEntries(handle: DatabaseHandle, year: number, status: 'submitted' | 'approved' | 'rejected'): Promise<number> {
  const [row] = await handle.db
    .select({ n: sql<string>`coalesce(sum(${schema.timeEntries.amountCents}), 0)::bigint` })
    .from(schema.timeEntries)
    .where(sql`${schema.timeEntries.budgetYear} = ${year} and ${schema.timeEntries.status} = ${status}`);
  return Number(row?.n ?? 0);
}

/**
 * Dates an assignment's proposal at `date` (00:00 Europe/Amsterdam in winter time), as if it had
 * run since then: hours can only be logged from the proposal date on.
 */
export async function startAssignmentOn(handle: DatabaseHandle, assignmentId: string, date: string): Promise<void> {
  await handle.db
    .update(schema.assignments)
    .set({ proposedAt: new Date(`${date}T00:00:00+01:00`) })
    .where(eq(schema.assignments.id, assignmentId));
}
