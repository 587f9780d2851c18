import { AUDIENCES, KNOWLEDGE_FORMATS, MAX_KNOWLEDGE_FILE_BYTES } from '@duidingspool/shared';
import { type SQL, sql } from 'drizzle-orm';
import { check, customType, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea } from './column-types.ts';
import { expertiseAreas } from './specialists.ts';
import { users } from './users.ts';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * The knowledge library (docs/design.md §10, decision 089): non-case knowledge products (analyses,
 * factsheets, training material) published by coordinators and specialists for every user of the
 * region. The file's bytes are in `knowledge_files`, so lists never read them. A withdrawn product
 * keeps this row (who published what, how often it was downloaded) without its file.
 */
export const knowledgeProducts = pgTable(
  'knowledge_products',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    /** Audience codes (`AUDIENCES` in shared). */
    audiences: text('audiences', { enum: AUDIENCES }).array().notNull(),
    /** `KNOWLEDGE_FORMATS` in shared, decided from the file's bytes. */
    format: text('format', { enum: KNOWLEDGE_FORMATS }).notNull(),
    fileName: text('file_name').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    publishedBy: uuid('published_by')
      .notNull()
      .references(() => users.id),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
    downloads: integer('downloads').notNull().default(0),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    /** Title and summary for the search, with Dutch stemming. */
    search: tsvector('search')
      .notNull()
      .generatedAlwaysAs((): SQL => sql`to_tsvector('dutch', ${knowledgeProducts.title} || ' ' || ${knowledgeProducts.summary})`),
  },
  (t) => [
    index('knowledge_products_search_idx').using('gin', t.search),
    index('knowledge_products_published_idx').on(t.publishedAt.desc(), t.id.desc()),
    // One file once in the library: publishing the same bytes again is refused while it is there.
    uniqueIndex('knowledge_products_file_once').on(t.sha256).where(sql`${t.withdrawnAt} is null`),
    check('knowledge_products_size_check', sql`${t.sizeBytes} between 1 and ${sql.raw(String(MAX_KNOWLEDGE_FILE_BYTES))}`),
    check('knowledge_products_downloads_check', sql`${t.downloads} >= 0`),
  ],
);

/** The expertise areas a knowledge product is about. */
export const knowledgeProductExpertiseAreas = pgTable(
  'knowledge_product_expertise_areas',
  {
    productId: uuid('product_id')
      .notNull()
      .references(() => knowledgeProducts.id, { onDelete: 'cascade' }),
    expertiseAreaCode: text('expertise_area_code')
      .notNull()
      .references(() => expertiseAreas.code),
  },
  (t) => [primaryKey({ columns: [t.productId, t.expertiseAreaCode] }), index('knowledge_product_expertise_area_idx').on(t.expertiseAreaCode)],
);

/**
 * The file of a published knowledge product, in parts of at most `KNOWLEDGE_FILE_PART_BYTES`
 * (`part` 0, 1, …; the file is their bytes in order): each part is its own statement, so the
 * embedded database answers other requests between them instead of holding the server for the
 * whole file (decision 097). Deleted when the product is withdrawn.
 */
export const knowledgeFiles = pgTable(
  'knowledge_files',
  {
    productId: uuid('product_id')
      .notNull()
      .references(() => knowledgeProducts.id, { onDelete: 'cascade' }),
    part: integer('part').notNull().default(0),
    content: bytea('content').notNull(),
  },
  (t) => [primaryKey({ columns: [t.productId, t.part] }), check('knowledge_files_part_check', sql`${t.part} >= 0`)],
);
