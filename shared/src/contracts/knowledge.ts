import { z } from 'zod';
import { hasRefusedCharacters, IdSchema, InstantSchema, PageQuerySchema, requiredMultiLineText, requiredSingleLineText, singleLineText } from './common.ts';

/**
 * The file formats of a knowledge product (docs/design.md §10): PDF, Word (DOCX), OpenDocument text
 * (ODT) and PowerPoint (PPTX). The server decides the format from the file's bytes, never from its
 * name or the browser's content type, and serves it with the media type below.
 */
export const KNOWLEDGE_FORMATS = ['pdf', 'docx', 'odt', 'pptx'] as const;
export const KnowledgeFormatSchema = z.enum(KNOWLEDGE_FORMATS);
export type KnowledgeFormat = z.infer<typeof KnowledgeFormatSchema>;

/** The media type each format is served with (always as an attachment). */
export const KNOWLEDGE_MEDIA_TYPES: Record<KnowledgeFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

/** The roles that publish knowledge products (every signed-in user reads them). */
export const KNOWLEDGE_PUBLISHER_ROLES = ['coordinator', 'specialist'] as const;

/** Largest file of a knowledge product: 20 MiB (a larger upload answers 413 `payload-too-large`). */
export const MAX_KNOWLEDGE_FILE_BYTES = 20 * 1024 * 1024;
/** Longest file name kept, in characters. */
export const MAX_KNOWLEDGE_FILE_NAME = 120;
/**
 * Most bytes of one stored part of a knowledge file (1 MiB): a file is written as parts of this
 * size, one statement each, so the embedded database never holds the server for a whole 20 MB
 * write (decision 097).
 */
export const KNOWLEDGE_FILE_PART_BYTES = 1024 * 1024;
export const MAX_KNOWLEDGE_TITLE = 200;
export const MAX_KNOWLEDGE_SUMMARY = 2000;

/**
 * Who a knowledge product is written for. The same categories count the people a training or
 * information session reaches.
 */
export const AUDIENCES = [
  'municipal-officials',
  'case-table-members',
  'education',
  'youth-work',
  'police',
  'welfare',
  'self-organisations',
  'key-figures',
] as const;
export const AudienceSchema = z.enum(AUDIENCES);
export type Audience = z.infer<typeof AudienceSchema>;

/**
 * What `actions` on a knowledge product may hold: `withdraw` (its publisher or a coordinator takes it
 * out of the library; the file is deleted, the record of its publication and downloads is kept).
 */
export const KNOWLEDGE_ACTIONS = ['withdraw'] as const;

/** A knowledge product as the library lists it (without the file's bytes). */
export const KnowledgeProductSchema = z
  .object({
    id: IdSchema,
    title: z.string(),
    summary: z.string(),
    audiences: z.array(AudienceSchema),
    expertiseAreaCodes: z.array(z.string()),
    format: KnowledgeFormatSchema,
    fileName: z.string(),
    /** Size of the file in bytes. */
    sizeBytes: z.number().int(),
    /** SHA-256 of the file, hex: who downloads can check they have the published file. */
    sha256: z.string(),
    publishedAt: InstantSchema,
    publishedByName: z.string(),
    /** Downloads so far (reach). */
    downloads: z.number().int(),
    /** What the signed-in user may do with it now (the UI offers only these). */
    allowedActions: z.array(z.enum(KNOWLEDGE_ACTIONS)),
  })
  .meta({ id: 'KnowledgeProduct' });
export type KnowledgeProduct = z.infer<typeof KnowledgeProductSchema>;

/** The library's search: words in title or summary (Dutch stemming), and filters. */
export const KnowledgeListQuerySchema = PageQuerySchema.extend({
  q: singleLineText(200).optional(),
  expertiseAreaCode: z.string().max(64).optional(),
  audience: AudienceSchema.optional(),
  format: KnowledgeFormatSchema.optional(),
});
export type KnowledgeListQuery = z.infer<typeof KnowledgeListQuerySchema>;

