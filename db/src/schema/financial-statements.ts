import { STATEMENT_STATUSES } from '@duidingspool/shared';
import { sql } from 'drizzle-orm';
import { check, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { budgets } from './budgets.ts';
import { bytea } from './column-types.ts';
import { users } from './users.ts';

/**
 * The financial statement to the NCTV, one per budget year (docs/design.md §11, decision 073).
 * `content` is the statement's JSON text exactly as hashed (`sha256`), kept as text so it stays
 * byte for byte what was prepared and adopted; `document` is the XLSX and `documentPdf` the tagged
 * PDF made at adoption, both in the one update that adopts, served unchanged ever after
 * (`documentPdf` is null only for statements adopted before the PDF existed). None holds case
 * content, so none is touched by the retention clocks.
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
    documentPdf: bytea('document_pdf'),
  },
  (t) => [
    check('financial_statements_status', sql`${t.status} in ('prepared','adopted')`),
    // Adopted means adopted by someone else, at a time, with its document; prepared means none of those.
    check(
      'financial_statements_adoption',
      sql`(${t.status} = 'adopted') = (${t.adoptedBy} is not null and ${t.adoptedAt} is not null and ${t.document} is not null)`,
    ),
    // A PDF is only ever the adopted one: a draft's is made on each download, never stored.
    check('financial_statements_pdf_adopted', sql`${t.documentPdf} is null or ${t.status} = 'adopted'`),
    check('financial_statements_two_people', sql`${t.adoptedBy} is null or ${t.adoptedBy} <> ${t.preparedBy}`),
  ],
);
