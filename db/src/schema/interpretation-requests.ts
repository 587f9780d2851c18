import {
  ASSIGNMENT_CLOSE_CAUSES,
  AUDIENCES,
  DELIVERABLES,
  FEEDBACK_ANSWERED,
  FEEDBACK_CHANGES,
  REACH_CATEGORIES,
  REQUEST_STATUSES,
  REQUEST_TYPES,
  ROLES,
  URGENCIES,
} from '@duidingspool/shared';
import { sql } from 'drizzle-orm';
import { type AnyPgColumn, bigint, boolean, check, date, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { assignments } from './assignments.ts';
import { offers } from './offers.ts';
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
    /** The pool reference (`DP-2019-0007`), given on the first submission; null while a draft. */
    reference: text('reference').unique(),
    /** What is asked (decision 095); every request made before types existed is a case interpretation. */
    type: text('type', { enum: REQUEST_TYPES }).notNull().default('case-interpretation'),
    /** The casustafel asking; null when a municipality asks (another type than a case interpretation, decision 095). */
    caseTableId: uuid('case_table_id').references(() => caseTables.id),
    /**
     * The municipality the request is for; when no casustafel asks, the requesting organisation
     * itself (then never null). Null only while a casustafel's draft names none yet.
     */
    municipalityId: uuid('municipality_id').references(() => municipalities.id),
    caseReference: text('case_reference').notNull(),
    question: text('question').notNull(),
    context: text('context'),
    urgency: text('urgency', { enum: URGENCIES }).notNull(),
    /** Null only while a draft. */
    deliverable: text('deliverable', { enum: DELIVERABLES }),
    meetingDate: date('meeting_date', { mode: 'string' }),
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    /** Training and information session: who it is for (`AUDIENCES`). */
    audiences: text('audiences', { enum: AUDIENCES }).array().notNull().default(sql`'{}'::text[]`),
    /** Training and information session: people expected, 1–2,000. */
    expectedParticipants: integer('expected_participants'),
    /** Training and information session: where it takes place. */
    place: text('place'),
    status: text('status', { enum: REQUEST_STATUSES }).notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /**
     * The coordinator's first decision out of `submitted` (the earliest such status event) and the
     * first move into `assigned`: the ends of the report's waits (decision 134). Kept by the trigger
     * `request_status_events_firsts` from the status events, never written by a service.
     */
    triagedAt: timestamp('triaged_at', { withTimezone: true }),
    firstAssignedAt: timestamp('first_assigned_at', { withTimezone: true }),
    /**
     * The earlier request of the same casustafel this one follows up (“vervolg op DP-…”); cleared
     * if that request is deleted by the second retention clock first.
     */
    followUpOfId: uuid('follow_up_of_id').references((): AnyPgColumn => interpretationRequests.id, { onDelete: 'set null' }),
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
    /**
     * The coordinator's offer this request came from, when a member of the organisation accepted it
     * (decision 130); null when the organisation asked itself. At most one request per offer.
     */
    originOfferId: uuid('origin_offer_id')
      .references(() => offers.id)
      .unique(),
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
    // The triage queue filtered by type (decision 095), and a municipality's own requests.
    index('interpretation_requests_type_triage_due').on(t.type, t.status, sql`coalesce(${t.triageDueAt}, 'infinity'::timestamptz)`, t.id),
    index('interpretation_requests_municipality_recent').on(
      t.municipalityId,
      sql`coalesce(${t.submittedAt}, '-infinity'::timestamptz) desc`,
      t.createdAt.desc().nullsFirst(),
      t.id,
    ),
    check(
      'interpretation_requests_type',
      sql`${t.type} in ('case-interpretation','consultation','training','information-session','local-activity-support','analysis')`,
    ),
    // Only a casustafel asks for a case interpretation; a request without one names its municipality from the start.
    check(
      'interpretation_requests_requesting_organisation',
      sql`${t.caseTableId} is not null or (${t.type} <> 'case-interpretation' and ${t.municipalityId} is not null)`,
    ),
    check('interpretation_requests_expected_participants', sql`${t.expectedParticipants} is null or ${t.expectedParticipants} between 1 and 2000`),
    // Only a draft may lack what submitting requires: the reference, the municipality, the deliverable.
    check(
      'interpretation_requests_submitted_complete',
      sql`${t.status} = 'draft' or (${t.reference} is not null and ${t.municipalityId} is not null and ${t.deliverable} is not null)`,
    ),
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
    /**
     * On a resubmission after `needs-information`: the names of the request's fields the casustafel
     * changed meanwhile (`question`, `context`…; names, not content). Null on other events.
     */
    changedFields: text('changed_fields').array(),
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

/**
 * The specialist's written advice to the casustafel (case content). One row per delivery: `version`
 * 1 first, one more each time the advice is delivered again after the request was reopened
 * (decision 113) or corrected by its specialist (decision 114; `correction_reason` says why);
 * earlier versions stay.
 */
export const advice = pgTable(
  'advice',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => interpretationRequests.id),
    version: integer('version').notNull().default(1),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => assignments.id),
    summary: text('summary').notNull(),
    body: text('body').notNull(),
    deliveredBy: uuid('delivered_by')
      .notNull()
      .references(() => users.id),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }).notNull().defaultNow(),
    correctionReason: text('correction_reason'),
  },
  (t) => [unique('advice_request_version').on(t.requestId, t.version), check('advice_version_positive', sql`${t.version} >= 1`)],
);

