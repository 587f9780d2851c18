import { type Executor, schema } from '@duidingspool/db';
import { type BudgetLine, type CreateBudgetLineBody, DEFAULT_BUDGET_LINE_CODE, type FundingSource, type PatchBudgetLineBody } from '@duidingspool/shared';
import { and, eq, sql } from 'drizzle-orm';
import { AppError, notFound } from '../../errors.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { audit } from '../audit/index.ts';
import { findBudget, linesAllocated } from './budget-ledger.ts';
import { noteThresholds } from './budget-thresholds.ts';

// The lines of a year's budget (decision 094): added, changed and deleted here; their running totals
// are moved only by the budget ledger (budget-ledger.ts). Every change of an allocation first locks
// the year's row, so the check "the lines together hold at most the year's allocation" reads current
// sums, and takes the same lock order (year, then line) as every charge.

const b = schema.budgets;
const l = schema.budgetLines;

/**
 * Adds the default line of a new budget year: the pool's, holding the whole `allocatedCents`.
 * Call it inside the transaction that inserts the year (opening a budget, the structure import).
 */
export async function addDefaultLine(
  tx: Executor,
  year: number,
  allocatedCents: number,
  line: { code?: string; name?: string; fundingSource?: FundingSource; note?: string | null } = {},
): Promise<void> {
  await tx.insert(l).values({
    year,
    code: line.code ?? DEFAULT_BUDGET_LINE_CODE,
    name: line.name ?? 'Duidingspool',
    fundingSource: line.fundingSource ?? 'national-nctv',
    isDefault: true,
    allocatedCents,
    note: line.note ?? null,
  });
}

const lineProblem = (pointer: string, message: string, code: 'lines-above-year' | 'below-lines', params: Record<string, number>) =>
  new AppError('conflict', message, { errors: [{ in: 'body', pointer, message, code, params }] });

/** Locks `year`'s row and answers it. @throws AppError 404 `not-found` */
async function lockYear(tx: Executor, year: number) {
  const [row] = await tx.select().from(b).where(eq(b.year, year)).for('update');
  if (!row) throw notFound(`Het budget voor ${year}`);
  return row;
}

/** The line `lineId` of `year`. @throws AppError 404 `not-found` (also when the line belongs to another year) */
async function lockLine(tx: Executor, year: number, lineId: string) {
  const [row] = await tx
    .select()
    .from(l)
    .where(and(eq(l.id, lineId), eq(l.year, year)))
    .for('update');
  if (!row) throw notFound('Deze budgetregel');
  return row;
}

/** The line `lineId` of `year` as the budget shows it. @throws AppError 404 `not-found` */
async function lineOf(db: Executor, year: number, lineId: string): Promise<BudgetLine> {
  const line = (await findBudget(db, year))?.lines.find((x) => x.id === lineId);
  if (!line) throw notFound('Deze budgetregel');
  return line;
}

/**
 * Finance or the coordinator adds a line to `year`'s budget. The lines together may hold at most the
 * year's allocation. Audited.
 * @throws AppError 404 `not-found` (no budget), 409 `conflict` (code taken, pointer `/code`; lines above
 *   the year, pointer `/allocatedCents` with `params.maximum`)
 */
export async function createBudgetLine(ctx: ServiceContext, year: number, body: CreateBudgetLineBody): Promise<BudgetLine> {
  const id = await ctx.db.transaction(async (tx) => {
    const budget = await lockYear(tx, year);
    const room = budget.allocatedCents - (await linesAllocated(tx, year));
    if (body.allocatedCents > room) {
      throw lineProblem('/allocatedCents', `De budgetregels van ${year} zouden samen meer houden dan het budget van het jaar.`, 'lines-above-year', {
        maximum: room,
      });
    }
    const [row] = await tx
      .insert(l)
      .values({ year, code: body.code, name: body.name, fundingSource: body.fundingSource, allocatedCents: body.allocatedCents, note: body.note ?? null })
      .onConflictDoNothing()
      .returning({ id: l.id });
    if (!row) {
      throw new AppError('conflict', `Er is al een budgetregel ${body.code} in ${year}.`, {
        errors: [{ in: 'body', pointer: '/code', message: 'deze code is al in gebruik in dit jaar' }],
      });
    }
    await noteThresholds(tx, year, ctx);
    await audit(ctx, tx, { action: 'add-budget-line', objectType: 'budget-line', objectId: row.id, result: 'success', details: { year, ...body } });
    return row.id;
  });
  return lineOf(ctx.db, year, id);
}

