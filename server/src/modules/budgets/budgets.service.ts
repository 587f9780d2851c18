import { type Executor, schema } from '@duidingspool/db';
import {
  amsterdamDate,
  type Breakdown,
  type BreakdownDimension,
  type Budget,
  type BurnUp,
  type CreateBudgetBody,
  type LedgerEntry,
  type LedgerEntryQuery,
  type PatchBudgetBody,
  yearOf,
} from '@duidingspool/shared';
import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { AppError, notFound } from '../../errors.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { isoOrNull, pageWindow } from '../../lib/pagination.ts';
import { audit } from '../audit/index.ts';
import { findBudget, setAllocation } from './budget-ledger.ts';
import { noteThresholds } from './budget-thresholds.ts';

const b = schema.budgets;

/** The budget of `year`. @throws AppError 404 `not-found` */
export async function getBudget(ctx: Pick<ServiceContext, 'db'>, year: number): Promise<Budget> {
  const budget = await findBudget(ctx.db, year);
  if (!budget) throw notFound(`Het budget voor ${year}`);
  return budget;
}

/**
 * Finance or the coordinator opens a year's budget with its allocation and funding source
 *. Audited.
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

const dayOfYear = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 1)) / 86_400_000) + 1;
};
const daysInYear = (year: number) => (new Date(Date.UTC(year, 1, 29)).getUTCMonth() === 1 ? 366 : 365);

/**
 * The burn-up of `year`: cumulative spent and logged (spent + pending) cost per day
 * of work, read from `ledger_day_totals` (≤ 366 rows), plus a straight-line projection of the
 * logged cost to 31 December at the pace of the year so far (integer cents, half-up).
 */
export async function burnUp(ctx: Pick<ServiceContext, 'db' | 'now'>, year: number): Promise<BurnUp> {
  const budget = await getBudget(ctx, year);
  const d = schema.ledgerDayTotals;
  const rows = await ctx.db
    .select({ date: d.workedOn, pending: d.pendingCents, spent: d.spentCents })
    .from(d)
    .where(eq(d.budgetYear, year))
    .orderBy(asc(d.workedOn));
  const today = amsterdamDate(ctx.now());
  const asOfDate = yearOf(today) > year ? `${year}-12-31` : yearOf(today) < year ? `${year}-01-01` : today;
  let spent = 0;
  let logged = 0;
  const points: BurnUp['points'] = [{ date: `${year}-01-01`, spentCents: 0, loggedCents: 0 }];
  for (const r of rows) {
    spent += Number(r.spent);
    logged += Number(r.spent) + Number(r.pending);
    const point = { date: r.date, spentCents: spent, loggedCents: logged };
    if (points[points.length - 1]?.date === r.date) points[points.length - 1] = point;
    else points.push(point);
  }
  if ((points[points.length - 1]?.date ?? '') < asOfDate) points.push({ date: asOfDate, spentCents: spent, loggedCents: logged });
  const elapsed = dayOfYear(asOfDate);
  const total = daysInYear(year);
  const projectedYearEndCents = logged === 0 ? null : Math.floor((logged * total + Math.floor(elapsed / 2)) / elapsed);
  return { year, allocatedCents: budget.allocatedCents, committedCents: budget.committedCents, asOfDate, points, projectedYearEndCents };
}

/**
 * One breakdown of `year`'s pending and spent cost from the running totals in
 * `ledger_group_totals` / `ledger_expertise_totals` — never a sum over the entries. Largest first.
 */
