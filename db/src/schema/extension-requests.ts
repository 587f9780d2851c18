import { ASSIGNMENT_CLOSE_CAUSES, EXTENSION_STATUSES } from '@duidingspool/shared';
import { sql } from 'drizzle-orm';
import { check, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { assignments } from './assignments.ts';
import { users } from './users.ts';

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
    status: text('status', { enum: EXTENSION_STATUSES }).notNull().default('requested'),
    decisionReason: text('decision_reason'),
    /** Set when refused because the assignment closed: why it closed (a fixed code, not case content). */
    decisionReasonCode: text('decision_reason_code', { enum: ASSIGNMENT_CLOSE_CAUSES }),
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
