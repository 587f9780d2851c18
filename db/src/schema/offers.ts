import { AUDIENCES, DELIVERABLES, OFFER_TYPES, STORED_OFFER_STATUSES } from '@duidingspool/shared';
import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { caseTables, municipalities } from './organisation.ts';
import { users } from './users.ts';

/**
 * The coordinator's proactive offers (docs/design.md §4, decision 130): one kind of work offered to
 * exactly one casustafel or municipality, open until a member accepts or declines it or the
 * coordinator withdraws it. An accepted offer became the request whose `origin_offer_id` names it.
 * Offers hold no case content (the personal-data guard checks their free text).
 */
export const offers = pgTable(
  'offers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The request type offered (never a case interpretation). */
    type: text('type', { enum: OFFER_TYPES }).notNull(),
    caseTableId: uuid('case_table_id').references(() => caseTables.id),
    municipalityId: uuid('municipality_id').references(() => municipalities.id),
    title: text('title').notNull(),
    description: text('description').notNull(),
    /** Expertise area codes (checked against `expertise_areas` when the offer is made). */
    expertiseAreaCodes: text('expertise_area_codes').array().notNull().default(sql`'{}'::text[]`),
    deliverable: text('deliverable', { enum: DELIVERABLES }).notNull(),
    meetingDate: date('meeting_date', { mode: 'string' }),
    audiences: text('audiences', { enum: AUDIENCES }).array().notNull().default(sql`'{}'::text[]`),
    expectedParticipants: integer('expected_participants'),
    place: text('place'),
    /** The last day (Europe/Amsterdam) on which the offer can be accepted. */
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    status: text('status', { enum: STORED_OFFER_STATUSES }).notNull().default('open'),
    declineReason: text('decline_reason'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    index('offers_case_table').on(t.caseTableId, t.createdAt),
    index('offers_municipality').on(t.municipalityId, t.createdAt),
    index('offers_status').on(t.status, t.createdAt),
    // Made to exactly one organisation.
    check('offers_one_target', sql`(${t.caseTableId} is null) <> (${t.municipalityId} is null)`),
    check('offers_type', sql`${t.type} in ('consultation','training','information-session','local-activity-support','analysis')`),
    check('offers_status', sql`${t.status} in ('open','accepted','declined','withdrawn')`),
    check('offers_expected_participants', sql`${t.expectedParticipants} is null or ${t.expectedParticipants} between 1 and 2000`),
    check('offers_decided', sql`(${t.status} = 'open') = (${t.decidedAt} is null)`),
  ],
);
