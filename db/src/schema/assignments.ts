import { ASSIGNMENT_CLOSE_CAUSES, ASSIGNMENT_STATUSES } from '@duidingspool/shared';
import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { budgetLines, budgets } from './budgets.ts';
import { interpretationRequests } from './interpretation-requests.ts';
import { specialists } from './specialists.ts';
import { users } from './users.ts';

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
    status: text('status', { enum: ASSIGNMENT_STATUSES }).notNull(),
    estimatedMinutes: integer('estimated_minutes').notNull(),
    loggedMinutes: integer('logged_minutes').notNull().default(0),
    rateCents: bigint('rate_cents', { mode: 'number' }).notNull(),
    reservedCents: bigint('reserved_cents', { mode: 'number' }).notNull(),
    budgetYear: integer('budget_year')
      .notNull()
      .references(() => budgets.year),
    /** The budget line charged (decision 094), a line of `budgetYear`. */
    budgetLineId: uuid('budget_line_id')
      .notNull()
      .references(() => budgetLines.id),
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
    closeCause: text('close_cause', { enum: ASSIGNMENT_CLOSE_CAUSES }),
    /**
     * When the proposed specialist confirmed they have no conflict of interest with the requesting
     * party (decision 103); until then a proposal shows them only the request's summary, never its
     * question or context. Accepting confirms too.
     */
    noConflictConfirmedAt: timestamp('no_conflict_confirmed_at', { withTimezone: true }),
  },
  (t) => [
    // The specialist's visibility of a request (`exists … request_id, specialist_id`).
    index('assignments_request').on(t.requestId, t.specialistId),
    index('assignments_specialist').on(t.specialistId, t.status),
    // The open estimates of each specialist's live assignments (the suggestions' load, decision 103):
    // only live rows, so the load does not grow with the closed history.
    index('assignments_specialist_live')
      .on(t.specialistId, t.estimatedMinutes, t.loggedMinutes)
      .where(sql`${t.status} in ('proposed','accepted') and ${t.closedAt} is null`),
    index('assignments_budget_line').on(t.budgetLineId),
    // The assignment list, newest proposal first with the id tiebreaker (decision 071): all, and one specialist's.
    index('assignments_recent').on(t.proposedAt.desc().nullsFirst(), t.id),
    index('assignments_specialist_recent').on(t.specialistId, t.proposedAt.desc().nullsFirst(), t.id),
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
