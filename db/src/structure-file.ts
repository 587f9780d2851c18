import { join } from 'node:path';
import { CBS_CODE_PATTERN, FUNDING_SOURCES, hasRefusedCharacters, REFERENCE_CODE_PATTERN, REFERENCE_NAME_MAX } from '@duidingspool/shared';
import { type ParseError, parse as parseJson, printParseErrorCode } from 'jsonc-parser';
import { z } from 'zod';
import { REPOSITORY_ROOT } from './paths.ts';

// The structure file: a region's public reference data (safety regions, safety houses,
// municipalities, casustafels, expertise areas, activities, budgets) as one JSON document, loaded by
// `pnpm admin import-structure` and by the demo seed alike. The format is documented in
// docs/structure-file.md and, generated from the schema below, docs/structure-file.schema.json.

/** The shipped Oost-Nederland structure, the default of `pnpm admin import-structure`. */
export const DEFAULT_STRUCTURE_FILE = join(REPOSITORY_ROOT, 'db', 'seed', 'oost-nederland.json');

const ENGLISH = z.locales.en();

/** Largest structure file read, in bytes (the Oost-Nederland file is about 13 kB). */
export const MAX_STRUCTURE_FILE_BYTES = 1_000_000;

/** A stable code: letters, digits and dashes, starting with a letter or digit, at most 40 characters (the admin's rule too, from shared/). */
const Code = z.string().regex(REFERENCE_CODE_PATTERN, 'a code is letters, digits and dashes (at most 40)');
/** A CBS gemeentecode such as `GM0202`. */
const CbsCode = z.string().regex(CBS_CODE_PATTERN, 'a CBS municipality code is GM followed by four digits, e.g. GM0202');
/** A name shown in the app: NFC, trimmed, 1–200 characters, none of the characters one-line free text refuses (decision 040). */
const Name = z
  .string()
  .normalize('NFC')
  .trim()
  .min(1)
  .max(REFERENCE_NAME_MAX)
  .refine((s) => !hasRefusedCharacters(s, 'single'), 'contains invisible characters, control characters or a line break');

const Labelled = z.strictObject({
  code: Code,
  nl: Name.describe('Dutch name, shown in the app'),
  en: Name.describe('English name'),
});

/** The zod schema of a structure file (docs/structure-file.md). References between parts are by code. */
export const StructureFileSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Path or URL of the JSON Schema, for editors; ignored by the import'),
    about: z.string().max(2000).optional().describe('Free text: where the data comes from; ignored by the import'),
    pool: z
      .strictObject({
        name: Name,
        hostMunicipality: Name,
        referencePrefix: z.string().regex(/^[A-Z]{1,4}$/),
      })
      .optional()
      .describe('The pool this structure belongs to; informational, ignored by the import'),
    budgets: z
      .array(
        z
          .strictObject({
            year: z.int().min(2000).max(2100),
            allocatedCents: z.int().min(0).max(100_000_000_000).describe('Yearly budget in euro cents'),
            currency: z.literal('EUR'),
            fundingSource: Name,
            note: z.string().max(2000).optional(),
            lines: z
              .array(
                z.strictObject({
                  code: z
                    .string()
                    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
                    .max(40),
                  name: Name,
                  fundingSource: z.enum(FUNDING_SOURCES).describe('national-nctv, municipal or other'),
                  allocatedCents: z.int().min(0).max(100_000_000_000).describe('The line in euro cents'),
                  note: z.string().max(2000).optional(),
                }),
              )
              .min(1)
              .optional()
              .describe(
                'Budget lines; the first is the default an assignment charges; together at most allocatedCents. Without lines: one default line with the whole allocation',
              ),
          })
          .refine((b) => (b.lines ?? []).reduce((s, l) => s + l.allocatedCents, 0) <= b.allocatedCents, {
            message: 'the lines together exceed allocatedCents',
            path: ['lines'],
          }),
      )
      .describe('Yearly budgets; a year already in the database is left as it is'),
    expertiseAreas: z.array(Labelled).min(1).describe('Expertise areas a request asks for and a specialist offers'),
    activities: z.array(Labelled).min(1).describe('Activities hours are logged on'),
    safetyRegions: z
      .array(z.strictObject({ code: Code, name: Name, seat: Name.describe('City where the region sits') }))
      .min(1)
      .describe('Veiligheidsregio’s'),
    safetyHouses: z
      .array(
        z.strictObject({
          code: Code,
          name: Name,
          city: Name,
          region: Code.describe('Code of its safety region'),
          municipalities: z.array(CbsCode).describe('CBS codes of the municipalities it serves; each municipality in exactly one safety house'),
        }),
      )
      .min(1)
      .describe('Zorg- en Veiligheidshuizen'),
    municipalities: z
      .array(z.strictObject({ cbsCode: CbsCode, name: Name }))
      .min(1)
      .describe('Municipalities, by CBS gemeentecode'),
    caseTables: z
      .array(
        z.strictObject({
          code: Code,
          name: Name,
          safetyHouse: Code.describe('Code of the safety house that hosts it'),
          municipalities: z.array(CbsCode).min(1).describe('CBS codes of the municipalities it serves'),
        }),
      )
      .min(1)
      .describe('Casustafels'),
  })
  .describe('A region’s structure for the Duidingspool: loaded with `pnpm admin import-structure FILE`');