export async function breakdown(ctx: Pick<ServiceContext, 'db'>, year: number, dimension: BreakdownDimension): Promise<Breakdown> {
  await getBudget(ctx, year);
  const g = schema.ledgerGroupTotals;
  const sums = {
    pendingCents: sql<string>`sum(${g.pendingCents})::bigint`,
    spentCents: sql<string>`sum(${g.spentCents})::bigint`,
    entryCount: sql<number>`sum(${g.entryCount})::int`,
  };
  let rows: { key: string; label: string; pendingCents: string | number; spentCents: string | number; entryCount: number }[];
  const base = (key: SQL | typeof g.activity, label: SQL | typeof schema.users.displayName) =>
    ctx.db
      .select({ key: sql<string>`${key}::text`, label: sql<string>`${label}`, ...sums })
      .from(g)
      .where(eq(g.budgetYear, year));
  switch (dimension) {
    case 'specialist':
      rows = await base(sql`${g.specialistId}`, sql`${schema.users.displayName}`)
        .innerJoin(schema.specialists, eq(schema.specialists.id, g.specialistId))
        .innerJoin(schema.users, eq(schema.users.id, schema.specialists.userId))
        .groupBy(g.specialistId, schema.users.displayName);
      break;
    case 'activity':
      rows = await base(g.activity, sql`${schema.activities.nameNl}`)
        .innerJoin(schema.activities, eq(schema.activities.code, g.activity))
        .groupBy(g.activity, schema.activities.nameNl);
      break;
    case 'municipality':
      rows = await base(sql`${g.municipalityId}`, sql`${schema.municipalities.name}`)
        .innerJoin(schema.municipalities, eq(schema.municipalities.id, g.municipalityId))
        .groupBy(g.municipalityId, schema.municipalities.name);
      break;
    case 'case-table':
      rows = await base(sql`${g.caseTableId}`, sql`${schema.caseTables.name}`)
        .innerJoin(schema.caseTables, eq(schema.caseTables.id, g.caseTableId))
        .groupBy(g.caseTableId, schema.caseTables.name);
      break;
    case 'safety-region':
      rows = await base(sql`${schema.safetyRegions.id}`, sql`${schema.safetyRegions.name}`)
        .innerJoin(schema.municipalities, eq(schema.municipalities.id, g.municipalityId))
        .innerJoin(schema.safetyHouses, eq(schema.safetyHouses.id, schema.municipalities.safetyHouseId))
        .innerJoin(schema.safetyRegions, eq(schema.safetyRegions.id, schema.safetyHouses.regionId))
        .groupBy(schema.safetyRegions.id, schema.safetyRegions.name);
      break;
    case 'expertise-area': {
      const x = schema.ledgerExpertiseTotals;
      rows = await ctx.db
        .select({
          key: x.expertiseAreaCode,
          label: schema.expertiseAreas.nameNl,
          pendingCents: x.pendingCents,
          spentCents: x.spentCents,
          entryCount: x.entryCount,
        })
        .from(x)
        .innerJoin(schema.expertiseAreas, eq(schema.expertiseAreas.code, x.expertiseAreaCode))
        .where(eq(x.budgetYear, year));
      break;
    }
  }
  const items = rows
    .map((r) => ({ key: r.key, label: r.label, pendingCents: Number(r.pendingCents), spentCents: Number(r.spentCents), entryCount: Number(r.entryCount) }))
    .filter((r) => r.entryCount !== 0 || r.pendingCents !== 0 || r.spentCents !== 0)
    .sort((p, q) => q.spentCents + q.pendingCents - (p.spentCents + p.pendingCents) || p.label.localeCompare(q.label, 'nl'));
  return { year, dimension, items };
}

// ---------------------------------------------------------------------------------------------
// Ledger lines (drill-down and export): money and accountable organisation only, no case content.

const te = schema.timeEntries;
const r = schema.interpretationRequests;
const specialistUser = alias(schema.users, 'specialist_user');
const reviewer = alias(schema.users, 'reviewer');

