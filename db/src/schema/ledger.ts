import { sql } from 'drizzle-orm';
import { bigint, check, date, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { assignments, budgets } from './money.ts';
import { caseTables, municipalities } from './organisation.ts';
import { expertiseAreas, specialists } from './specialists.ts';
import { users } from './users.ts';

/**
 * Closed accounting months (`YYYY-MM`). While a month has a row here no entry dated in it can be
 * added, changed, approved or corrected; reopening deletes the row (with its reason in the audit log).
 */
export const closedPeriods = pgTable(
  'closed_periods',
  {
    month: text('month').primaryKey(),
    closedBy: uuid('closed_by')
      .notNull()
      .references(() => users.id),
    closedAt: timestamp('closed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('closed_periods_month', sql`${t.month} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`)],
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

/** A specialist's request for more minutes on an assignment, granted or refused by the coordinator. */
export const extensionRequests = pgTable(
  'extension_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => assignments.id),
    extraMinutes: integer('extra_minutes').notNull(),
    reason: text('reason').notNull(),
    status: text('status').notNull().default('requested'),
    decisionReason: text('decision_reason'),
    /** Set when refused because the assignment closed: why it closed (a fixed code, not case content). */
    decisionReasonCode: text('decision_reason_code'),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    check('extension_requests_status', sql`${t.status} in ('requested','granted','refused')`),
    check('extension_requests_minutes', sql`${t.extraMinutes} > 0`),
  ],
);

/**
 * Minutes a specialist has on one day over entries that count (not rejected; corrections once
 * approved): the running total behind "at most 24 hours a day", changed by guarded upserts.
 */
export const specialistDayMinutes = pgTable(
  'specialist_day_minutes',
  {
    specialistId: uuid('specialist_id')
      .notNull()
      .references(() => specialists.id),
    workedOn: date('worked_on', { mode: 'string' }).notNull(),
    minutes: integer('minutes').notNull(),
  },
  (t) => [primaryKey({ columns: [t.specialistId, t.workedOn] }), check('specialist_day_minutes_range', sql`${t.minutes} >= 0 and ${t.minutes} <= 1440`)],
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
    caseTableId: uuid('case_table_id')
      .notNull()
      .references(() => caseTables.id),
    pendingCents: bigint('pending_cents', { mode: 'number' }).notNull().default(0),
    spentCents: bigint('spent_cents', { mode: 'number' }).notNull().default(0),
    entryCount: integer('entry_count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.budgetYear, t.specialistId, t.activity, t.municipalityId, t.caseTableId] })],
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
