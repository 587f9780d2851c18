import { type Executor, schema } from '@duidingspool/db';
import { thresholdReached } from '@duidingspool/shared';
import { eq } from 'drizzle-orm';
import { notifyBudgetThresholdCrossed, type OutboxContext } from '../notifications/index.ts';

/**
 * After a change that can raise what is committed on `year` (a reservation, a raised estimate, an
 * entry charged across years, a lower allocation): records every configured threshold now reached
 * that was not yet crossed this year and notifies coordinators and finance once per threshold per
 * year. `INSERT … ON CONFLICT DO NOTHING RETURNING` makes "once" hold under concurrency.
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
  if (reached.length === 0) return;
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
