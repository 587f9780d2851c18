import { index, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { caseTables } from './organisation.ts';
import { specialists } from './specialists.ts';
import { users } from './users.ts';

/**
 * The standing specialists of a casustafel (docs/design.md §2, decision 101): the coordinator links
 * one or more specialists to a casustafel; when they fit a request of that casustafel they rank
 * first among the suggestions and can be proposed with one click.
 */
export const caseTableStandingSpecialists = pgTable(
  'case_table_standing_specialists',
  {
    caseTableId: uuid('case_table_id')
      .notNull()
      .references(() => caseTables.id),
    specialistId: uuid('specialist_id')
      .notNull()
      .references(() => specialists.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.caseTableId, t.specialistId] }), index('case_table_standing_specialists_specialist').on(t.specialistId)],
);
