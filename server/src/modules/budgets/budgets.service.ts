import { schema } from '@duidingspool/db';
import type { Budget, CreateBudgetBody, PatchBudgetBody } from '@duidingspool/shared';
import { eq } from 'drizzle-orm';
import { AppError, notFound } from '../../errors.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { audit } from '../audit/index.ts';
import { findBudget, setAllocation } from './budget-ledger.ts';
import { addDefaultLine } from './budget-lines.service.ts';
import { noteThresholds } from './budget-thresholds.ts';

// A year's budget: opened and changed here, its figures moved by the budget ledger. What the budget
// page shows beyond the budget row is read by budget-page.read-model.ts and ledger-lines.read-model.ts.

const b = schema.budgets;

/**
 * Throws unless `year` has a budget: one primary-key read, for the reads that only need the year to
 * exist (the ledger drill-down and its export), not the budget's figures, thresholds and lines.
 * @throws AppError 404 `not-found`
 */
export async function requireBudgetYear(ctx: Pick<ServiceContext, 'db'>, year: number): Promise<void> {
  const [row] = await ctx.db.select({ year: b.year }).from(b).where(eq(b.year, year));
  if (!row) throw notFound(`Het budget voor ${year}`);
}

/** The budget of `year`. @throws AppError 404 `not-found` */
export async function getBudget(ctx: Pick<ServiceContext, 'db'>, year: number): Promise<Budget> {
  const budget = await findBudget(ctx.db, year);
  if (!budget) throw notFound(`Het budget voor ${year}`);
  return budget;
}

/**
 * Finance or the coordinator opens a year's budget with its allocation and funding source, and its
 * default line (the pool's) holding the whole allocation (decision 094). Audited.
 * @throws AppError 409 `conflict` (the year has a budget already)
 */
export async function createBudget(ctx: ServiceContext, body: CreateBudgetBody): Promise<Budget> {
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(b)
      .values({ year: body.year, allocatedCents: body.allocatedCents, fundingSource: body.fundingSource, note: body.note ?? null })
      .onConflictDoNothing()
      .returning({ year: b.year });
    if (!row) throw new AppError('conflict', `Er is al een budget voor ${body.year}.`);
    await addDefaultLine(tx, body.year, body.allocatedCents);
    await audit(ctx, tx, { action: 'open-budget', objectType: 'budget', objectId: null, result: 'success', details: { ...body } });
  });
  return getBudget(ctx, body.year);
}

/**
 * Changes a year's allocation (guarded: never below what is committed), funding source, note or
 * thresholds. A lower allocation or lower thresholds may cross thresholds: they are noted. Audited.
 * @throws AppError 404 `not-found`, 409 `budget-exceeded`
 */
export async function updateBudget(ctx: ServiceContext, year: number, body: PatchBudgetBody): Promise<Budget> {
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(b).where(eq(b.year, year)).for('update');
    if (!row) throw notFound(`Het budget voor ${year}`);
    if (body.allocatedCents !== undefined) await setAllocation(tx, year, body.allocatedCents);
    const rest: Partial<typeof b.$inferInsert> = {};
    if (body.fundingSource !== undefined) rest.fundingSource = body.fundingSource;
    if (body.note !== undefined) rest.note = body.note;
    if (body.thresholdPercents !== undefined) rest.thresholdPercents = [...body.thresholdPercents].sort((x, y) => x - y);
    if (Object.keys(rest).length > 0) await tx.update(b).set(rest).where(eq(b.year, year));
    await noteThresholds(tx, year, ctx);
    await audit(ctx, tx, {
      action: 'change-budget',
      objectType: 'budget',
      objectId: null,
      result: 'success',
      details: {
        year,
        from: { allocatedCents: row.allocatedCents, fundingSource: row.fundingSource, note: row.note, thresholdPercents: row.thresholdPercents },
        to: body,
      },
    });
  });
  return getBudget(ctx, year);
}