/**
 * Changes a line's name, funding source, note or allocation. The allocation never drops below what
 * is committed on the line, and the lines together never exceed the year's allocation. Audited.
 * @throws AppError 404 `not-found`, 409 `budget-exceeded` (below committed, with `availableCents`),
 *   409 `conflict` (lines above the year, pointer `/allocatedCents`)
 */
export async function updateBudgetLine(ctx: ServiceContext, year: number, lineId: string, body: PatchBudgetLineBody): Promise<BudgetLine> {
  await ctx.db.transaction(async (tx) => {
    const budget = await lockYear(tx, year);
    const line = await lockLine(tx, year, lineId);
    const set: Partial<typeof l.$inferInsert> = {};
    if (body.allocatedCents !== undefined) {
      const room = budget.allocatedCents - (await linesAllocated(tx, year, lineId));
      if (body.allocatedCents > room) {
        throw lineProblem('/allocatedCents', `De budgetregels van ${year} zouden samen meer houden dan het budget van het jaar.`, 'lines-above-year', {
          maximum: room,
        });
      }
      const committed = line.reservedCents + line.pendingCents + line.spentCents;
      if (body.allocatedCents < committed) {
        throw new AppError('budget-exceeded', `De budgetregel kan niet lager dan wat er al op is vastgelegd.`, {
          availableCents: line.allocatedCents - committed,
          budgetLineId: line.id,
          errors: [{ in: 'body', pointer: '/allocatedCents', message: 'lager dan wat al is vastgelegd', code: 'too_small', params: { minimum: committed } }],
        });
      }
      set.allocatedCents = body.allocatedCents;
    }
    if (body.name !== undefined) set.name = body.name;
    if (body.fundingSource !== undefined) set.fundingSource = body.fundingSource;
    if (body.note !== undefined) set.note = body.note;
    // Guarded as every ledger change: the line's committed money stays within its allocation.
    const rows = await tx
      .update(l)
      .set(set)
      .where(and(eq(l.id, lineId), sql`${l.reservedCents} + ${l.pendingCents} + ${l.spentCents} <= ${set.allocatedCents ?? line.allocatedCents}`))
      .returning({ id: l.id });
    if (rows.length === 0) throw new Error(`budget line ${lineId}: committed changed under the row lock`);
    await noteThresholds(tx, year, ctx);
    await audit(ctx, tx, {
      action: 'change-budget-line',
      objectType: 'budget-line',
      objectId: lineId,
      result: 'success',
      details: { year, from: { name: line.name, fundingSource: line.fundingSource, allocatedCents: line.allocatedCents, note: line.note }, to: body },
    });
  });
  return lineOf(ctx.db, year, lineId);
}

/**
 * Deletes a line nothing was ever booked on (no assignment, no entry, no money) and that is not the
 * year's default. Audited.
 * @throws AppError 404 `not-found`, 409 `in-use` (with `usedBy`)
 */
export async function deleteBudgetLine(ctx: ServiceContext, year: number, lineId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await lockYear(tx, year);
    const line = await lockLine(tx, year, lineId);
    const usedBy: string[] = [];
    if (line.isDefault) usedBy.push('de standaardregel van het jaar (nieuwe inzet zonder gekozen regel)');
    const [counts] = await tx
      .select({
        assignments: sql<number>`(select count(*) from ${schema.assignments} where ${schema.assignments.budgetLineId} = ${lineId})::int`,
        entries: sql<number>`(select count(*) from ${schema.timeEntries} where ${schema.timeEntries.budgetLineId} = ${lineId})::int`,
      })
      .from(sql`(select 1) as one`);
    if (counts && counts.assignments > 0) usedBy.push(`${counts.assignments} inzet(ten)`);
    if (counts && counts.entries > 0) usedBy.push(`${counts.entries} urenregel(s)`);
    if (line.reservedCents + line.pendingCents + line.spentCents > 0) usedBy.push('gereserveerd, in behandeling of besteed geld');
    if (usedBy.length > 0) throw new AppError('in-use', 'Op deze budgetregel is geboekt; verwijderen kan niet.', { usedBy });
    await tx.delete(l).where(eq(l.id, lineId));
    await audit(ctx, tx, {
      action: 'delete-budget-line',
      objectType: 'budget-line',
      objectId: lineId,
      result: 'success',
      details: { year, code: line.code, name: line.name, allocatedCents: line.allocatedCents },
    });
  });
}
