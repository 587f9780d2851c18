import { type Executor, type StructureFile, type StructurePartChanges, schema } from '@duidingspool/db';
import { sql } from 'drizzle-orm';
import { addDefaultLine } from './budget-lines.service.ts';

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
    await addLinesOfFile(tx, f);
    changes.added.push(String(f.year));
  }
  const named = new Set(budgets.map((f) => f.year));
  changes.absent = [...existing].filter((year) => !named.has(year)).map(String);
  return changes;
}

/**
 * The lines of a new year from the structure file: the first line is the default (the pool's); without
 * lines the year gets one default line holding its whole allocation (decision 094). The file's schema
 * checks that the lines together stay within the year.
 */
async function addLinesOfFile(tx: Executor, f: StructureFile['budgets'][number]): Promise<void> {
  const [first, ...rest] = f.lines ?? [];
  if (!first) {
    await addDefaultLine(tx, f.year, f.allocatedCents);
    return;
  }
  await addDefaultLine(tx, f.year, first.allocatedCents, { code: first.code, name: first.name, fundingSource: first.fundingSource, note: first.note ?? null });
  for (const line of rest) {
    await tx.insert(schema.budgetLines).values({
      year: f.year,
      code: line.code,
      name: line.name,
      fundingSource: line.fundingSource,
      allocatedCents: line.allocatedCents,
      note: line.note ?? null,
    });
  }
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
