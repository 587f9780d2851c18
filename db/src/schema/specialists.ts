import { MAX_CAPACITY_MINUTES_PER_MONTH } from '@duidingspool/shared';
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { caseTables, municipalities, safetyHouses, safetyRegions } from './organisation.ts';
import { users } from './users.ts';

/** Expertise areas (reference data from the seed). */
export const expertiseAreas = pgTable('expertise_areas', {
  code: text('code').primaryKey(),
  nameNl: text('name_nl').notNull(),
  nameEn: text('name_en').notNull(),
  /** When an admin retired it: kept for history, no longer offered for new requests, profiles or entries. */
  retiredAt: timestamp('retired_at', { withTimezone: true }),
});

/** Activities a time entry can be booked on (reference data from the seed). */
export const activities = pgTable('activities', {
  code: text('code').primaryKey(),
  nameNl: text('name_nl').notNull(),
  nameEn: text('name_en').notNull(),
  /** When an admin retired it: kept for history, no longer offered for new requests, profiles or entries. */
  retiredAt: timestamp('retired_at', { withTimezone: true }),
});

/**
 * A duidingsspecialist's profile in the pool (docs/design.md §3, decision 082). The screening's last
 * valid day is stored beside its date, both written together from `screeningValidUntil` in shared
 * (the rule lives there); capacity in minutes per month, 0 to a month of 31 days.
 */
export const specialists = pgTable(
  'specialists',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .unique()
      .references(() => users.id),
    capacityMinutesPerMonth: integer('capacity_minutes_per_month').notNull().default(2400),
    /** Date of the screening (VOG); null when none is recorded. */
    screeningDate: date('screening_date', { mode: 'string' }),
    /** Last valid day of the screening (inclusive), derived from `screeningDate`. */
    screeningValidUntil: date('screening_valid_until', { mode: 'string' }),
    /** Short professional bio (not case content; free text, at most MAX_BIO_LENGTH characters). */
    bio: text('bio').notNull().default(''),
    isActive: boolean('is_active').notNull().default(true),
  },
  (t) => [
    check('specialists_capacity_range', sql`${t.capacityMinutesPerMonth} between 0 and ${sql.raw(String(MAX_CAPACITY_MINUTES_PER_MONTH))}`),
    check('specialists_screening_pair', sql`(${t.screeningDate} is null) = (${t.screeningValidUntil} is null)`),
    check('specialists_screening_order', sql`${t.screeningValidUntil} > ${t.screeningDate}`),
  ],
);

/** A specialist's absence: not assignable from `starts_on` through `ends_on` (both inclusive, Europe/Amsterdam). */
export const specialistAbsences = pgTable(
  'specialist_absences',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    specialistId: uuid('specialist_id')
      .notNull()
      .references(() => specialists.id),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('specialist_absences_order', sql`${t.endsOn} >= ${t.startsOn}`), index('specialist_absences_specialist').on(t.specialistId, t.endsOn)],
);

export const specialistExpertiseAreas = pgTable(
  'specialist_expertise_areas',
  {
    specialistId: uuid('specialist_id')
      .notNull()
      .references(() => specialists.id),
    expertiseAreaCode: text('expertise_area_code')
      .notNull()
      .references(() => expertiseAreas.code),
  },
  (t) => [primaryKey({ columns: [t.specialistId, t.expertiseAreaCode] })],
);

export const specialistLanguages = pgTable(
  'specialist_languages',
  {
    specialistId: uuid('specialist_id')
      .notNull()
      .references(() => specialists.id),
    language: text('language').notNull(),
  },
  (t) => [primaryKey({ columns: [t.specialistId, t.language] })],
);

export const specialistRegions = pgTable(
  'specialist_regions',
  {
    specialistId: uuid('specialist_id')
      .notNull()
      .references(() => specialists.id),
    regionId: uuid('region_id')
      .notNull()
      .references(() => safetyRegions.id),
  },
  (t) => [primaryKey({ columns: [t.specialistId, t.regionId] })],
);

/** Rate history (docs/design.md §5): cents per hour valid from a date until the next row. */
export const specialistRates = pgTable(
  'specialist_rates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    specialistId: uuid('specialist_id')
      .notNull()
      .references(() => specialists.id),
    rateCents: bigint('rate_cents', { mode: 'number' }).notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [unique('specialist_rates_from').on(t.specialistId, t.validFrom), check('specialist_rates_positive', sql`${t.rateCents} > 0`)],
);

/**
 * A conflict of interest a specialist declares (docs/design.md §2, decision 100): with one
 * municipality, one casustafel or one organisation (a Zorg- en Veiligheidshuis, which hosts
 * casustafels). Exactly one target is set, matching `kind`. A declared conflict with the requesting
 * municipality, casustafel or the casustafel's house makes the specialist not assignable
 * (`conflict-of-interest`, `notAssignableReasons` in shared). The note is seen only by the
 * specialist and the coordinators.
 */
export const specialistConflicts = pgTable(
  'specialist_conflicts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    specialistId: uuid('specialist_id')
      .notNull()
      .references(() => specialists.id),
    kind: text('kind', { enum: ['municipality', 'case-table', 'safety-house'] }).notNull(),
    municipalityId: uuid('municipality_id').references(() => municipalities.id),
    caseTableId: uuid('case_table_id').references(() => caseTables.id),
    safetyHouseId: uuid('safety_house_id').references(() => safetyHouses.id),
    /** Optional note, at most MAX_CONFLICT_NOTE_LENGTH characters; empty when none. */
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'specialist_conflicts_one_target',
      sql`(${t.kind} = 'municipality' and ${t.municipalityId} is not null and ${t.caseTableId} is null and ${t.safetyHouseId} is null)
       or (${t.kind} = 'case-table' and ${t.caseTableId} is not null and ${t.municipalityId} is null and ${t.safetyHouseId} is null)
       or (${t.kind} = 'safety-house' and ${t.safetyHouseId} is not null and ${t.municipalityId} is null and ${t.caseTableId} is null)`,
    ),
    unique('specialist_conflicts_target').on(t.specialistId, t.municipalityId, t.caseTableId, t.safetyHouseId).nullsNotDistinct(),
    index('specialist_conflicts_specialist').on(t.specialistId),
  ],
);
