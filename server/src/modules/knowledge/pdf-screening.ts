import { inflateSync } from 'node:zlib';

// What a PDF in the knowledge library may not do (decision 097): run code, reach out on its own,
// or carry files. Linear time on the whole file (no regular expression with a `#xx` replace over
// 20 MB: one pass over the bytes), and compressed object streams are inflated with a cap and read too.

/** Most bytes all object streams of one PDF may inflate to; past this the PDF cannot be inspected. */
export const MAX_PDF_INFLATED_BYTES = 64 * 1024 * 1024;

/**
 * Names that run code, launch programs, open other files or send data, carry files, or act on
 * their own (`/AA`: additional actions on open, close, page view, mouse-over). Matched after `#xx`
 * escapes are decoded, only as whole names.
 */
export const PDF_REFUSED_NAMES = [
  'JavaScript',
  'JS',
  'AA',
  'Launch',
  'GoToR',
  'GoToE',
  'SubmitForm',
  'ImportData',
  'RichMedia',
  'RichMediaExecute',
  'EmbeddedFile',
  'EmbeddedFiles',
  'XFA',
] as const;

/** Most `/OpenAction` entries a PDF may have (each incremental update may repeat the catalog). */
const MAX_OPEN_ACTIONS = 10;

/** Why a PDF was refused: `active` (names the reason) or `broken`. */
export class PdfRefused extends Error {
  constructor(
    readonly kind: 'active' | 'broken',
    message: string,
  ) {
    super(message);
  }
}

/** Value of each byte as a hex digit, 255 for bytes that are none. */
const HEX = new Uint8Array(256).fill(255);
for (let i = 0; i < 16; i++) {
  HEX['0123456789abcdef'.charCodeAt(i)] = i;
  HEX['0123456789ABCDEF'.charCodeAt(i)] = i;
}

/** `bytes` with every `#xx` (PDF name escape) decoded: one pass in linear time. */
export function decodeNameEscapes(bytes: Uint8Array): Buffer {
  const source = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (source.indexOf(0x23) < 0) return source;
  const out = Buffer.allocUnsafe(source.length);
  const length = source.length;
  let n = 0;
  for (let i = 0; i < length; i++) {
    const b = source[i] as number;
    if (b === 0x23 && i + 2 < length) {
      const hi = HEX[source[i + 1] as number] as number;
      const lo = HEX[source[i + 2] as number] as number;
      if (hi !== 255 && lo !== 255) {
        out[n++] = hi * 16 + lo;
        i += 2;
        continue;
      }
    }
    out[n++] = b;
  }
  return out.subarray(0, n);
}

/** Delimiters and white space, which end a PDF name (1), and every other byte (0). */
const ENDS_NAME = new Uint8Array(256);
for (const c of ' \t\r\n\f\0/<>[]()%{}') ENDS_NAME[c.charCodeAt(0)] = 1;
/** The names to look for, by length, as bytes: compared in place, nothing allocated per name. */
const REFUSED_BY_SIZE = new Map<number, Uint8Array[]>();
for (const name of [...PDF_REFUSED_NAMES, 'ObjStm', 'OpenAction']) {
  const list = REFUSED_BY_SIZE.get(name.length) ?? [];
  list.push(Buffer.from(name, 'latin1'));
  REFUSED_BY_SIZE.set(name.length, list);
}

/** The name of `size` bytes at `start` if it is one of ours, else undefined. */
function nameAt(bytes: Uint8Array, start: number, size: number): string | undefined {
  for (const candidate of REFUSED_BY_SIZE.get(size) ?? []) {
    let i = 0;
    while (i < size && bytes[start + i] === candidate[i]) i++;
    if (i === size) return Buffer.from(candidate).toString('latin1');
  }
  return undefined;
}
/** Longest name looked at; longer names are none of ours. */
const LONGEST = 16;

/** What one pass over a PDF's (decoded) bytes finds: a refused name, `/ObjStm` count, `/OpenAction` offsets. */
interface NameScan {
  refused?: string;
  objectStreams: number;
  openActions: number[];
}

/**
 * Reads every `/Name` in `bytes` (already `#xx`-decoded) once, in one loop: linear in the size,
 * whatever the content (20 MB of `/` included). Names are matched whole (`/JSON` is not `/JS`).
 */
function scanNames(bytes: Uint8Array): NameScan {
  const scan: NameScan = { objectStreams: 0, openActions: [] };
  const length = bytes.length;
  for (let i = 0; i < length; i++) {
    if (bytes[i] !== 0x2f) continue;
    let end = i + 1;
    while (end < length && end - i <= LONGEST + 1 && ENDS_NAME[bytes[end] as number] === 0) end++;
    const size = end - i - 1;
    const name = size >= 2 && size <= LONGEST ? nameAt(bytes, i + 1, size) : undefined;
    if (name !== undefined) {
      if (name !== 'ObjStm' && name !== 'OpenAction') return { ...scan, refused: name };
      if (name === 'ObjStm') scan.objectStreams++;
      else if (name === 'OpenAction' && scan.openActions.length <= MAX_OPEN_ACTIONS) scan.openActions.push(end);
    }
    i = end - 1;
  }
  return scan;
}

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;
const skipSpace = (text: string, at: number) => {
  let i = at;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
};

