import { type Executor, schema } from '@duidingspool/db';
import type { StatementBudgetLine, StatementContent, StatementLine } from '@duidingspool/shared';
import { and, asc, count, desc, eq, isNotNull, sql } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import { formatCentsNl } from '../../lib/dutch-format.ts';

// Read model of the financial statement (docs/architecture.md, "Read models"): the figures of a
// budget year, read and never written, from `time_entries` (time-entries: the approved entries,
// their minutes and amounts, corrections), `budgets` and `budget_lines` (budgets: allocation, funding
// source and the running spent total, per year and per line), `activities`, `specialists` and `users` (the labels), and `closed_periods`
// (periods: whether the year is closed).

const te = schema.timeEntries;

/**
 * Locks the budget row of `year` for share (no entry of the year is decided while its figures are
 * read: deciding updates that row) and answers whether the year has a budget.
 */
export async function lockBudgetYear(db: Executor, year: number): Promise<boolean> {
  const [budget] = await db.select({ year: schema.budgets.year }).from(schema.budgets).where(eq(schema.budgets.year, year)).for('share');
  return budget !== undefined;
}

/**
 * Why `year` may not be stated yet, or null when it may: every month closed and no entry of the
 * budget year undecided. The message names the open months or the number of undecided entries; the
 * details carry them for the problem answer.
 */
