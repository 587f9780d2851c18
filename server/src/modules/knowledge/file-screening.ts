import type { KnowledgeFormat } from '@duidingspool/shared';
import { strFromU8, unzipSync } from 'fflate';
import { AppError } from '../../errors.ts';

// What a knowledge product's file may not carry (docs/design.md §10, decision 089): it is handed to
// every user of the region, so nothing in it may run or reach out when it is opened. The format has
// already been read from the bytes; this looks inside.

/** Most bytes a zip-based document may unpack to: more is a zip bomb, not a factsheet. */
const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;
/** Relationship files larger than this are not read (they are a few kB in any real document). */
const MAX_RELS_BYTES = 1024 * 1024;

/** Entries of an Office Open XML package that hold code or embedded programs. */
const OOXML_ACTIVE = /(^|\/)(vbaProject\.bin|vbaData\.xml)$|(^|\/)(activeX|embeddings)\//i;
/** Entries of an OpenDocument file that hold macros or scripts. */
const ODF_ACTIVE = /^(Basic|Scripts)\//;
/**
 * The relationship elements of a `.rels` part, each `<Relationship …>` up to its `>`: found with
 * `indexOf`, not a regular expression, so a part of many unclosed tags costs linear time.
 */
function relationships(rels: string): string[] {
  const out: string[] = [];
  for (let at = rels.indexOf('<Relationship'); at >= 0; ) {
    const end = rels.indexOf('>', at);
    if (end < 0) break;
    out.push(rels.slice(at, end + 1));
    at = rels.indexOf('<Relationship', end);
  }
  return out;
}
/** PDF names that run code, launch programs, carry files or send data (after `#xx` escapes are decoded). */
const PDF_ACTIVE = /\/(JavaScript|JS|Launch|EmbeddedFiles?|RichMedia|XFA|SubmitForm|ImportData|GoToE)(?![A-Za-z0-9])/;
const PDF_NAME_ESCAPE = /#([0-9A-Fa-f]{2})/g;

const refuse = (what: string) =>
  new AppError('unsupported-media-type', `Dit bestand bevat ${what}; de kennisbank neemt alleen documenten zonder actieve inhoud aan.`, {
    errors: [{ in: 'body', pointer: '/file', message: `bevat ${what}` }],
  });
const broken = () =>
  new AppError('validation-failed', 'Ongeldige invoer: het bestand is onvolledig of beschadigd.', {
    errors: [{ in: 'body', pointer: '/file', message: 'het bestand is onvolledig of beschadigd' }],
  });

/** The entries of a zip: names and unpacked sizes from its central directory, `.rels` parts unpacked. */
function zipEntries(bytes: Buffer): { names: string[]; unpacked: number; rels: string[] } {
  const names: string[] = [];
  let unpacked = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      filter: (entry) => {
        names.push(entry.name);
        unpacked += entry.originalSize;
        return entry.name.endsWith('.rels') && entry.originalSize <= MAX_RELS_BYTES;
      },
    });
  } catch {
    throw broken();
  }
  return { names, unpacked, rels: Object.values(files).map((f) => strFromU8(f)) };
}

/**
 * Refuses a knowledge product's file that holds active content or is damaged:
 * - DOCX, PPTX: macros (`vbaProject.bin`), ActiveX controls, embedded objects, or a relationship to
 *   something outside the file other than a hyperlink (a remote template, a linked object);
 * - ODT: Basic macros or scripts;
 * - zip-based files that unpack to more than 200 MB, or cannot be read;
 * - PDF: JavaScript, launch actions, embedded files, rich media, XFA forms, form submission, or a
 *   file without its end marker (`%%EOF`, cut off). Names hidden in compressed object streams are
 *   not seen: the check reads the file as stored, which catches what PDF tools write in the open.
 * @throws AppError 415 `unsupported-media-type` (active content) or 400 `validation-failed` (damaged), both on `/file`
 */
export function screenKnowledgeFile(format: KnowledgeFormat, bytes: Buffer): void {
  if (format === 'pdf') {
    const tail = bytes.subarray(Math.max(0, bytes.length - 1024)).toString('latin1');
    if (!tail.includes('%%EOF')) throw broken();
    const text = bytes.toString('latin1').replace(PDF_NAME_ESCAPE, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
    const found = PDF_ACTIVE.exec(text);
    if (found) throw refuse(`actieve PDF-inhoud (/${found[1]})`);
    return;
  }
  const zip = zipEntries(bytes);
  if (zip.unpacked > MAX_UNPACKED_BYTES) throw refuse('meer dan 200 MB aan ingepakte inhoud');
  if (format === 'odt') {
    if (zip.names.some((n) => ODF_ACTIVE.test(n))) throw refuse("macro's of scripts");
    return;
  }
  if (zip.names.some((n) => OOXML_ACTIVE.test(n))) throw refuse("macro's, ActiveX-elementen of ingesloten objecten");
  for (const rels of zip.rels) {
    for (const relationship of relationships(rels)) {
      if (/TargetMode\s*=\s*["']External["']/.test(relationship) && !/Type\s*=\s*["'][^"']*\/hyperlink["']/.test(relationship)) {
        throw refuse('een verwijzing naar iets buiten het bestand (zoals een sjabloon op internet)');
      }
    }
  }
}
