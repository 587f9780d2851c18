import { createHash } from 'node:crypto';
import { type Executor, isUniqueViolation, schema } from '@duidingspool/db';
import {
  type Audience,
  KNOWLEDGE_FILE_PART_BYTES,
  KNOWLEDGE_FORMATS,
  KNOWLEDGE_MEDIA_TYPES,
  type KnowledgeFormat,
  type KnowledgeListQuery,
  type KnowledgeProduct,
  knowledgeFileName,
  MAX_KNOWLEDGE_FILE_BYTES,
  type PublishKnowledgeFields,
} from '@duidingspool/shared';
import { and, arrayContains, eq, exists, isNull, type SQL, sql } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import { AppError, forbidden, invalidField, notFound } from '../../errors.ts';
import { type Actor, hasRole, type ServiceContext } from '../../lib/context.ts';
import { countUpTo, iso, type Page, page, type Seek, seekCursor, seekOrder } from '../../lib/pagination.ts';
import { assertNoPersonalDataInKnowledge } from '../../lib/personal-data-guard.ts';
import { audit } from '../audit/index.ts';
import { retiredExpertiseAreas, unknownExpertiseAreas } from '../specialists/index.ts';
import { screenKnowledgeFile } from './file-screening.ts';

const kp = schema.knowledgeProducts;
const kpx = schema.knowledgeProductExpertiseAreas;
const kf = schema.knowledgeFiles;

/** A file as it arrived in an upload: the name the browser sent and the bytes. */
export interface UploadedFile {
  name: string;
  bytes: Buffer;
}

/** A knowledge product's file ready to send: stored name, format (and so its media type), bytes. */
export interface KnowledgeDownload {
  fileName: string;
  format: KnowledgeFormat;
  mediaType: string;
  bytes: Buffer;
}

/** Who may withdraw a product: its publisher and any coordinator (docs/design.md §10). */
const mayWithdraw = (actor: Actor, publishedBy: string) => publishedBy === actor.userId || hasRole(actor, 'coordinator');

/**
 * The format of `bytes` read from their content (magic numbers and, for the zip-based formats, the
 * entries inside), never from the file's name: `file-type` recognises PDF, DOCX, PPTX and ODT.
 * @throws AppError 415 `unsupported-media-type` on `/file` for any other content (an executable renamed `.pdf` included)
 */
async function formatOf(bytes: Buffer): Promise<KnowledgeFormat> {
  const found = await fileTypeFromBuffer(bytes);
  const ext = found?.ext;
  if (ext && (KNOWLEDGE_FORMATS as readonly string[]).includes(ext)) return ext as KnowledgeFormat;
  const seen = ext ? `de inhoud is ${ext.toUpperCase()}` : 'de inhoud is van geen bekend soort';
  throw new AppError('unsupported-media-type', `Dit bestand is geen PDF, DOCX, ODT of PPTX: ${seen}.`, {
    errors: [{ in: 'body', pointer: '/file', message: `alleen PDF, DOCX, ODT of PPTX; ${seen}` }],
  });
}

/** The list's order: newest first, id as tiebreaker (index `knowledge_products_published_idx`). */
const KNOWLEDGE_SEEK: Seek = {
  name: 'knowledge-products',
  keys: [
    { expr: kp.publishedAt, type: 'timestamptz', desc: true, notNull: true },
    { expr: kp.id, type: 'uuid', desc: true, notNull: true },
  ],
};

const productColumns = {
  id: kp.id,
  title: kp.title,
  summary: kp.summary,
  audiences: kp.audiences,
  format: kp.format,
  fileName: kp.fileName,
  sizeBytes: kp.sizeBytes,
  sha256: kp.sha256,
  publishedAt: kp.publishedAt,
  publishedBy: kp.publishedBy,
  publishedByName: schema.users.displayName,
  downloads: kp.downloads,
  expertiseAreaCodes: sql<
    string[]
  >`coalesce((select array_agg(${kpx.expertiseAreaCode} order by ${kpx.expertiseAreaCode}) from ${kpx} where ${kpx.productId} = ${kp.id}), '{}')`,
};
interface ProductRow {
  id: string;
  title: string;
  summary: string;
  audiences: Audience[];
  format: KnowledgeFormat;
  fileName: string;
  sizeBytes: number;
  sha256: string;
  publishedAt: Date;
  publishedBy: string;
  publishedByName: string;
  downloads: number;
  expertiseAreaCodes: string[];
}

const toProduct = (actor: Actor, r: ProductRow): KnowledgeProduct => ({
  id: r.id,
  title: r.title,
  summary: r.summary,
  audiences: r.audiences,
  expertiseAreaCodes: r.expertiseAreaCodes,
  format: r.format,
  fileName: r.fileName,
  sizeBytes: r.sizeBytes,
  sha256: r.sha256,
  publishedAt: iso(r.publishedAt),
  publishedByName: r.publishedByName,
  downloads: r.downloads,
  allowedActions: mayWithdraw(actor, r.publishedBy) ? ['withdraw'] : [],
});

