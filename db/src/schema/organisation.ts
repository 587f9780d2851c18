import { pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** When an admin retired the row: kept for history, no longer offered for new things (null: in use). */
const retiredAt = () => timestamp('retired_at', { withTimezone: true });

/** The five veiligheidsregio's of Oost-Nederland. */
export const safetyRegions = pgTable('safety_regions', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  seat: text('seat').notNull(),
  retiredAt: retiredAt(),
});

/** Zorg- en Veiligheidshuizen; each hosts casustafels. */
export const safetyHouses = pgTable('safety_houses', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Stable code from the structure file (e.g. `zvh-twente`); the structure import matches on it. */
  code: text('code').notNull().unique(),
  regionId: uuid('region_id')
    .notNull()
    .references(() => safetyRegions.id),
  name: text('name').notNull().unique(),
  city: text('city').notNull(),
  retiredAt: retiredAt(),
});

/** The 77 municipalities; the accountable organisation of a request. */
export const municipalities = pgTable('municipalities', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** CBS gemeentecode (`GM0202`); the structure import matches on it. */
  cbsCode: text('cbs_code').notNull().unique(),
  name: text('name').notNull().unique(),
  safetyHouseId: uuid('safety_house_id')
    .notNull()
    .references(() => safetyHouses.id),
  retiredAt: retiredAt(),
});

/** Casustafels (case consultations); their members are requesters. */
export const caseTables = pgTable('case_tables', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Stable code from the structure file (e.g. `casustafel-arnhem`); the structure import matches on it. */
  code: text('code').notNull().unique(),
  name: text('name').notNull().unique(),
  safetyHouseId: uuid('safety_house_id')
    .notNull()
    .references(() => safetyHouses.id),
  retiredAt: retiredAt(),
});

/** The municipalities a casustafel serves. */
export const caseTableMunicipalities = pgTable(
  'case_table_municipalities',
  {
    caseTableId: uuid('case_table_id')
      .notNull()
      .references(() => caseTables.id),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
  },
  (t) => [primaryKey({ columns: [t.caseTableId, t.municipalityId] })],
);
