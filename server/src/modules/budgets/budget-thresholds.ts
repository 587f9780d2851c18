import { type Executor, schema } from '@duidingspool/db';
import { thresholdReached } from '@duidingspool/shared';
import { eq } from 'drizzle-orm';
import { notifyBudgetThresholdCrossed, type OutboxContext } from '../notifications/index.ts';

/**
 * After a change that can raise what is committed on `year` (a reservation, a raised estimate, an
 * entry charged across years, a lower allocation): records every configured threshold now reached
 * that was not yet crossed this year and notifies coordinators and finance once per threshold per
 * year; and the same per line of the year, measured against the line's allocation (decision 094),
 * once per threshold per line (a line holding the whole year is not told apart from the year). `INSERT … ON CONFLICT DO NOTHING RETURNING` makes "once" hold under concurrency.
 * Call it inside the transaction of the change, after the ledger UPDATE.
 *
 * @param ctx the public URL and clock of the outbox
 */
export async function noteThresholds(db: Executor, year: number, ctx: OutboxContext): Promise<void> {
  const b = schema.budgets;
  const [row] = await db.select().from(b).where(eq(b.year, year));
  if (!row) return;
  const committed = row.reservedCents + row.pendingCents + row.spentCents;
  const reached = row.thresholdPercents.filter((p) => thresholdReached(committed, row.allocatedCents, p));
  if (reached.length > 0) {
    const c = schema.budgetThresholdCrossings;
    const crossed = await db
      .insert(c)
      .values(reached.map((percent) => ({ year, percent })))
      .onConflictDoNothing()
      .returning({ percent: c.percent });
    for (const { percent } of crossed.sort((x, y) => x.percent - y.percent)) {
      await notifyBudgetThresholdCrossed(db, ctx, { year, thresholdPercent: percent });
    }
  }
  const l = schema.budgetLines;
  const lines = await db.select().from(l).where(eq(l.year, year));
  for (const line of lines) {
    const lineCommitted = line.reservedCents + line.pendingCents + line.spentCents;
    const lineReached = row.thresholdPercents.filter((p) => thresholdReached(lineCommitted, line.allocatedCents, p));
    if (lineReached.length === 0) continue;
    const lc = schema.budgetLineThresholdCrossings;
    const crossed = await db
      .insert(lc)
      .values(lineReached.map((percent) => ({ lineId: line.id, percent })))
      .onConflictDoNothing()
      .returning({ percent: lc.percent });
    // A line holding the whole year says what the year's notice says: recorded, not told twice.
    if (line.allocatedCents === row.allocatedCents) continue;
    for (const { percent } of crossed.sort((x, y) => x.percent - y.percent)) {
      await notifyBudgetThresholdCrossed(db, ctx, { year, thresholdPercent: percent, line: { id: line.id, name: line.name } });
    }
  }
}