/** The dictionary starting at `at` (`<<`), up to its matching `>>`, at most 64 kB; undefined when it does not close. */
function dictionaryAt(text: string, at: number): string | undefined {
  let depth = 0;
  for (let i = at; i < text.length && i - at < 65_536; i++) {
    if (text.startsWith('<<', i)) {
      depth++;
      i++;
    } else if (text.startsWith('>>', i)) {
      depth--;
      i++;
      if (depth === 0) return text.slice(at, i + 1);
    }
  }
  return undefined;
}

/** True when `text` at `at` is a plain destination: an array, a name or string, or a `/GoTo` action without `/Next`. */
function plainDestination(text: string, at: number): boolean {
  const c = text[at];
  if (c === '[' || c === '/' || c === '(') return true;
  if (!text.startsWith('<<', at)) return false;
  const dict = dictionaryAt(text, at);
  if (!dict) return false;
  let kind: string | undefined;
  for (let s = dict.indexOf('/S'); s >= 0 && kind === undefined; s = dict.indexOf('/S', s + 1)) {
    if (ENDS_NAME[dict.charCodeAt(s + 2) & 0xff] === 1 || s + 2 >= dict.length) kind = /^\/S\s*\/([A-Za-z]+)/.exec(dict.slice(s, s + 40))?.[1] ?? '';
  }
  return kind === 'GoTo' && !dict.includes('/Next');
}

/** The decoded body of object `num gen`, looked up in the file's top-level objects and its object streams. */
function objectBody(top: string, streams: ObjectStream[], num: number, gen: number): { text: string; at: number } | undefined {
  const head = `${num} ${gen} obj`;
  for (let at = top.indexOf(head); at >= 0; at = top.indexOf(head, at + 1)) {
    const before = at > 0 ? top.charCodeAt(at - 1) : 0x20;
    if (before >= 0x30 && before <= 0x39) continue;
    return { text: top, at: skipSpace(top, at + head.length) };
  }
  for (const s of streams) {
    const offset = s.offsets.get(num);
    if (offset !== undefined) return { text: s.text, at: skipSpace(s.text, s.first + offset) };
  }
  return undefined;
}

interface ObjectStream {
  text: string;
  first: number;
  offsets: Map<number, number>;
}

/** The digits starting at `at` in `text` (up to 10), as `[value, end]`, or undefined. */
function digitsAt(text: string, at: number): [number, number] | undefined {
  let end = at;
  while (end < text.length && end - at < 10 && text.charCodeAt(end) >= 0x30 && text.charCodeAt(end) <= 0x39) end++;
  return end > at ? [Number(text.slice(at, end)), end] : undefined;
}

/** An integer after `/Key` in a dictionary, or undefined when absent or an indirect reference (`12 0 R`). */
function integerAfter(dict: string, key: string): number | undefined {
  const at = dict.indexOf(key);
  if (at < 0) return undefined;
  const value = digitsAt(dict, skipSpace(dict, at + key.length));
  if (!value) return undefined;
  const generation = digitsAt(dict, skipSpace(dict, value[1]));
  if (generation && dict[skipSpace(dict, generation[1])] === 'R') return undefined;
  return value[0];
}

/** The one filter's name in a stream dictionary (`/Filter /FlateDecode` or `/Filter [/FlateDecode]`), else undefined. */
function firstFilter(dict: string): string | undefined {
  const at = dict.indexOf('/Filter');
  if (at < 0) return undefined;
  let i = skipSpace(dict, at + '/Filter'.length);
  const array = dict[i] === '[';
  if (array) i = skipSpace(dict, i + 1);
  if (dict[i] !== '/') return undefined;
  let end = i + 1;
  while (end < dict.length && ENDS_NAME[dict.charCodeAt(end) & 0xff] === 0) end++;
  // A chain of filters (`[/FlateDecode /ASCII85Decode]`) is not inspected: none is returned.
  if (array && dict[skipSpace(dict, end)] !== ']') return undefined;
  return dict.slice(i + 1, end);
}

/**
 * The object streams (`/Type /ObjStm`) of a PDF, inflated with one budget for the file
 * (`MAX_PDF_INFLATED_BYTES`, output stops at the cap) and decoded like the file itself.
 * @throws PdfRefused `active` when one cannot be inspected (another filter, damaged, over the budget)
 */
