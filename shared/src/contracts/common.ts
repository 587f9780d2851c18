import { z } from 'zod';
import { isIsoDate } from '../dates.ts';

/** Object ids are UUIDs. */
export const IdSchema = z.uuid();
export const IdParamsSchema = z.strictObject({ id: IdSchema });

/** A calendar date `YYYY-MM-DD` that exists (rejects `2019-02-30`), in the years 1900–2999 the product handles. */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'verwacht een datum als JJJJ-MM-DD', abort: true })
  .refine(
    (v) => {
      const year = Number(v.slice(0, 4));
      return year >= 1900 && year <= 2999;
    },
    { message: 'ligt buiten de jaren 1900–2999', abort: true },
  )
  .refine(isIsoDate, 'deze datum bestaat niet')
  .meta({ format: 'date' });

/** An instant as an ISO 8601 string in UTC. */
export const InstantSchema = z.iso.datetime({ offset: true });

/**
 * The stable `code` of the field error for text holding an invisible, direction-changing or
 * control character; the UI translates it (`fieldErrors.invisible-characters`).
 */
export const INVISIBLE_CHARACTERS_CODE = 'invisible-characters';

// One character class each, with the `u` flag: a test runs in linear time.
/**
 * Refused on one line: Unicode controls (Cc, tab and line breaks included), format characters (Cf:
 * bidirectional controls, zero-width characters, soft hyphen…), every other default-ignorable code
 * point (Unicode's list of characters a renderer shows as nothing: Hangul fillers U+115F, U+1160,
 * U+3164, U+FFA0, the combining grapheme joiner U+034F, Khmer vowels U+17B4/U+17B5, variation
 * selectors…), the blank Braille pattern U+2800 (shown as a blank), and the line and paragraph
 * separators.
 */
const REFUSED_ON_ONE_LINE = /[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\u2800\u2028\u2029]/u;
/** Refused in text of several lines: the same, except tab, line feed and carriage return. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
const REFUSED_ON_SEVERAL_LINES = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\p{Cf}\p{Default_Ignorable_Code_Point}\u2800\u2028\u2029]/u;

/**
 * Which text fields are free text, and of which kind: every schema made by `singleLineText` and
 * `multiLineText` is registered here, so tests can find every free-text field of every contract.
 */
export const freeTextFields = z.registry<{ lines: 'single' | 'multi' }>();

/**
 * True when `text` holds a character that free text of that kind refuses (see `singleLineText` and
 * `multiLineText`): for checks of text that does not come through a contract, such as the names in
 * a structure file (db/src/structure-file.ts).
 */
export const hasRefusedCharacters = (text: string, lines: 'single' | 'multi'): boolean =>
  (lines === 'single' ? REFUSED_ON_ONE_LINE : REFUSED_ON_SEVERAL_LINES).test(text);

const freeText = (max: number, lines: 'single' | 'multi') => {
  const schema = z
    .string()
    .normalize('NFC')
    .max(max, `maximaal ${max} tekens`)
    .refine((s) => !hasRefusedCharacters(s, lines), {
      message: lines === 'single' ? 'bevat onzichtbare tekens, stuurtekens of een regeleinde' : 'bevat onzichtbare tekens of stuurtekens',
      params: { code: INVISIBLE_CHARACTERS_CODE },
    });
  freeTextFields.add(schema, { lines });
  return schema;
};

/**
 * Free text on one line (names, references, titles): NFC-normalised (`e` + combining acute is
 * stored as `é`), at most `max` characters (UTF-16 units) after normalising, and refused (field
 * error with code `invisible-characters`) when it holds a control character (Unicode category Cc,
 * tab and line breaks included), a format character (Cf: bidirectional controls such as U+202E,
 * zero-width characters, soft hyphen), any other default-ignorable code point (Hangul fillers,
 * variation selectors…), the blank Braille pattern U+2800 or U+2028/U+2029: characters that hide or
 * reorder what is shown (`VB-\u202E7102-LEN\u202C` shows as `VB-NEL-2017`).
 */
export const singleLineText = (max: number) => freeText(max, 'single');

/** Free text of several lines: as `singleLineText`, but tab, line feed and carriage return are kept. */
export const multiLineText = (max: number) => freeText(max, 'multi');

