import { schema } from '@duidingspool/db';
import {
  amsterdamDate,
  type Breakdown,
  type BreakdownDimension,
  type BurnUp,
  DEFAULT_SUPPRESSION_THRESHOLD,
  NO_CASE_TABLE_KEY,
  type PublishedCell,
  suppressTable,
  yearOf,
} from '@duidingspool/shared';
import { asc, eq, type SQL, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../lib/context.ts';
import { getBudget } from './budgets.service.ts';

// Read model of the budget page (docs/architecture.md, "Read models"): the burn-up and the
// breakdowns, read from this module's running totals (`ledger_day_totals`, `ledger_group_totals`,
// `ledger_expertise_totals`, kept by the trigger on `time_entries`, decision 010), never summed
// over the entries. The labels of a breakdown's keys are joined from the tables of their owners,
// read here and never written: `specialists` and `users` (the specialist's name), `activities` and
// `expertise_areas` (specialists), `municipalities`, `safety_houses`, `safety_regions` and
// `case_tables` (organisation). The breakdowns per municipality and casustafel count the requests
// their money stems from (decision 094): `assignments` (assignments) and `interpretation_requests`
// (interpretation-requests), read here and never written.

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

const NO_CASE_TABLE_LABEL = 'Zonder casustafel (verzoek van een gemeente)';

/** Dutch alphabetical order of labels, as `localeCompare(…, 'nl')` gives it; one collator for all calls. */
const DUTCH_ORDER = new Intl.Collator('nl');

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
      // The hours of requests a municipality asked without a casustafel (decision 095) are one row
      // of their own, so the breakdown adds up to the year's totals like every other dimension.
      rows = await base(sql`coalesce(${g.caseTableId}::text, ${NO_CASE_TABLE_KEY})`, sql`coalesce(${schema.caseTables.name}, ${NO_CASE_TABLE_LABEL})`)
        .leftJoin(schema.caseTables, eq(schema.caseTables.id, g.caseTableId))
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
    .sort((p, q) => q.spentCents + q.pendingCents - (p.spentCents + p.pendingCents) || DUTCH_ORDER.compare(p.label, q.label));
  if (dimension !== 'municipality' && dimension !== 'case-table') {
    return { year, dimension, threshold: null, items: items.map((i) => ({ ...i, requests: null, suppressed: false })) };
  }
  return { year, dimension, threshold: DEFAULT_SUPPRESSION_THRESHOLD, items: await suppressed(ctx, year, dimension, items) };
}

/**
 * Money per municipality or casustafel, published with the shared small-cell rule (decision 094):
 * the requests each row's money stems from — the requests whose assignments charge `year`'s budget
 * — are the basis; an amount from fewer than the threshold is hidden, and so is any further cell
 * the year's published totals (pending and spent) would give away. The request count itself is
 * published as a count (`< 5` for 1–4), suppressed as a list with its total.
 */
async function suppressed(
  ctx: Pick<ServiceContext, 'db'>,
  year: number,
  dimension: 'municipality' | 'case-table',
  items: { key: string; label: string; pendingCents: number; spentCents: number; entryCount: number }[],
): Promise<Breakdown['items']> {
  const a = schema.assignments;
  const r = schema.interpretationRequests;
  const group = dimension === 'municipality' ? r.municipalityId : r.caseTableId;
  const counted = await ctx.db
    .select({ key: sql<string>`coalesce(${group}::text, ${NO_CASE_TABLE_KEY})`, n: sql<number>`count(distinct ${a.requestId})::int` })
    .from(a)
    .innerJoin(r, eq(r.id, a.requestId))
    .where(eq(a.budgetYear, year))
    .groupBy(group);
  if (items.length === 0) return [];
  const requests = new Map(counted.map((c) => [c.key, Number(c.n)]));
  const basis = items.map((i) => requests.get(i.key) ?? 0);
  const t = DEFAULT_SUPPRESSION_THRESHOLD;
  // A correction that waits for its decision is a negative pending amount, so a row's pending can be
  // below zero; the shared rule weighs a negative amount as 0 and publishes the real one (decision 090).
  const money = suppressTable(
    items.map((i) => [i.pendingCents, i.spentCents]),
    { threshold: t, basis: items.map((_, k) => [basis[k] ?? 0, basis[k] ?? 0]), keepTotal: true },
  );
  const counts = suppressTable(
    basis.map((n) => [n]),
    { threshold: t },
  );
  const amount = (c: PublishedCell | undefined, real: number) => (c?.kind === 'value' ? real : null);
  return items.map((i, k) => {
    const row = money.cells[k] ?? [];
    const pendingCents = amount(row[0], i.pendingCents);
    const spentCents = amount(row[1], i.spentCents);
    const hidden = pendingCents === null || spentCents === null;
    const n = counts.cells[k]?.[0];
    return {
      key: i.key,
      label: i.label,
      pendingCents,
      spentCents,
      entryCount: hidden ? null : i.entryCount,
      requests: n?.kind === 'value' ? { value: n.value } : n?.kind === 'small' ? { below: n.below } : null,
      suppressed: hidden,
    };
  });
}