/** A valid structure file (after `readStructureFile`: codes unique, every reference known). */
export type StructureFile = z.infer<typeof StructureFileSchema>;

/** One problem in a structure file: an RFC 6901 JSON pointer (`""` is the whole file) and what is wrong. */
export interface StructureProblem {
  pointer: string;
  message: string;
}

/**
 * What an import did to one part of the structure, by code: rows `added`, rows whose fields
 * `changed`, and rows in the database that the file does not name (`absent`; never deleted).
 */
export interface StructurePartChanges {
  added: string[];
  changed: string[];
  absent: string[];
}

/** The result of reading a structure file: the file, or every problem found. */
export type StructureFileResult = { ok: true; file: StructureFile } | { ok: false; problems: StructureProblem[] };

const escapePointer = (segment: PropertyKey) => String(segment).replaceAll('~', '~0').replaceAll('/', '~1');
/** The JSON pointer of a path (`['municipalities', 12, 'cbsCode']` → `/municipalities/12/cbsCode`). */
export const jsonPointer = (path: readonly PropertyKey[]) => path.map((s) => `/${escapePointer(s)}`).join('');

/** The problem of a file of `size` bytes when it exceeds `MAX_STRUCTURE_FILE_BYTES`, else null (check it before reading a file). */
export function structureFileTooLarge(size: number): StructureProblem | null {
  if (size <= MAX_STRUCTURE_FILE_BYTES) return null;
  return {
    pointer: '',
    message: `the file is ${size.toLocaleString('en')} bytes; a structure file is at most ${MAX_STRUCTURE_FILE_BYTES.toLocaleString('en')} bytes, so it was not read`,
  };
}

/** How deep arrays and objects may nest in a structure file; the format itself needs four levels. */
export const MAX_STRUCTURE_NESTING = 32;

/**
 * The problem of JSON text that nests arrays or objects deeper than `MAX_STRUCTURE_NESTING`, with
 * where it first does, else null. One pass over the text, outside strings; checked before any
 * parser, whose recursion such a file could exhaust.
 */
function nestingProblem(text: string): StructureProblem | null {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_STRUCTURE_NESTING) {
        const { line, column } = lineAndColumn(text, i);
        return { pointer: '', message: `nested deeper than ${MAX_STRUCTURE_NESTING} levels at line ${line}, column ${column}; a structure file needs four` };
      }
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return null;
}

/** 1-based line and column of character `position` in `text`. */
function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  return { line, column: position - before.lastIndexOf('\n') };
}

