import { TIME_ENTRY_STATUSES } from '@duidingspool/shared';
import { sql } from 'drizzle-orm';
import { type AnyPgColumn, bigint, check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { assignments } from './assignments.ts';
import { budgetLines, budgets } from './budgets.ts';
import { activities, specialists } from './specialists.ts';
import { users } from './users.ts';

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
    /** The budget line charged (decision 094), a line of `budgetYear`. */
    budgetLineId: uuid('budget_line_id')
      .notNull()
      .references(() => budgetLines.id),
    status: text('status', { enum: TIME_ENTRY_STATUSES }).notNull(),
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
    // Every entry list orders `worked_on desc, created_at desc, id` (decision 071): per assignment, the approvals
    // queue (per status), a specialist's own, the coordinator's all, the ledger drill-down (per budget year).
    index('time_entries_assignment').on(t.assignmentId, t.workedOn.desc().nullsFirst(), t.createdAt.desc().nullsFirst(), t.id),
    index('time_entries_status').on(t.status, t.workedOn.desc().nullsFirst(), t.createdAt.desc().nullsFirst(), t.id),
    index('time_entries_specialist').on(t.specialistId, t.workedOn.desc().nullsFirst(), t.createdAt.desc().nullsFirst(), t.id),
    index('time_entries_recent').on(t.workedOn.desc().nullsFirst(), t.createdAt.desc().nullsFirst(), t.id),
    index('time_entries_year').on(t.budgetYear, t.workedOn.desc().nullsFirst(), t.createdAt.desc().nullsFirst(), t.id),
    index('time_entries_corrects').on(t.correctsEntryId),
    index('time_entries_budget_line').on(t.budgetLineId),
    uniqueIndex('time_entries_idempotency').on(t.createdBy, t.idempotencyKey),
    check('time_entries_status', sql`${t.status} in ('submitted','approved','rejected')`),
    check(
      'time_entries_minutes',
      sql`(${t.correctsEntryId} is null and ${t.minutes} > 0 and ${t.minutes} <= 1440 and ${t.amountCents} >= 0) or (${t.correctsEntryId} is not null and ${t.minutes} < 0 and ${t.minutes} >= -1440 and ${t.amountCents} <= 0 and ${t.correctionReason} is not null)`,
    ),
  ],
);