/** One product in the library (not withdrawn), or undefined. */
async function findProduct(db: Executor, id: string): Promise<ProductRow | undefined> {
  const [row] = await db
    .select(productColumns)
    .from(kp)
    .innerJoin(schema.users, eq(schema.users.id, kp.publishedBy))
    .where(and(eq(kp.id, id), isNull(kp.withdrawnAt)));
  return row;
}

/** Letters and digits of any script: the only characters a search word keeps (linear time). */
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * The `to_tsquery` text for what a user typed: every word (letters and digits only, NFKC, at most
 * 20 words) as a prefix (`polarisat` finds `polarisatie`), all required. Operators and quotes are
 * dropped, so any input is a valid query. `undefined` when no word is left.
 */
export function searchPrefixes(typed: string): string | undefined {
  const words = (typed.normalize('NFKC').toLowerCase().match(WORD) ?? []).slice(0, 20);
  return words.length > 0 ? words.map((w) => `${w}:*`).join(' & ') : undefined;
}

/**
 * The library for any signed-in user: products not withdrawn, newest first, filtered by words in
 * title or summary (`q`: each word a prefix, all required, with Dutch stemming, see
 * `searchPrefixes`), expertise area, audience and format. Pages by number or cursor (decision 071).
 */
export async function listKnowledgeProducts(ctx: ServiceContext, q: KnowledgeListQuery): Promise<Page<KnowledgeProduct>> {
  const conditions: (SQL | undefined)[] = [isNull(kp.withdrawnAt)];
  const prefixes = searchPrefixes(q.q ?? '');
  if (prefixes) conditions.push(sql`${kp.search} @@ to_tsquery('dutch', ${prefixes})`);
  if (q.audience) conditions.push(arrayContains(kp.audiences, [q.audience]));
  if (q.format) conditions.push(eq(kp.format, q.format));
  if (q.expertiseAreaCode) {
    conditions.push(
      exists(
        ctx.db
          .select({ one: sql`1` })
          .from(kpx)
          .where(and(eq(kpx.productId, kp.id), eq(kpx.expertiseAreaCode, q.expertiseAreaCode))),
      ),
    );
  }
  const where = and(...conditions);
  return page(
    q,
    (w) =>
      ctx.db
        .select({ ...productColumns, cursor: seekCursor(KNOWLEDGE_SEEK) })
        .from(kp)
        .innerJoin(schema.users, eq(schema.users.id, kp.publishedBy))
        .where(and(where, w.after))
        .orderBy(...seekOrder(KNOWLEDGE_SEEK))
        .limit(w.limit)
        .offset(w.offset),
    (cap) => countUpTo(ctx.db, ctx.db.select({ one: sql`1` }).from(kp).where(where), cap),
    (r) => toProduct(ctx.actor, r),
    { seek: KNOWLEDGE_SEEK, cursorOf: (r) => r.cursor },
  );
}

/** One product of the library. @throws AppError 404 `not-found` when it does not exist or was withdrawn */
export async function getKnowledgeProduct(ctx: ServiceContext, id: string): Promise<KnowledgeProduct> {
  const row = await findProduct(ctx.db, id);
  if (!row) throw notFound('Dit kennisproduct');
  return toProduct(ctx.actor, row);
}

/**
 * Publishes a knowledge product (coordinator or specialist; the route checks the role): the file's
 * name is sanitised or refused (`knowledgeFileName` in shared), its format decided from its bytes,
 * its SHA-256 recorded; title and summary pass the personal-data guard. Audited as
 * `publish-knowledge-product`.
 * @throws AppError 400 `validation-failed` (`/file` empty or a refused name, `/expertiseAreaCodes` unknown or retired),
 *   413 `payload-too-large` over `MAX_KNOWLEDGE_FILE_BYTES`, 415 `unsupported-media-type`, 422 `personal-data-detected`
 */