/**
 * Reads a structure file from its bytes: size cap (`MAX_STRUCTURE_FILE_BYTES`), strict UTF-8, JSON
 * (a syntax error with its line and column), the zod schema (every issue with its pointer), then the
 * rules between parts: codes and names unique per part, every reference known, each municipality in
 * exactly one safety house. Pure: touches no database.
 */
export function readStructureFile(bytes: Uint8Array): StructureFileResult {
  const fail = (message: string, pointer = ''): StructureFileResult => ({ ok: false, problems: [{ pointer, message }] });
  const tooLarge = structureFileTooLarge(bytes.byteLength);
  if (tooLarge) return { ok: false, problems: [tooLarge] };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail(`the file is not valid UTF-8 (first invalid byte at offset ${firstInvalidUtf8Byte(bytes)}); save it as UTF-8`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const deep = nestingProblem(text);
  if (deep) return { ok: false, problems: [deep] };
  const syntax = jsonSyntaxProblems(text);
  if (syntax.length > 0) return { ok: false, problems: syntax };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fail(`not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  // The import's messages are English, also where the app set zod's Dutch locale (shared/src/zod-locale.ts).
  const parsed = StructureFileSchema.safeParse(data, { error: ENGLISH.localeError });
  // The rules between parts run on the raw data too, so one list holds every problem of the file.
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((i) => ({ pointer: jsonPointer(i.path), message: i.message }))),
    ...crossReferenceProblems(data),
  ];
  return parsed.success && problems.length === 0 ? { ok: true, file: parsed.data } : { ok: false, problems };
}

/** At most this many JSON syntax errors are listed (garbage has one per token); the rest are counted. */
const MAX_SYNTAX_PROBLEMS = 20;

/** Every JSON syntax error in `text` with its line and column (jsonc-parser, comments and trailing commas refused). */
function jsonSyntaxProblems(text: string): StructureProblem[] {
  const errors: ParseError[] = [];
  parseJson(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  // The parser may report two errors at one place (a trailing comma: a property name, then a value, expected); the first says it.
  const firsts = errors.filter((e, i) => i === 0 || errors[i - 1]?.offset !== e.offset);
  const problems = firsts.slice(0, MAX_SYNTAX_PROBLEMS).map((e) => {
    const { line, column } = lineAndColumn(text, e.offset);
    const what = printParseErrorCode(e.error)
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase();
    return { pointer: '', message: `not valid JSON at line ${line}, column ${column}: ${what}` };
  });
  if (firsts.length > MAX_SYNTAX_PROBLEMS) problems.push({ pointer: '', message: `and ${firsts.length - MAX_SYNTAX_PROBLEMS} more JSON syntax errors` });
  return problems;
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence (for the message). */
function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let low = 0;
  let high = bytes.byteLength;
  // The longest valid prefix, by bisection; a prefix that ends inside a sequence is invalid too, so
  // the answer can be up to 3 bytes early, which is close enough to find the byte in an editor.
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    try {
      decoder.decode(bytes.subarray(0, mid));
      low = mid;
    } catch {
      high = mid - 1;
    }
  }
  return low;
}

type Loose = Record<string, unknown>;
/** The objects of an array (anything else as an empty object, so indices stay those of the file); not an array: none. */
const objects = (v: unknown): Loose[] => (Array.isArray(v) ? v.map((x) => (x !== null && typeof x === 'object' && !Array.isArray(x) ? (x as Loose) : {})) : []);
/** A code, name or year as the rules compare it (trimmed, as the schema stores it); anything else: undefined, skipped. */
const key = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : undefined);
const keys = (v: unknown) => (Array.isArray(v) ? v.map(key) : []);

/**
 * The rules between the parts, each broken one with the pointer of the offending value. Reads the
 * raw data leniently (a value of the wrong type is skipped: the schema reports it), so a file with
 * schema issues still gets these problems in the same list.
 */
function crossReferenceProblems(data: unknown): StructureProblem[] {
  const raw = (data !== null && typeof data === 'object' && !Array.isArray(data) ? data : {}) as Loose;
  const problems: StructureProblem[] = [];
  const add = (path: PropertyKey[], message: string) => problems.push({ pointer: jsonPointer(path), message });
  const part = (name: string) => objects(raw[name]);
  // Names are compared without regard to letter case: two names a reader cannot tell apart in a list are one.
  const unique = (name: string, field: string, what: string, fold = what === 'name') => {
    const seen = new Map<string, number>();
    part(name).forEach((item, i) => {
      const raw = key(item[field]);
      const value = raw !== undefined && fold ? raw.toLocaleLowerCase('nl') : raw;
      if (value === undefined) return;
      const first = seen.get(value);
      if (first === undefined) seen.set(value, i);
      else add([name, i, field], `duplicate ${what} ${raw} (also at ${jsonPointer([name, first, field])})`);
    });
    return new Set(seen.keys());
  };
  unique('budgets', 'year', 'year');
  unique('expertiseAreas', 'code', 'code');
  unique('expertiseAreas', 'nl', 'name');
  unique('expertiseAreas', 'en', 'name');
  unique('activities', 'code', 'code');
  unique('activities', 'nl', 'name');
  unique('activities', 'en', 'name');
  const regions = unique('safetyRegions', 'code', 'code');
  unique('safetyRegions', 'name', 'name');
  const houses = unique('safetyHouses', 'code', 'code');
  unique('safetyHouses', 'name', 'name');
  const municipalities = unique('municipalities', 'cbsCode', 'code');
  unique('municipalities', 'name', 'name');
  unique('caseTables', 'code', 'code');
  unique('caseTables', 'name', 'name');

  const houseOf = new Map<string, string>();
  part('safetyHouses').forEach((h, i) => {
    const code = key(h.code) ?? `#${i}`;
    const region = key(h.region);
    if (region !== undefined && !regions.has(region)) add(['safetyHouses', i, 'region'], `unknown safety region ${region}`);
    keys(h.municipalities).forEach((m, j) => {
      if (m === undefined) return;
      const path = ['safetyHouses', i, 'municipalities', j];
      if (!municipalities.has(m)) add(path, `unknown municipality ${m}`);
      const other = houseOf.get(m);
      if (other === code) add(path, `municipality ${m} is listed twice in safety house ${code}`);
      else if (other !== undefined) add(path, `municipality ${m} is in two safety houses: ${other} and ${code}`);
      else houseOf.set(m, code);
    });
  });
  part('municipalities').forEach((m, i) => {
    const code = key(m.cbsCode);
    if (code !== undefined && !houseOf.has(code)) add(['municipalities', i, 'cbsCode'], `municipality ${code} (${key(m.name) ?? '?'}) is in no safety house`);
  });
  part('caseTables').forEach((c, i) => {
    const house = key(c.safetyHouse);
    if (house !== undefined && !houses.has(house)) add(['caseTables', i, 'safetyHouse'], `unknown safety house ${house}`);
    const served = new Set<string>();
    keys(c.municipalities).forEach((m, j) => {
      if (m === undefined) return;
      const path = ['caseTables', i, 'municipalities', j];
      if (!municipalities.has(m)) add(path, `unknown municipality ${m}`);
      if (served.has(m)) add(path, `municipality ${m} is listed twice`);
      served.add(m);
    });
  });
  return problems;
}

/**
 * The JSON Schema (draft 2020-12) of the structure file, generated from `StructureFileSchema`, as
 * committed in docs/structure-file.schema.json (`pnpm docs:structure-schema` writes it; a test
 * holds the two equal). It describes the shape only; the rules between parts (unique codes, known
 * references, one safety house per municipality) are in docs/structure-file.md.
 */
export function structureFileJsonSchema(): string {
  const generated = z.toJSONSchema(StructureFileSchema, { target: 'draft-2020-12' });
  return `${JSON.stringify({ ...generated, $id: 'https://duidingspool.example/structure-file.schema.json', title: 'Duidingspool structure file' }, null, 2)}\n`;
}