/**
 * The text fields of a new knowledge product, sent as the fields of a `multipart/form-data` upload
 * beside the one `file` part. `audiences` and `expertiseAreaCodes` are repeated fields.
 */
export const PublishKnowledgeFieldsSchema = z.strictObject({
  title: requiredSingleLineText(MAX_KNOWLEDGE_TITLE),
  summary: requiredMultiLineText(MAX_KNOWLEDGE_SUMMARY),
  audiences: z.array(AudienceSchema).min(1, 'kies minstens één doelgroep').max(AUDIENCES.length),
  expertiseAreaCodes: z.array(z.string().max(64)).max(30).default([]),
});
export type PublishKnowledgeFields = z.infer<typeof PublishKnowledgeFieldsSchema>;

const PATH = /[\\/]|\.\./;
const UNSAFE_ON_DISKS = /[<>:"|?*]/g;
/** Names Windows reserves for devices, whatever the extension (`CON.pdf` cannot be saved there). */
const DEVICE_NAMES = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/** The longest start of `text` of at most `units` UTF-16 code units that ends between two graphemes. */
function cutAtGrapheme(text: string, units: number): string {
  if (text.length <= units) return text;
  let end = 0;
  for (const { index, segment } of new Intl.Segmenter('nl', { granularity: 'grapheme' }).segment(text)) {
    if (index + segment.length > units) break;
    end = index + segment.length;
  }
  return text.slice(0, end);
}

/**
 * The file name a knowledge product is stored and served under, from the name the browser sent and
 * the format read from the file's bytes:
 * - refused (`{ problem }`, Dutch, for the field `/file`) when it holds a path (`/`, `\`, `..`) or
 *   any character free text on one line refuses (controls, bidirectional overrides such as
 *   U+202E, zero-width and other invisible characters: `hasRefusedCharacters`), so a name can never
 *   show as something it is not;
 * - otherwise NFKC (full-width letters become ordinary ones), trimmed, runs of white space as one
 *   space, `<>:"|?*` as `_`, trailing dots and spaces dropped, a Windows device name prefixed
 *   with `_`, and the extension made the format's own: a last extension that is not the format's
 *   is dropped and `.pdf`, `.docx`, `.odt` or `.pptx` put in its place (a name ending in `.html` read as a PDF is
 *   served ending in `.pdf`, so the saved file opens as what it is); an empty base becomes `bestand`.
 * At most `MAX_KNOWLEDGE_FILE_NAME` UTF-16 code units, the extension kept; a longer base is cut
 * between whole graphemes (`Intl.Segmenter`), so an emoji or a letter with its accents is kept
 * whole or dropped whole, never left as half a character. Every expression runs in linear time.
 */
export function knowledgeFileName(sent: string, format: KnowledgeFormat): { name: string } | { problem: string } {
  if (hasRefusedCharacters(sent, 'single')) return { problem: 'de bestandsnaam bevat onzichtbare tekens of stuurtekens' };
  if (PATH.test(sent)) return { problem: 'de bestandsnaam mag geen map of pad bevatten (/, \\ of ..)' };
  let base = sent.normalize('NFKC').trim().split(/\s+/).join(' ').replace(UNSAFE_ON_DISKS, '_');
  const trimEnd = (text: string) => {
    let end = text.length;
    while (end > 0 && (text[end - 1] === '.' || text[end - 1] === ' ')) end--;
    return text.slice(0, end);
  };
  base = trimEnd(base);
  const dot = base.lastIndexOf('.');
  if (dot >= 0) base = trimEnd(base.slice(0, dot));
  if (DEVICE_NAMES.test(base.split('.')[0] ?? '')) base = `_${base}`;
  if (base === '') base = 'bestand';
  const extension = `.${format}`;
  return { name: `${cutAtGrapheme(base, MAX_KNOWLEDGE_FILE_NAME - extension.length).trimEnd()}${extension}` };
}