/**
 * The messages on a request (docs/design.md §4, "Messages"; decision 110): one thread per request
 * between its casustafel's members, the coordinators and the specialists holding it. An `internal`
 * note is for the coordinators and those specialists only. Case content: the body is purged by the
 * first retention clock and the rows go with the request on the second.
 */
export const requestMessages = pgTable(
  'request_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => interpretationRequests.id),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    /** The role in which the author wrote (requester, coordinator, specialist). */
    authorRole: text('author_role', { enum: ROLES }).notNull(),
    body: text('body').notNull(),
    internal: boolean('internal').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Orders the messages of all threads; a read marker is the highest `seq` its reader has seen. */
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity().notNull(),
  },
  (t) => [index('request_messages_request').on(t.requestId, t.seq)],
);

/**
 * Read markers: per participant and request, the highest message `seq` they have read and when.
 * The unread counts and the read receipts are derived from it.
 */
export const requestMessageReads = pgTable(
  'request_message_reads',
  {
    requestId: uuid('request_id')
      .notNull()
      .references(() => interpretationRequests.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    lastReadSeq: bigint('last_read_seq', { mode: 'number' }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.userId] }), index('request_message_reads_user').on(t.userId)],
);

/**
 * The advice being written: one draft per request, saved by the holding specialist while typing
 * (autosave), with a version for optimistic concurrency (a save naming an older version is refused,
 * so two tabs never overwrite each other unseen). Case content: it stays, no longer writable, after
 * the advice is delivered and is purged with the request like the advice itself.
 */
export const adviceDrafts = pgTable('advice_drafts', {
  requestId: uuid('request_id')
    .primaryKey()
    .references(() => interpretationRequests.id),
  assignmentId: uuid('assignment_id')
    .notNull()
    .references(() => assignments.id),
  summary: text('summary').notNull(),
  body: text('body').notNull(),
  /** 1 on the first save, one more on every save. */
  version: integer('version').notNull(),
  updatedBy: uuid('updated_by')
    .notNull()
    .references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
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

/**
 * The participants of a training or information session per audience category, recorded by the
 * specialist afterwards (docs/design.md §12, reach). Counts only, never a person.
 */
export const requestReach = pgTable(
  'request_reach',
  {
    requestId: uuid('request_id')
      .notNull()
      .references(() => interpretationRequests.id),
    category: text('category', { enum: REACH_CATEGORIES }).notNull(),
    participants: integer('participants').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.category] }), check('request_reach_participants', sql`${t.participants} between 0 and 2000`)],
);
