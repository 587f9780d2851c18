import { type Executor, type StructureFile, type StructurePartChanges, schema } from '@duidingspool/db';
import { sql } from 'drizzle-orm';

/**
 * Adds the yearly budgets of a structure file whose year the database does not hold yet (amounts in
 * cents). A year that exists is left as it is, even when the file's amount differs: its ledger
 * (reserved, pending, spent) is already counted against it. `changed` is therefore always empty;
 * years in the database the file does not name are `absent`. Call it inside the import's transaction.
 */
export async function addBudgetYears(tx: Executor, budgets: StructureFile['budgets']): Promise<StructurePartChanges> {
  const b = schema.budgets;
  const existing = new Set((await tx.select({ year: b.year }).from(b)).map((row) => row.year));
  const changes: StructurePartChanges = { added: [], changed: [], absent: [] };
  for (const f of budgets) {
    if (existing.has(f.year)) continue;
    await tx.insert(b).values({ year: f.year, allocatedCents: f.allocatedCents, fundingSource: f.fundingSource, note: f.note ?? null });
    changes.added.push(String(f.year));
  }
  const named = new Set(budgets.map((f) => f.year));
  changes.absent = [...existing].filter((year) => !named.has(year)).map(String);
  return changes;
}

/**
 * What is still available in each budget year, in cents: allocated minus reserved, pending and
 * spent (docs/design.md §5). One row per year; read straight from the running totals.
 */
export async function availableByYear(db: Executor): Promise<{ year: number; availableCents: number }[]> {
  const b = schema.budgets;
  return db
    .select({ year: b.year, availableCents: sql<number>`(${b.allocatedCents} - ${b.reservedCents} - ${b.pendingCents} - ${b.spentCents})::float8` })
    .from(b)
    .orderBy(b.year);
}
