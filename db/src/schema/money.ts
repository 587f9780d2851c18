import { sql } from 'drizzle-orm';
import { type AnyPgColumn, bigint, check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { interpretationRequests } from './requests.ts';
import { activities, specialists } from './specialists.ts';
import { users } from './users.ts';

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
 * A specialist on a request. `rateCents` is the rate valid on the assignment date; `reservedCents`
 * is what is left of the reservation on `budgetYear` (docs/design.md §5).
 */
export const assignments = pgTable(
  'assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => interpretationRequests.id),
    specialistId: uuid('specialist_id')
      .notNull()
      .references(() => specialists.id),
    status: text('status').notNull(),
    estimatedMinutes: integer('estimated_minutes').notNull(),
    loggedMinutes: integer('logged_minutes').notNull().default(0),
    rateCents: bigint('rate_cents', { mode: 'number' }).notNull(),
    reservedCents: bigint('reserved_cents', { mode: 'number' }).notNull(),
    budgetYear: integer('budget_year')
      .notNull()
      .references(() => budgets.year),
    declineReason: text('decline_reason'),
    /** The coordinator's reason for ending the assignment early (case content: purged with the request's). */
    endReason: text('end_reason'),
    proposedBy: uuid('proposed_by')
      .notNull()
      .references(() => users.id),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull().defaultNow(),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /**
     * Why the assignment closed (a fixed code, `ASSIGNMENT_CLOSE_CAUSES` in shared); set together
     * with `closedAt`. Need to know reads it: only an accepted assignment closed with its request
     * keeps the specialist's access to the request.
     */
    closeCause: text('close_cause'),
  },
  (t) => [
    index('assignments_request').on(t.requestId),
    index('assignments_specialist').on(t.specialistId, t.status),
    // At most one live (proposed or accepted, not closed) assignment per request.
    uniqueIndex('assignments_one_live_per_request').on(t.requestId).where(sql`${t.status} in ('proposed','accepted') and ${t.closedAt} is null`),
    check('assignments_status', sql`${t.status} in ('proposed','accepted','declined')`),
    check(
      'assignments_close_cause',
      sql`${t.closeCause} is null or ${t.closeCause} in ('declined','request-closed','request-cancelled','request-withdrawn','assignment-ended','proposal-withdrawn')`,
    ),
    check('assignments_estimate_positive', sql`${t.estimatedMinutes} > 0`),
    check('assignments_logged_within_estimate', sql`${t.loggedMinutes} >= 0 and ${t.loggedMinutes} <= ${t.estimatedMinutes}`),
    check('assignments_reserved_nonnegative', sql`${t.reservedCents} >= 0`),
  ],
);

/**
 * Time entries (docs/design.md §5): priced at the rate valid on `workedOn`, stored here; the cost lands
 * in the budget of `workedOn`'s year. A correcting entry has negative minutes and amount, points at
 * the approved entry it corrects (`correctsEntryId`) and carries its reason; it keeps the original's
 * date and rate so it mirrors the original exactly.
 */
export const timeEntries = pgTable(
  'time_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => assignments.id),
    specialistId: uuid('specialist_id')
      .notNull()
      .references(() => specialists.id),
    workedOn: date('worked_on', { mode: 'string' }).notNull(),
    minutes: integer('minutes').notNull(),
    activity: text('activity')
      .notNull()
      .references(() => activities.code),
    description: text('description').notNull(),
    rateCents: bigint('rate_cents', { mode: 'number' }).notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    budgetYear: integer('budget_year')
      .notNull()
      .references(() => budgets.year),
    status: text('status').notNull(),
    rejectReason: text('reject_reason'),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    correctsEntryId: uuid('corrects_entry_id').references((): AnyPgColumn => timeEntries.id),
    correctionReason: text('correction_reason'),
    /** The client's `Idempotency-Key`: a second POST with the same key answers the first entry. */
    idempotencyKey: text('idempotency_key'),
  },
  (t) => [
    index('time_entries_assignment').on(t.assignmentId),
    index('time_entries_status').on(t.status, t.createdAt),
    index('time_entries_year').on(t.budgetYear, t.workedOn),
    index('time_entries_corrects').on(t.correctsEntryId),
    uniqueIndex('time_entries_idempotency').on(t.createdBy, t.idempotencyKey),
    check('time_entries_status', sql`${t.status} in ('submitted','approved','rejected')`),
    check(
      'time_entries_minutes',
      sql`(${t.correctsEntryId} is null and ${t.minutes} > 0 and ${t.minutes} <= 1440 and ${t.amountCents} >= 0) or (${t.correctsEntryId} is not null and ${t.minutes} < 0 and ${t.minutes} >= -1440 and ${t.amountCents} <= 0 and ${t.correctionReason} is not null)`,
    ),
  ],
);

/** The specialist's written advice to the casustafel (case content). */
export const advice = pgTable('advice', {
  id: uuid('id').primaryKey().defaultRandom(),
  requestId: uuid('request_id')
    .notNull()
    .unique()
    .references(() => interpretationRequests.id),
  assignmentId: uuid('assignment_id')
    .notNull()
    .references(() => assignments.id),
  summary: text('summary').notNull(),
  body: text('body').notNull(),
  deliveredBy: uuid('delivered_by')
    .notNull()
    .references(() => users.id),
  deliveredAt: timestamp('delivered_at', { withTimezone: true }).notNull().defaultNow(),
});