const nonEmpty = (s: string) => s.trim().length > 0;

/** Non-empty (after trimming) `singleLineText`. */
export const requiredSingleLineText = (max: number) => singleLineText(max).refine(nonEmpty, 'is verplicht');

/** Non-empty (after trimming) `multiLineText`. */
export const requiredMultiLineText = (max: number) => multiLineText(max).refine(nonEmpty, 'is verplicht');

/**
 * A whole number written in decimal digits in a URL (query or path), between `min` and `max`, in
 * its one canonical form: `0x10`, `1e3`, ` 16`, `16.0` or `016` are refused rather than read as
 * some other (or the same) number, so one resource has one address (`/budgets/02019` is no year).
 */
export const decimalInteger = (min: number, max: number) =>
  z
    .string()
    .regex(/^(?:0|[1-9][0-9]{0,8})$/, 'verwacht een geheel getal in cijfers, zonder voorloopnullen')
    .transform(Number)
    .pipe(
      z.number().int().min(min, `verwacht een geheel getal van ${min} tot en met ${max}`).max(max, `verwacht een geheel getal van ${min} tot en met ${max}`),
    );

/**
 * The most rows a list counts for its `total` (decision 071): past it the answer is "more than
 * 1,000" (`totalIsLowerBound`), so counting never reads a whole table.
 */
export const LIST_TOTAL_CAP = 1000;

/**
 * `page` (from 1) and `pageSize` (1–100, default 20) query parameters, and `after`: the opaque
 * cursor a previous page answered as `nextCursor`, for deep paging (then `page` skips nothing).
 */
export const PageQuerySchema = z.strictObject({
  page: decimalInteger(1, 100000).default(1),
  pageSize: decimalInteger(1, 100).default(20),
  after: z
    .string()
    .max(2000)
    .regex(/^[A-Za-z0-9_-]+$/, 'verwacht een cursor van een vorige pagina')
    .optional(),
});

/**
 * A page of a list: `{items, page, pageSize, total}` (docs/design.md §7). `total` counts at most
 * `LIST_TOTAL_CAP` rows: `totalIsLowerBound: true` says more than `total` match. `nextCursor`, on
 * lists that page by cursor, is the `after` of the next page while more rows follow.
 */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
    totalIsLowerBound: z.boolean().optional(),
    nextCursor: z.string().optional(),
  });

/** Integer euro cents (docs/design.md §5). */
export const CentsSchema = z.number().int();
/** Integer minutes. */
export const MinutesSchema = z.number().int();

/** `field` without its `.optional()`, `.nullable()` and `.default()` wrappers. */
function unwrapped(field: z.ZodType): z.ZodType {
  let inner = field;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodNullable || inner instanceof z.ZodDefault) inner = inner.unwrap() as z.ZodType;
  return inner;
}

/**
 * The most characters a text field of a contract takes (its `max`), through `.optional()` and
 * `.nullable()`: forms take their limits from the contract, so the server's rule is the only one.
 * Example: `maxLengthOf(CreateInterpretationRequestBodySchema.shape.caseReference)` → 64.
 *
 * @throws Error when `field` is not a string schema with a maximum length (a programming error)
 */
export function maxLengthOf(field: z.ZodType): number {
  const inner = unwrapped(field);
  if (inner instanceof z.ZodString && inner.maxLength !== null) return inner.maxLength;
  throw new Error('maxLengthOf: not a text field with a maximum length');
}

/**
 * The smallest and largest value a number field of a contract takes (its `min` and `max`), e.g.
 * `rangeOf(LogTimeBodySchema.shape.minutes)` → `{ min: 1, max: 1440 }`.
 *
 * @throws Error when `field` is not a number schema with both bounds (a programming error)
 */
export function rangeOf(field: z.ZodType): { min: number; max: number } {
  const inner = unwrapped(field);
  if (inner instanceof z.ZodNumber && Number.isFinite(inner.minValue) && Number.isFinite(inner.maxValue)) {
    return { min: inner.minValue as number, max: inner.maxValue as number };
  }
  throw new Error('rangeOf: not a number field with a minimum and a maximum');
}