export async function yearNotReady(db: Executor, year: number): Promise<{ message: string; details: Record<string, unknown> } | null> {
  const closed = await db
    .select({ month: schema.closedPeriods.month })
    .from(schema.closedPeriods)
    .where(sql`${schema.closedPeriods.month} like ${`${year}-%`}`);
  const closedMonths = new Set(closed.map((r) => r.month));
  const open = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`).filter((m) => !closedMonths.has(m));
  if (open.length > 0) {
    return {
      message: `Het jaar ${year} is nog niet afgesloten: ${open.length} ${open.length === 1 ? 'maand is' : 'maanden zijn'} open (${open.join(', ')}).`,
      details: { year, openMonths: open },
    };
  }
  const [undecided] = await db
    .select({ n: count() })
    .from(te)
    .where(and(eq(te.budgetYear, year), eq(te.status, 'submitted')));
  const n = undecided?.n ?? 0;
  if (n > 0) {
    return {
      message: `In ${year} ${n === 1 ? 'wacht nog 1 urenregel' : `wachten nog ${n} urenregels`} op een besluit: beoordeel ze eerst.`,
      details: { year, undecidedEntries: n },
    };
  }
  return null;
}

/**
 * Whether `year` may be stated: every month closed and no entry of the budget year undecided
 * ({@link yearNotReady}).
 * @throws AppError 409 `invalid-transition` naming the open months or the number of undecided entries
 */
export async function assertYearClosed(db: Executor, year: number): Promise<void> {
  const why = await yearNotReady(db, year);
  if (why) throw new AppError('invalid-transition', why.message, why.details);
}

/**
 * The statement's figures of `year` over the approved entries of the budget year, in a fixed order
 * (activities by code, specialists by name then id), so the same ledger always gives the same JSON.
 * The reconciliation sums the approved entries directly and compares the statement's total and the
 * budget's running total with it.
 * @throws AppError 409 `no-budget` when the year has no budget
 */
export async function statementFigures(db: Executor, year: number): Promise<StatementContent> {
  const [budget] = await db.select().from(schema.budgets).where(eq(schema.budgets.year, year));
  if (!budget) throw new AppError('no-budget', `Er is geen budget voor ${year}.`);
  const approved = and(eq(te.budgetYear, year), eq(te.status, 'approved'));
  const minutes = sql<number>`coalesce(sum(${te.minutes}), 0)::int`;
  const cents = sql<number>`coalesce(sum(${te.amountCents}), 0)::bigint`;
  const byActivity: StatementLine[] = (
    await db
      .select({ key: te.activity, label: schema.activities.nameNl, minutes, amountCents: cents })
      .from(te)
      .innerJoin(schema.activities, eq(schema.activities.code, te.activity))
      .where(approved)
      .groupBy(te.activity, schema.activities.nameNl)
      .orderBy(asc(te.activity))
  ).map((r) => ({ ...r, amountCents: Number(r.amountCents) }));
  const bySpecialist: StatementLine[] = (
    await db
      .select({ key: te.specialistId, label: schema.users.displayName, minutes, amountCents: cents })
      .from(te)
      .innerJoin(schema.specialists, eq(schema.specialists.id, te.specialistId))
      .innerJoin(schema.users, eq(schema.users.id, schema.specialists.userId))
      .where(approved)
      .groupBy(te.specialistId, schema.users.displayName)
      .orderBy(asc(schema.users.displayName), asc(te.specialistId))
  ).map((r) => ({ ...r, amountCents: Number(r.amountCents) }));
  // Every line of the year, also one nothing was charged to: its allocation is accounted for.
  const l = schema.budgetLines;
  const charged = sql<number>`coalesce(sum(${te.amountCents}) filter (where ${te.status} = 'approved'), 0)::bigint`;
  const chargedMinutes = sql<number>`coalesce(sum(${te.minutes}) filter (where ${te.status} = 'approved'), 0)::int`;
  const byLine: StatementBudgetLine[] = (
    await db
      .select({ key: l.code, label: l.name, fundingSource: l.fundingSource, allocatedCents: l.allocatedCents, minutes: chargedMinutes, amountCents: charged })
      .from(l)
      .leftJoin(te, and(eq(te.budgetLineId, l.id), eq(te.budgetYear, year)))
      .where(eq(l.year, year))
      .groupBy(l.id, l.code, l.name, l.fundingSource, l.allocatedCents, l.isDefault)
      .orderBy(desc(l.isDefault), asc(l.code))
  ).map((r) => ({ ...r, amountCents: Number(r.amountCents), unusedCents: r.allocatedCents - Number(r.amountCents) }));
  const [corrections] = await db
    .select({ count: count(), amountCents: cents })
    .from(te)
    .where(and(approved, isNotNull(te.correctsEntryId)));
  const [ledger] = await db.select({ amountCents: cents }).from(te).where(approved);
  const statementTotalCents = byActivity.reduce((sum, l) => sum + l.amountCents, 0);
  const totalMinutes = byActivity.reduce((sum, l) => sum + l.minutes, 0);
  const approvedLedgerCents = Number(ledger?.amountCents ?? 0);
  const specialistsTotal = bySpecialist.reduce((sum, l) => sum + l.amountCents, 0);
  const linesTotal = byLine.reduce((sum, x) => sum + x.amountCents, 0);
  const differences: string[] = [];
  if (statementTotalCents !== approvedLedgerCents)
    differences.push(
      `Totaal per activiteit ${formatCentsNl(statementTotalCents)} wijkt af van de goedgekeurde grootboekregels ${formatCentsNl(approvedLedgerCents)}.`,
    );
  if (specialistsTotal !== approvedLedgerCents)
    differences.push(
      `Totaal per specialist ${formatCentsNl(specialistsTotal)} wijkt af van de goedgekeurde grootboekregels ${formatCentsNl(approvedLedgerCents)}.`,
    );
  if (linesTotal !== approvedLedgerCents)
    differences.push(`Totaal per budgetregel ${formatCentsNl(linesTotal)} wijkt af van de goedgekeurde grootboekregels ${formatCentsNl(approvedLedgerCents)}.`);
  if (budget.spentCents !== approvedLedgerCents)
    differences.push(
      `Het lopende totaal 'uitgegeven' van het budget ${formatCentsNl(budget.spentCents)} wijkt af van de goedgekeurde grootboekregels ${formatCentsNl(approvedLedgerCents)}.`,
    );
  return {
    year,
    fundingSource: budget.fundingSource,
    allocatedCents: budget.allocatedCents,
    byActivity,
    bySpecialist,
    byLine,
    corrections: { count: corrections?.count ?? 0, amountCents: Number(corrections?.amountCents ?? 0) },
    totals: { minutes: totalMinutes, spentCents: statementTotalCents, unusedCents: budget.allocatedCents - statementTotalCents },
    reconciliation: { statementTotalCents, approvedLedgerCents, budgetSpentCents: budget.spentCents, differences },
  };
}
