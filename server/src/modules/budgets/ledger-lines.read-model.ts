import { type Executor, schema } from '@duidingspool/db';
import { type LedgerEntry, type LedgerEntryQuery, NO_CASE_TABLE_KEY, type TimeEntryStatus, yearOf } from '@duidingspool/shared';
import { and, asc, eq, type Placeholder, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { AppError } from '../../errors.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { countUpTo, isoOrNull, preparedPage, type Seek, seekCursor, seekOrder } from '../../lib/pagination.ts';
import { requireBudgetYear } from './budgets.service.ts';

// Read model of the ledger lines behind the budget page (drill-down and export; docs/architecture.md,
// "Read models"): one line per time entry with money and accountable organisation only, never case
// content (docs/design.md §2, §6). It reads, and never writes, the tables of other modules:
// `time_entries` (time-entries), `assignments` (assignments), `interpretation_requests` and
// `request_expertise_areas` (interpretation-requests: the pool reference and the filter by area),
// `municipalities`, `safety_houses`, `safety_regions`, `case_tables` (organisation), `activities`
// and `specialists` (specialists), `users` (names of specialist and reviewer).

const te = schema.timeEntries;
const r = schema.interpretationRequests;
const specialistUser = alias(schema.users, 'specialist_user');
const reviewer = alias(schema.users, 'reviewer');

/** The drill-down's order: newest work first, then newest entry, id as tiebreaker (index `time_entries_year`, decision 071). */
const LEDGER_SEEK: Seek = {
  name: 'ledger-entries',
  keys: [
    { expr: te.workedOn, type: 'date', desc: true, notNull: true },
    { expr: te.createdAt, type: 'timestamptz', desc: true, notNull: true },
    { expr: te.id, type: 'uuid', notNull: true },
  ],
};

const ledgerColumns = {
  /** The row's position in `LEDGER_SEEK`, for the next page's cursor; not part of the line. */
  cursor: seekCursor(LEDGER_SEEK),
  id: te.id,
  workedOn: te.workedOn,
  specialistName: specialistUser.displayName,
  safetyRegionName: schema.safetyRegions.name,
  municipalityName: schema.municipalities.name,
  // Empty for the hours of a request a municipality asked without a casustafel (decision 095).
  caseTableName: sql<string>`coalesce(${schema.caseTables.name}, '')`,
  // Hours exist only on submitted requests, which have their reference.
  poolReference: sql<string>`coalesce(${r.reference}, '')`,
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

/** A ledger query's filters, as `ledgerWhere` reads them. */
type LedgerFilter = Pick<LedgerEntryQuery, 'month' | 'dimension' | 'key' | 'status'>;

/**
 * The filters of a ledger query that are set, checked, with their values (the month as its first
 * day). @throws AppError 400 `validation-failed` (a month of another year, a key without a dimension, or a malformed id)
 */
function ledgerFilters(year: number, q: LedgerFilter): { month?: string; status?: string; dimension?: NonNullable<LedgerFilter['dimension']>; key?: string } {
  const set: ReturnType<typeof ledgerFilters> = {};
  if (q.month) {
    if (yearOf(`${q.month}-01`) !== year) throw queryError('/month', `de maand hoort niet bij ${year}`);
    set.month = `${q.month}-01`;
  }
  if (q.status) set.status = q.status;
  if ((q.dimension === undefined) !== (q.key === undefined)) throw queryError('/key', 'dimension en key horen bij elkaar');
  if (q.dimension && q.key !== undefined) {
    const needsId = !['activity', 'expertise-area'].includes(q.dimension) && !noCaseTable(q);
    if (needsId && !UUID.test(q.key)) throw queryError('/key', 'verwacht een id');
    set.dimension = q.dimension;
    set.key = q.key;
  }
  return set;
}

/** The casustafel breakdown's row of requests without a casustafel (decision 095) has key `none`. */
const noCaseTable = (q: LedgerFilter) => q.dimension === 'case-table' && q.key === NO_CASE_TABLE_KEY;

/**
 * The WHERE of a ledger query. Each value is sent as `bind(name, value)`: the value, or a
 * placeholder of that name for the statement built once (`ledgerEntries`).
 * @throws AppError 400 `validation-failed` (see `ledgerFilters`)
 */
function ledgerWhere(
  year: number,
  q: LedgerFilter,
  bind: (name: string, value: string | number) => string | number | Placeholder = (_name, value) => value,
): SQL {
  const set = ledgerFilters(year, q);
  const filters: (SQL | undefined)[] = [eq(te.budgetYear, bind('year', year) as number | Placeholder)];
  if (set.month !== undefined) {
    const month = bind('month', set.month);
    filters.push(sql`${te.workedOn} >= ${month}::date and ${te.workedOn} < (${month}::date + interval '1 month')`);
  }
  if (set.status !== undefined) filters.push(eq(te.status, bind('status', set.status) as TimeEntryStatus | Placeholder));
  if (set.dimension !== undefined && set.key !== undefined) {
    const key = bind('key', set.key);
    filters.push(
      {
        specialist: sql`${te.specialistId} = ${key}::uuid`,
        activity: eq(te.activity, key as string | Placeholder),
        municipality: sql`${r.municipalityId} = ${key}::uuid`,
        'case-table': noCaseTable(q) ? sql`${r.caseTableId} is null` : sql`${r.caseTableId} = ${key}::uuid`,
        'safety-region': sql`${schema.safetyHouses.regionId} = ${key}::uuid`,
        'expertise-area': sql`exists (select 1 from ${schema.requestExpertiseAreas} x where x.request_id = ${r.id} and x.expertise_area_code = ${key})`,
      }[set.dimension],
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
    .leftJoin(schema.caseTables, eq(schema.caseTables.id, r.caseTableId))
    .innerJoin(schema.activities, eq(schema.activities.code, te.activity))
    .innerJoin(schema.specialists, eq(schema.specialists.id, te.specialistId))
    .innerJoin(specialistUser, eq(specialistUser.id, schema.specialists.userId))
    .leftJoin(reviewer, eq(reviewer.id, te.reviewedBy));
}

type LedgerRow = Awaited<ReturnType<ReturnType<typeof ledgerBase>['execute']>>[number];
const toLedgerEntry = ({ cursor: _cursor, ...row }: LedgerRow): LedgerEntry => ({
  ...row,
  rateCents: Number(row.rateCents),
  amountCents: Number(row.amountCents),
  reviewedAt: isoOrNull(row.reviewedAt),
});

/**
 * A page of `year`'s ledger lines (drill-down from a breakdown), newest work first; its statements
 * are built once per set of filters (`preparedPage`, decision 135).
 */
export async function ledgerEntries(ctx: Pick<ServiceContext, 'db'>, year: number, q: LedgerEntryQuery) {
  await requireBudgetYear(ctx, year);
  const set = ledgerFilters(year, q);
  const needsJoin =
    set.dimension === 'safety-region' || set.dimension === 'municipality' || set.dimension === 'case-table' || set.dimension === 'expertise-area';
  const { dimension, key, ...values } = set;
  // The shape: which filters are set, and for a breakdown its dimension (and whether the key is the casustafel breakdown's `none`).
  const shape = {
    key: `ledger-entries:${Object.keys(values).join(',')}:${dimension ?? ''}${noCaseTable(q) ? ':none' : ''}`,
    values: { year, ...values, ...(key !== undefined && !noCaseTable(q) ? { key } : {}) },
  };
  const where = () => ledgerWhere(year, q, (name) => sql.placeholder(name));
  const matching = () => {
    const one = ctx.db.select({ one: sql`1` }).from(te);
    return needsJoin
      ? one
          .innerJoin(schema.assignments, eq(schema.assignments.id, te.assignmentId))
          .innerJoin(r, eq(r.id, schema.assignments.requestId))
          .innerJoin(schema.municipalities, eq(schema.municipalities.id, r.municipalityId))
          .innerJoin(schema.safetyHouses, eq(schema.safetyHouses.id, schema.municipalities.safetyHouseId))
          .where(where())
      : one.where(where());
  };
  return preparedPage(
    ctx.db,
    q,
    shape,
    {
      rows: ({ limit, offset, after }) =>
        ledgerBase(ctx.db)
          .where(and(where(), after))
          .orderBy(...seekOrder(LEDGER_SEEK))
          .limit(limit)
          .offset(offset)
          .prepare('ledger_entries_page'),
      count: (cap) => countUpTo(ctx.db, matching(), cap).prepare('ledger_entries_count'),
    },
    toLedgerEntry,
    { seek: LEDGER_SEEK, cursorOf: (row) => row.cursor },
  );
}

/** Every ledger line of `year` (optionally one month or breakdown key), in date order, for the export. */
export async function allLedgerEntries(ctx: Pick<ServiceContext, 'db'>, year: number, q: Pick<LedgerEntryQuery, 'month' | 'dimension' | 'key' | 'status'>) {
  await requireBudgetYear(ctx, year);
  const rows = await ledgerBase(ctx.db).where(ledgerWhere(year, q)).orderBy(asc(te.workedOn), asc(te.createdAt), asc(te.id));
  return rows.map(toLedgerEntry);
}
