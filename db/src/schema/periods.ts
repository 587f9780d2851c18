import { sql } from 'drizzle-orm';
import { check, date, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { specialists } from './specialists.ts';
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
