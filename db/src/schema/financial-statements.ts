import { STATEMENT_STATUSES } from '@duidingspool/shared';
import { sql } from 'drizzle-orm';
import { check, customType, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { budgets } from './budgets.ts';
import { bytea } from './column-types.ts';
import { users } from './users.ts';

/**
 * The financial statement to the NCTV, one per budget year (docs/design.md §11, decision 073).
 * `content` is the statement's JSON text exactly as hashed (`sha256`), kept as text so it stays
 * byte for byte what was prepared and adopted; `document` is the XLSX made at adoption, served
 * unchanged ever after. Neither holds case content, so neither is touched by the retention clocks.
 */
export const financialStatements = pgTable(
  'financial_statements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: integer('year')
      .notNull()
      .unique()
      .references(() => budgets.year),
    status: text('status', { enum: STATEMENT_STATUSES }).notNull(),
    content: text('content').notNull(),
    sha256: text('sha256').notNull(),
    preparedBy: uuid('prepared_by')
      .notNull()
      .references(() => users.id),
    preparedAt: timestamp('prepared_at', { withTimezone: true }).notNull(),
    adoptedBy: uuid('adopted_by').references(() => users.id),
    adoptedAt: timestamp('adopted_at', { withTimezone: true }),
    document: bytea('document'),
  },
  (t) => [
    check('financial_statements_status', sql`${t.status} in ('prepared','adopted')`),
    // Adopted means adopted by someone else, at a time, with its document; prepared means none of those.
    check(
      'financial_statements_adoption',
      sql`(${t.status} = 'adopted') = (${t.adoptedBy} is not null and ${t.adoptedAt} is not null and ${t.document} is not null)`,
    ),
    check('financial_statements_two_people', sql`${t.adoptedBy} is null or ${t.adoptedBy} <> ${t.preparedBy}`),
  ],
);