export async function publishKnowledgeProduct(ctx: ServiceContext, fields: PublishKnowledgeFields, file: UploadedFile): Promise<KnowledgeProduct> {
  if (file.bytes.length === 0) throw invalidField('/file', 'het bestand is leeg');
  if (file.bytes.length > MAX_KNOWLEDGE_FILE_BYTES) throw tooLarge();
  const format = await formatOf(file.bytes);
  const named = knowledgeFileName(file.name, format);
  if ('problem' in named) throw invalidField('/file', named.problem);
  screenKnowledgeFile(format, file.bytes);
  // The file name is shown to everyone, like the title: the same guard (its pointer is the file's).
  assertNoPersonalDataInKnowledge({ title: fields.title, summary: fields.summary, file: named.name });
  const codes = [...new Set(fields.expertiseAreaCodes)];
  const audiences = [...new Set(fields.audiences)];
  return ctx.db.transaction(async (tx) => {
    const unknown = await unknownExpertiseAreas(tx, codes);
    if (unknown.length > 0) throw invalidField('/expertiseAreaCodes', `onbekend expertisegebied: ${unknown.join(', ')}`);
    const retired = await retiredExpertiseAreas(tx, codes);
    if (retired.length > 0) throw invalidField('/expertiseAreaCodes', `niet meer in gebruik: ${retired.join(', ')}`);
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    // The same file twice helps nobody; the unique index settles two uploads at once.
    const [same] = await tx
      .select({ title: kp.title })
      .from(kp)
      .where(and(eq(kp.sha256, sha256), isNull(kp.withdrawnAt)));
    if (same) throw duplicate(same.title);
    const [made] = await tx
      .insert(kp)
      .values({
        title: fields.title.trim(),
        summary: fields.summary.trim(),
        audiences,
        format,
        fileName: named.name,
        sizeBytes: file.bytes.length,
        sha256,
        publishedBy: ctx.actor.userId,
      })
      .returning({ id: kp.id })
      .catch((error: unknown) => {
        if (isUniqueViolation(error, 'knowledge_products_file_once')) throw duplicate(fields.title.trim());
        throw error;
      });
    if (!made) throw new Error('insert returned no row');
    if (codes.length > 0) await tx.insert(kpx).values(codes.map((expertiseAreaCode) => ({ productId: made.id, expertiseAreaCode })));
    // In parts, one statement each, yielding to the event loop between them: the embedded
    // database runs in this thread and settles its promises without a turn of the loop, so without
    // the yield the server would answer nothing until the whole file is written (decision 097).
    for (let part = 0; part * KNOWLEDGE_FILE_PART_BYTES < file.bytes.length; part++) {
      if (part > 0) await new Promise<void>((resolve) => setImmediate(resolve));
      const content = file.bytes.subarray(part * KNOWLEDGE_FILE_PART_BYTES, (part + 1) * KNOWLEDGE_FILE_PART_BYTES);
      await tx.insert(kf).values({ productId: made.id, part, content });
    }
    await audit(ctx, tx, {
      action: 'publish-knowledge-product',
      objectType: 'knowledge-product',
      objectId: made.id,
      result: 'success',
      details: { format, sizeBytes: file.bytes.length, sha256 },
    });
    const row = await findProduct(tx, made.id);
    if (!row) throw new Error('published product not found');
    return toProduct(ctx.actor, row);
  });
}

/** 409 for a file that is in the library already, named on `/file`. */
const duplicate = (title: string) =>
  new AppError('conflict', `Dit bestand staat al in de kennisbank, als "${title}".`, {
    errors: [{ in: 'body', pointer: '/file', message: `staat al in de kennisbank als "${title}"` }],
  });

/** 413 for a file over the limit, named on `/file`. */
export const tooLarge = () =>
  new AppError('payload-too-large', `Het bestand is groter dan ${MAX_KNOWLEDGE_FILE_BYTES / 1024 / 1024} MB.`, {
    errors: [{ in: 'body', pointer: '/file', message: `groter dan ${MAX_KNOWLEDGE_FILE_BYTES / 1024 / 1024} MB` }],
  });

/**
 * The file of a product for download; `count` (a GET, not a HEAD) counts the download (reach,
 * docs/design.md §10).
 * @throws AppError 404 `not-found` when it does not exist or was withdrawn
 */
export async function downloadKnowledgeProduct(ctx: ServiceContext, id: string, count: boolean): Promise<KnowledgeDownload> {
  return ctx.db.transaction(async (tx) => {
    const visible = and(eq(kp.id, id), isNull(kp.withdrawnAt));
    const columns = { fileName: kp.fileName, format: kp.format };
    const [row] = count
      ? await tx
          .update(kp)
          .set({ downloads: sql`${kp.downloads} + 1` })
          .where(visible)
          .returning(columns)
      : await tx.select(columns).from(kp).where(visible);
    const parts = row ? await tx.select({ content: kf.content }).from(kf).where(eq(kf.productId, id)).orderBy(kf.part) : [];
    if (!row || parts.length === 0) throw notFound('Dit kennisproduct');
    const bytes = parts.length === 1 ? (parts[0] as { content: Buffer }).content : Buffer.concat(parts.map((p) => p.content));
    return { fileName: row.fileName, format: row.format, mediaType: KNOWLEDGE_MEDIA_TYPES[row.format], bytes };
  });
}

/**
 * Withdraws a product from the library: its publisher or a coordinator. The file is deleted; the
 * record of its publication and downloads stays for reporting. Audited as `withdraw-knowledge-product`.
 * @throws AppError 404 `not-found`, 403 `forbidden`
 */
export async function withdrawKnowledgeProduct(ctx: ServiceContext, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ publishedBy: kp.publishedBy })
      .from(kp)
      .where(and(eq(kp.id, id), isNull(kp.withdrawnAt)))
      .for('update');
    if (!row) throw notFound('Dit kennisproduct');
    if (!mayWithdraw(ctx.actor, row.publishedBy)) throw forbidden('Alleen wie het publiceerde of een coördinator kan een kennisproduct terugtrekken.');
    await tx.update(kp).set({ withdrawnAt: ctx.now() }).where(eq(kp.id, id));
    await tx.delete(kf).where(eq(kf.productId, id));
    await audit(ctx, tx, { action: 'withdraw-knowledge-product', objectType: 'knowledge-product', objectId: id, result: 'success' });
  });
}