const ledgerColumns = {
  id: te.id,
  workedOn: te.workedOn,
  specialistName: specialistUser.displayName,
  safetyRegionName: schema.safetyRegions.name,
  municipalityName: schema.municipalities.name,
  caseTableName: schema.caseTables.name,
  poolReference: r.reference,
  activity: schema.activities.nameNl,
  minutes: te.minutes,
  rateCents: te.rateCents,
  amountCents: te.amountCents,
  status: te.status,
  correctsEntryId: te.correctsEntryId,
  reviewedAt: te.reviewedAt,
  reviewerName: reviewer.displayName,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The WHERE of a ledger query. @throws AppError 400 `validation-failed` (a key without a dimension, or a malformed id) */
function ledgerWhere(year: number, q: Pick<LedgerEntryQuery, 'month' | 'dimension' | 'key' | 'status'>): SQL {
  const filters: (SQL | undefined)[] = [eq(te.budgetYear, year)];
  if (q.month) {
    if (yearOf(`${q.month}-01`) !== year) throw queryError('/month', `de maand hoort niet bij ${year}`);
    filters.push(sql`${te.workedOn} >= ${`${q.month}-01`}::date and ${te.workedOn} < (${`${q.month}-01`}::date + interval '1 month')`);
  }
  if (q.status) filters.push(eq(te.status, q.status));
  if ((q.dimension === undefined) !== (q.key === undefined)) throw queryError('/key', 'dimension en key horen bij elkaar');
  if (q.dimension && q.key !== undefined) {
    const needsId = !['activity', 'expertise-area'].includes(q.dimension);
    if (needsId && !UUID.test(q.key)) throw queryError('/key', 'verwacht een id');
    const key = q.key;
    filters.push(
      {
        specialist: sql`${te.specialistId} = ${key}::uuid`,
        activity: eq(te.activity, key),
        municipality: sql`${r.municipalityId} = ${key}::uuid`,
        'case-table': sql`${r.caseTableId} = ${key}::uuid`,
        'safety-region': sql`${schema.safetyHouses.regionId} = ${key}::uuid`,
        'expertise-area': sql`exists (select 1 from ${schema.requestExpertiseAreas} x where x.request_id = ${r.id} and x.expertise_area_code = ${key})`,
      }[q.dimension],
    );
  }
  return and(...filters) as SQL;
}

const queryError = (pointer: string, message: string) =>
  new AppError('validation-failed', `Ongeldige invoer: ${message}`, { errors: [{ in: 'query', pointer, message }] });

function ledgerBase(db: Executor) {
  return db
    .select(ledgerColumns)
    .from(te)
    .innerJoin(schema.assignments, eq(schema.assignments.id, te.assignmentId))
    .innerJoin(r, eq(r.id, schema.assignments.requestId))
    .innerJoin(schema.municipalities, eq(schema.municipalities.id, r.municipalityId))
    .innerJoin(schema.safetyHouses, eq(schema.safetyHouses.id, schema.municipalities.safetyHouseId))
    .innerJoin(schema.safetyRegions, eq(schema.safetyRegions.id, schema.safetyHouses.regionId))
    .innerJoin(schema.caseTables, eq(schema.caseTables.id, r.caseTableId))
    .innerJoin(schema.activities, eq(schema.activities.code, te.activity))
    .innerJoin(schema.specialists, eq(schema.specialists.id, te.specialistId))
    .innerJoin(specialistUser, eq(specialistUser.id, schema.specialists.userId))
    .leftJoin(reviewer, eq(reviewer.id, te.reviewedBy));
}

type LedgerRow = Awaited<ReturnType<ReturnType<typeof ledgerBase>['execute']>>[number];
const toLedgerEntry = (row: LedgerRow): LedgerEntry => ({
  ...row,
  rateCents: Number(row.rateCents),
  amountCents: Number(row.amountCents),
  reviewedAt: isoOrNull(row.reviewedAt),
});

/** A page of `year`'s ledger lines (drill-down from a breakdown), newest work first. */
export async function ledgerEntries(ctx: Pick<ServiceContext, 'db'>, year: number, q: LedgerEntryQuery) {
  await getBudget(ctx, year);
  const where = ledgerWhere(year, q);
  const { limit, offset } = pageWindow(q);
  const rows = await ledgerBase(ctx.db).where(where).orderBy(desc(te.workedOn), desc(te.createdAt), asc(te.id)).limit(limit).offset(offset);
  const needsJoin = q.dimension === 'safety-region' || q.dimension === 'municipality' || q.dimension === 'case-table' || q.dimension === 'expertise-area';
  const countQuery = ctx.db.select({ n: sql<number>`count(*)::int` }).from(te);
  const [count] = needsJoin
    ? await countQuery
        .innerJoin(schema.assignments, eq(schema.assignments.id, te.assignmentId))
        .innerJoin(r, eq(r.id, schema.assignments.requestId))
        .innerJoin(schema.municipalities, eq(schema.municipalities.id, r.municipalityId))
        .innerJoin(schema.safetyHouses, eq(schema.safetyHouses.id, schema.municipalities.safetyHouseId))
        .where(where)
    : await countQuery.where(where);
  return { items: rows.map(toLedgerEntry), total: count?.n ?? 0 };
}

/** Every ledger line of `year` (optionally one month or breakdown key), in date order, for the export. */
export async function allLedgerEntries(ctx: Pick<ServiceContext, 'db'>, year: number, q: Pick<LedgerEntryQuery, 'month' | 'dimension' | 'key' | 'status'>) {
  await getBudget(ctx, year);
  const rows = await ledgerBase(ctx.db).where(ledgerWhere(year, q)).orderBy(asc(te.workedOn), asc(te.createdAt), asc(te.id));
  return rows.map(toLedgerEntry);
}
