import { ASSIGNMENT_CLOSE_CAUSES, DELIVERABLES, FEEDBACK_ANSWERED, FEEDBACK_CHANGES, REQUEST_STATUSES, ROLES, URGENCIES } from '@duidingspool/shared';
import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { assignments } from './assignments.ts';
import { caseTables, municipalities } from './organisation.ts';
import { expertiseAreas } from './specialists.ts';
import { users } from './users.ts';

/**
 * Interpretation requests (duidingsverzoeken, docs/design.md §4). Which columns are case content, with
 * their own retention clock, is declared in `request-data.ts` with every other table of a request.
 */
export const interpretationRequests = pgTable(
  'interpretation_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reference: text('reference').notNull().unique(),
    caseTableId: uuid('case_table_id')
      .notNull()
      .references(() => caseTables.id),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    caseReference: text('case_reference').notNull(),
    question: text('question').notNull(),
    context: text('context'),
    urgency: text('urgency', { enum: URGENCIES }).notNull(),
    deliverable: text('deliverable', { enum: DELIVERABLES }).notNull(),
    meetingDate: date('meeting_date', { mode: 'string' }),
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    status: text('status', { enum: REQUEST_STATUSES }).notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** When the retention job removed the case content (docs/design.md §6: first retention clock). */
    contentPurgedAt: timestamp('content_purged_at', { withTimezone: true }),
    /** Failed retention purges of this request in a row (either clock); reset when one succeeds. */
    retentionFailures: integer('retention_failures').notNull().default(0),
    /** After a failed purge: not tried again before this instant, so one failing request blocks no other. */
    retentionRetryAt: timestamp('retention_retry_at', { withTimezone: true }),
    /** Class and SQLSTATE of the last failed purge (never its message, which may repeat case text). */
    retentionLastError: text('retention_last_error'),
    /**
     * The triage deadline of the latest move into `submitted`, with the service-level targets of that
     * moment (decision 102); null before the first submission and for requests submitted before it was kept.
     */
    triageDueAt: timestamp('triage_due_at', { withTimezone: true }),
  },
  (t) => [
    index('interpretation_requests_case_table').on(t.caseTableId, t.status),
    // One index per list order (decision 071): the filter's column first, then the sort, then the id tiebreaker.
    // A missing submission time sorts last both ways, written as a non-null expression so a cursor can seek on it:
    // `-submittedAt` (coalesce(submitted_at, -infinity) desc, created_at desc, id) and `submittedAt`
    // (coalesce(submitted_at, infinity), id), for who may see all (coordinator), per status (triage), per casustafel (requester).
    index('interpretation_requests_status').on(t.status, sql`coalesce(${t.submittedAt}, 'infinity'::timestamptz)`, t.id),
    index('interpretation_requests_recent').on(sql`coalesce(${t.submittedAt}, '-infinity'::timestamptz) desc`, t.createdAt.desc().nullsFirst(), t.id),
    index('interpretation_requests_oldest').on(sql`coalesce(${t.submittedAt}, 'infinity'::timestamptz)`, t.id),
    index('interpretation_requests_status_recent').on(
      t.status,
      sql`coalesce(${t.submittedAt}, '-infinity'::timestamptz) desc`,
      t.createdAt.desc().nullsFirst(),
      t.id,
    ),
    index('interpretation_requests_case_table_recent').on(
      t.caseTableId,
      sql`coalesce(${t.submittedAt}, '-infinity'::timestamptz) desc`,
      t.createdAt.desc().nullsFirst(),
      t.id,
    ),
    // The triage queue by what is due first (decision 102): a missing deadline last.
    index('interpretation_requests_triage_due').on(t.status, sql`coalesce(${t.triageDueAt}, 'infinity'::timestamptz)`, t.id),
    index('interpretation_requests_due').on(sql`coalesce(${t.triageDueAt}, 'infinity'::timestamptz)`, t.id),
    index('interpretation_requests_retention').on(t.closedAt).where(sql`${t.contentPurgedAt} is null`),
    check('interpretation_requests_urgency', sql`${t.urgency} in ('regular','urgent')`),
  ],
);

export const requestExpertiseAreas = pgTable(
  'request_expertise_areas',
  {
    requestId: uuid('request_id')
      .notNull()
      .references(() => interpretationRequests.id),
    expertiseAreaCode: text('expertise_area_code')
      .notNull()
      .references(() => expertiseAreas.code),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.expertiseAreaCode] })],
);

/** Every status change of a request, with actor and time: the timeline (docs/design.md §4). */
export const requestStatusEvents = pgTable(
  'request_status_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => interpretationRequests.id),
    fromStatus: text('from_status', { enum: REQUEST_STATUSES }),
    toStatus: text('to_status', { enum: REQUEST_STATUSES }).notNull(),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => users.id),
    actorRole: text('actor_role', { enum: ROLES }).notNull(),
    reason: text('reason'),
    /** A fixed system reason (`ASSIGNMENT_CLOSE_CAUSES` in shared), not case content. */
    reasonCode: text('reason_code', { enum: ASSIGNMENT_CLOSE_CAUSES }),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    /** Orders events that share a timestamp. */
    seq: integer('seq').generatedAlwaysAsIdentity(),
  },
  (t) => [index('request_status_events_request').on(t.requestId, t.occurredAt)],
);

/** Per-year counter behind the pool reference `DP-2019-0007`. */
export const referenceCounters = pgTable('reference_counters', {
  year: integer('year').primaryKey(),
  lastNumber: integer('last_number').notNull(),
});

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

/**
 * The pool's service-level targets (decision 102): one row (`id` = 1), absent until the coordinator
 * first changes them (then `DEFAULT_SERVICE_LEVEL_TARGETS` in shared apply). Working days 1–10,
 * working hours 1–40.
 */
export const serviceLevelTargets = pgTable(
  'service_level_targets',
  {
    id: integer('id').primaryKey().default(1),
    triageWorkingDays: integer('triage_working_days').notNull(),
    triageUrgentWorkingHours: integer('triage_urgent_working_hours').notNull(),
    proposalAnswerWorkingDays: integer('proposal_answer_working_days').notNull(),
    adviceWorkingDays: integer('advice_working_days').notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('service_level_targets_one_row', sql`${t.id} = 1`),
    check(
      'service_level_targets_range',
      sql`${t.triageWorkingDays} between 1 and 10 and ${t.proposalAnswerWorkingDays} between 1 and 10 and ${t.adviceWorkingDays} between 1 and 10 and ${t.triageUrgentWorkingHours} between 1 and 40`,
    ),
  ],
);

/**
 * The requester's feedback on a closed request (docs/design.md §12): the structured answers are
 * kept for reporting; the comment is case content (declared in `request-data.ts`), purged by the
 * first retention clock. One per request.
 */
export const requestFeedback = pgTable(
  'request_feedback',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .unique()
      .references(() => interpretationRequests.id),
    answered: text('answered', { enum: FEEDBACK_ANSWERED }).notNull(),
    usefulness: integer('usefulness').notNull(),
    changes: text('changes', { enum: FEEDBACK_CHANGES }).array().notNull(),
    comment: text('comment'),
    givenBy: uuid('given_by')
      .notNull()
      .references(() => users.id),
    givenAt: timestamp('given_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('request_feedback_answered', sql`${t.answered} in ('yes','partly','no')`),
    check('request_feedback_usefulness', sql`${t.usefulness} between 1 and 5`),
    index('request_feedback_given_at').on(t.givenAt),
  ],
);