function objectStreams(raw: Buffer, text: string): ObjectStream[] {
  const out: ObjectStream[] = [];
  let budget = MAX_PDF_INFLATED_BYTES;
  // Each stream's dictionary is looked for between the last `obj` keyword and the stream keyword,
  // never before the previous stream keyword: the regions do not overlap, so this stays linear. An
  // object stream hidden from this (a string holding `obj` in its dictionary) is caught by the count
  // of `/ObjStm` names in `screenPdf`.
  let lastObj = -1;
  let nextObj = text.indexOf('obj');
  let previous = 0;
  // Forward cursors to the next `ObjStm` and `#` (an escape could spell it): a region with neither
  // is passed over without decoding it.
  let nextMark = text.indexOf('ObjStm');
  let nextHash = text.indexOf('#');
  for (let at = text.indexOf('stream'); at >= 0; at = text.indexOf('stream', at + 6)) {
    while (nextObj >= 0 && nextObj < at) {
      lastObj = nextObj;
      nextObj = text.indexOf('obj', nextObj + 3);
    }
    const from = Math.max(lastObj, previous);
    previous = at + 6;
    if (text.startsWith('end', at - 3) || lastObj < 0 || at - from > 65_536) continue;
    while (nextMark >= 0 && nextMark < from) nextMark = text.indexOf('ObjStm', nextMark + 1);
    while (nextHash >= 0 && nextHash < from) nextHash = text.indexOf('#', nextHash + 1);
    if ((nextMark < 0 || nextMark >= at) && (nextHash < 0 || nextHash >= at)) continue;
    const dict = decodeNameEscapes(raw.subarray(from, at)).toString('latin1');
    if (!/\/Type\s*\/ObjStm(?![A-Za-z0-9])/.test(dict)) continue;
    let start = at + 6;
    if (text[start] === '\r') start++;
    if (text[start] === '\n') start++;
    const length = integerAfter(dict, '/Length');
    const end = length !== undefined && text.startsWith('endstream', skipSpace(text, start + length)) ? start + length : text.indexOf('endstream', start);
    if (end < 0) throw new PdfRefused('active', 'een objectstroom zonder einde');
    if (firstFilter(dict) !== 'FlateDecode' || dict.includes('/DecodeParms') || dict.includes('/Predictor')) {
      throw new PdfRefused('active', 'een objectstroom die niet te controleren is');
    }
    let inflated: Buffer;
    try {
      inflated = inflateSync(raw.subarray(start, end), { maxOutputLength: Math.max(1, budget) });
    } catch {
      throw new PdfRefused('active', 'een objectstroom die niet te controleren is (te groot of beschadigd)');
    }
    budget -= inflated.length;
    const decoded = decodeNameEscapes(inflated).toString('latin1');
    const first = integerAfter(dict, '/First') ?? 0;
    const count = integerAfter(dict, '/N') ?? 0;
    const numbers = decoded.slice(0, first).trim().split(/\s+/).map(Number);
    const offsets = new Map<number, number>();
    for (let i = 0; i + 1 < numbers.length && i / 2 < count; i += 2) offsets.set(numbers[i] as number, numbers[i + 1] as number);
    out.push({ text: decoded, first, offsets });
    at = end;
    previous = end;
  }
  return out;
}

/**
 * Refuses a PDF that runs code, reaches out on its own or carries files: any of
 * `PDF_REFUSED_NAMES` (as stored, `#xx`-decoded, or inside a compressed object stream), and an
 * `/OpenAction` other than a plain destination (an array, a name, or a `/GoTo` action). Hyperlinks
 * (`/Link` annotations with a `/URI` action) stay allowed: the reader asks before following them.
 * A PDF without its end marker (`%%EOF` in the last kB) is damaged. Linear in the file's size.
 * @throws PdfRefused
 */
export function screenPdf(raw: Buffer): void {
  const tail = raw.subarray(Math.max(0, raw.length - 1024)).toString('latin1');
  if (!tail.includes('%%EOF')) throw new PdfRefused('broken', 'het bestand is onvolledig');
  const decodedBytes = decodeNameEscapes(raw);
  const scan = scanNames(decodedBytes);
  if (scan.refused) throw new PdfRefused('active', `actieve PDF-inhoud (/${scan.refused})`);
  const text = raw.toString('latin1');
  const decoded = decodedBytes === raw ? text : decodedBytes.toString('latin1');
  const streams = objectStreams(raw, text);
  if (scan.objectStreams > streams.length) throw new PdfRefused('active', 'een objectstroom die niet te controleren is');
  const sources = [{ text: decoded, openActions: scan.openActions }];
  for (const s of streams) {
    const inStream = scanNames(Buffer.from(s.text, 'latin1'));
    if (inStream.refused) throw new PdfRefused('active', `actieve PDF-inhoud (/${inStream.refused}, in een objectstroom)`);
    sources.push({ text: s.text, openActions: inStream.openActions });
  }
  let openActions = 0;
  for (const source of sources) {
    for (const at of source.openActions) {
      if (++openActions > MAX_OPEN_ACTIONS) throw new PdfRefused('active', 'te veel acties bij openen (/OpenAction)');
      const value = skipSpace(source.text, at);
      const ref = /^(\d{1,10})\s+(\d{1,5})\s+R/.exec(source.text.slice(value, value + 24));
      const target = ref ? objectBody(decoded, streams, Number(ref[1]), Number(ref[2])) : { text: source.text, at: value };
      if (!target || !plainDestination(target.text, target.at))
        throw new PdfRefused('active', 'een actie bij openen (/OpenAction) anders dan naar een pagina gaan');
    }
  }
}
