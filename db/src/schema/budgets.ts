import { FUNDING_SOURCES } from '@duidingspool/shared';
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, integer, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { caseTables, municipalities } from './organisation.ts';
import { expertiseAreas, specialists } from './specialists.ts';

/**
 * A year's budget with its running totals, kept in the same transaction as every change
 * (docs/design.md §5). The CHECK constraints are the last line of defence for `available ≥ 0`; services
 * change the totals only with guarded UPDATEs.
 */
export const budgets = pgTable(
  'budgets',
  {
    year: integer('year').primaryKey(),
    allocatedCents: bigint('allocated_cents', { mode: 'number' }).notNull(),
    reservedCents: bigint('reserved_cents', { mode: 'number' }).notNull().default(0),
    pendingCents: bigint('pending_cents', { mode: 'number' }).notNull().default(0),
    spentCents: bigint('spent_cents', { mode: 'number' }).notNull().default(0),
    fundingSource: text('funding_source').notNull(),
    note: text('note'),
    /** Percentages of the allocation committed at which coordinators and finance are told (once per year each). */
    thresholdPercents: integer('threshold_percents').array().notNull().default(sql`'{50,75,90,100}'::integer[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('budgets_nonnegative', sql`${t.allocatedCents} >= 0 and ${t.reservedCents} >= 0 and ${t.pendingCents} >= 0 and ${t.spentCents} >= 0`),
    check('budgets_available_nonnegative', sql`${t.allocatedCents} - ${t.reservedCents} - ${t.pendingCents} - ${t.spentCents} >= 0`),
  ],
);

/**
 * A line of a year's budget (decision 094): a part of the year's allocation with its own funding
 * source, charged by the assignments that chose it. Its running totals move together with the
 * year's in the same transaction (budgets = the sum of their lines, always), so `available ≥ 0`
 * holds per line and for the year; the CHECK constraints back the guarded UPDATEs up. Exactly one
 * line per year is the default (the pool's), charged when an assignment names none.
 */
export const budgetLines = pgTable(
  'budget_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: integer('year')
      .notNull()
      .references(() => budgets.year),
    /** Stable key within the year (lower-case letters, digits, dashes); a line of the same code in another year is its successor. */
    code: text('code').notNull(),
    name: text('name').notNull(),
    fundingSource: text('funding_source', { enum: FUNDING_SOURCES }).notNull(),
    isDefault: boolean('is_default').notNull().default(false),
    allocatedCents: bigint('allocated_cents', { mode: 'number' }).notNull(),
    reservedCents: bigint('reserved_cents', { mode: 'number' }).notNull().default(0),
    pendingCents: bigint('pending_cents', { mode: 'number' }).notNull().default(0),
    spentCents: bigint('spent_cents', { mode: 'number' }).notNull().default(0),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('budget_lines_year_code').on(t.year, t.code),
    uniqueIndex('budget_lines_one_default').on(t.year).where(sql`${t.isDefault}`),
    check('budget_lines_funding_source', sql`${t.fundingSource} in ('national-nctv','municipal','other')`),
    check('budget_lines_nonnegative', sql`${t.allocatedCents} >= 0 and ${t.reservedCents} >= 0 and ${t.pendingCents} >= 0 and ${t.spentCents} >= 0`),
    check('budget_lines_available_nonnegative', sql`${t.allocatedCents} - ${t.reservedCents} - ${t.pendingCents} - ${t.spentCents} >= 0`),
  ],
);

/** Thresholds of a budget line that were crossed, so each is notified once per line. */
export const budgetLineThresholdCrossings = pgTable(
  'budget_line_threshold_crossings',
  {
    lineId: uuid('line_id')
      .notNull()
      .references(() => budgetLines.id, { onDelete: 'cascade' }),
    percent: integer('percent').notNull(),
    crossedAt: timestamp('crossed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.lineId, t.percent] })],
);

/** Thresholds of a year's budget that were crossed, so each is notified once per year. */
export const budgetThresholdCrossings = pgTable(
  'budget_threshold_crossings',
  {
    year: integer('year')
      .notNull()
      .references(() => budgets.year),
    percent: integer('percent').notNull(),
    crossedAt: timestamp('crossed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.year, t.percent] })],
);

/**
 * Running totals per day of work (pending and spent cents), kept by a trigger on `time_entries`
 * in the same transaction as every entry change: the burn-up chart reads ≤ 366 rows a year.
 */
export const ledgerDayTotals = pgTable(
  'ledger_day_totals',
  {
    budgetYear: integer('budget_year').notNull(),
    workedOn: date('worked_on', { mode: 'string' }).notNull(),
    pendingCents: bigint('pending_cents', { mode: 'number' }).notNull().default(0),
    spentCents: bigint('spent_cents', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.budgetYear, t.workedOn] })],
);

/**
 * Running totals per (year, specialist, activity, municipality, casustafel), kept by the same
 * trigger: every breakdown of the budget page (also per veiligheidsregio) reads these few rows.
 */
export const ledgerGroupTotals = pgTable(
  'ledger_group_totals',
  {
    budgetYear: integer('budget_year').notNull(),
    specialistId: uuid('specialist_id')
      .notNull()
      .references(() => specialists.id),
    activity: text('activity').notNull(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    /** Null for the hours of a request a municipality asked without a casustafel (decision 095). */
    caseTableId: uuid('case_table_id').references(() => caseTables.id),
    pendingCents: bigint('pending_cents', { mode: 'number' }).notNull().default(0),
    spentCents: bigint('spent_cents', { mode: 'number' }).notNull().default(0),
    entryCount: integer('entry_count').notNull().default(0),
  },
  // One row per group, a missing casustafel being one group (the trigger's ON CONFLICT uses this index).
  (t) => [unique('ledger_group_totals_group').on(t.budgetYear, t.specialistId, t.activity, t.municipalityId, t.caseTableId).nullsNotDistinct()],
);

/**
 * Running totals per (year, expertise area asked for in the request). A request may ask for
 * several areas, so these add up to more than the year's total; the page says so.
 */
export const ledgerExpertiseTotals = pgTable(
  'ledger_expertise_totals',
  {
    budgetYear: integer('budget_year').notNull(),
    expertiseAreaCode: text('expertise_area_code')
      .notNull()
      .references(() => expertiseAreas.code),
    pendingCents: bigint('pending_cents', { mode: 'number' }).notNull().default(0),
    spentCents: bigint('spent_cents', { mode: 'number' }).notNull().default(0),
    entryCount: integer('entry_count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.budgetYear, t.expertiseAreaCode] })],
);

/** The dimensions of the report's running totals: per activity, specialist, safety region, budget line, and `all`. */
export const REPORT_TOTAL_DIMENSIONS = ['activity', 'specialist', 'region', 'line', 'all'] as const;

/**
 * Running totals of approved work per calendar month of work and per dimension key of the report's
 * money section (decision 133): minutes, cents, and the number of distinct requests they stem from
 * in that month. Kept by a trigger on `time_entries` in the same transaction as every entry change;
 * the year-end report reads ≤ 12 rows per key. Keys: the activity code, the specialist id, the
 * safety region code, the budget line code, and `''` for `all`.
 */
export const ledgerReportMonthTotals = pgTable(
  'ledger_report_month_totals',
  {
    dimension: text('dimension', { enum: REPORT_TOTAL_DIMENSIONS }).notNull(),
    key: text('key').notNull(),
    /** The first day of the month of work. */
    month: date('month', { mode: 'string' }).notNull(),
    minutes: bigint('minutes', { mode: 'number' }).notNull().default(0),
    cents: bigint('cents', { mode: 'number' }).notNull().default(0),
    /** Distinct requests with an approved entry (or correction) of this key in this month. */
    requests: integer('requests').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.dimension, t.key, t.month] })],
);

/**
 * The requests behind `ledger_report_month_totals`: per dimension key and month, each request with
 * its number of approved entries there (the trigger counts a request in or out of `requests` when
 * this goes from 0 or to 0). Read only for keys whose months each stem from fewer requests than the
 * report's threshold, to count their requests over the period exactly.
 */
export const ledgerReportMonthRequests = pgTable(
  'ledger_report_month_requests',
  {
    dimension: text('dimension', { enum: REPORT_TOTAL_DIMENSIONS }).notNull(),
    key: text('key').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    /** The request (no foreign key: a read model, rebuilt by `ledger_rebuild_totals()`). */
    requestId: uuid('request_id').notNull(),
    entries: integer('entries').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.dimension, t.key, t.month, t.requestId] })],
);
