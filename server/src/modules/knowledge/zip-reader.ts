import { inflateRawSync } from 'node:zlib';

// A zip reader for hostile uploads (decision 097): nothing a zip declares is trusted. The central
// directory is read by hand, every entry is inflated with a hard cap on its output (its declared
// size, so a lie is caught at the first byte past it), and the whole file has caps on entries,
// unpacked bytes and compression ratio. Synchronous and bounded: the worst case is
// `MAX_ZIP_UNPACKED_BYTES` of inflation, a fraction of a second.

/** Most entries a document may have: real DOCX/PPTX/ODT files have tens to a few hundred. */
export const MAX_ZIP_ENTRIES = 5_000;
/** Most bytes all entries together may unpack to (a 20 MB document that unpacks past this is a bomb). */
export const MAX_ZIP_UNPACKED_BYTES = 100 * 1024 * 1024;
/** Most an entry may unpack to per compressed byte, above `RATIO_FLOOR_BYTES` (XML compresses 5–20×). */
export const MAX_ZIP_RATIO = 100;
/** Entries up to this unpacked size are not held to the ratio (small, very repetitive parts are normal). */
const RATIO_FLOOR_BYTES = 1024 * 1024;

/** Why a zip was refused: `bomb` (caps, ratio, lying sizes, duplicates) or `broken` (not a readable zip); the message is Dutch. */
export class ZipRefused extends Error {
  constructor(
    readonly kind: 'bomb' | 'broken',
    message: string,
  ) {
    super(message);
  }
}

/** One entry of a zip: its name and, when `keep` asked for it, its unpacked bytes. */
export interface ZipEntry {
  name: string;
  size: number;
  content?: Buffer;
}

const bomb = (why: string) => new ZipRefused('bomb', why);
const broken = (why: string) => new ZipRefused('broken', why);

/** Offset of the end-of-central-directory record: the last `PK\5\6` within the 64 kB comment range. */
function endOfCentralDirectory(bytes: Buffer): number {
  const from = Math.max(0, bytes.length - 22 - 0xffff);
  const at = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (at < from || at + 22 > bytes.length) throw broken('geen einde van de inhoudsopgave');
  return at;
}

/**
 * Reads and inflates every entry of `bytes`, keeping the content of the entries `keep` names.
 * Refuses (throws `ZipRefused`): more than `MAX_ZIP_ENTRIES` entries, a name twice (compared
 * without case, as Office part names are), Zip64 or encrypted entries, methods other than stored
 * and deflate, overlapping entries, declared sizes past `MAX_ZIP_UNPACKED_BYTES` or the ratio cap,
 * and any entry whose real output differs from its declared size (inflation stops at the first
 * byte past it, so a bomb that declares 100 bytes costs 100 bytes).
 */
export function readZip(bytes: Buffer, keep: (name: string) => boolean): ZipEntry[] {
  const eocd = endOfCentralDirectory(bytes);
  const count = bytes.readUInt16LE(eocd + 10);
  const cdSize = bytes.readUInt32LE(eocd + 12);
  const cdOffset = bytes.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw broken('Zip64 (niet nodig voor documenten van deze grootte)');
  if (count > MAX_ZIP_ENTRIES) throw bomb(`meer dan ${MAX_ZIP_ENTRIES} onderdelen`);
  if (cdOffset + cdSize > eocd) throw broken('inhoudsopgave buiten het bestand');
  const entries: { name: string; method: number; packed: number; size: number; local: number }[] = [];
  const seen = new Set<string>();
  let declared = 0;
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocd || bytes.readUInt32LE(at) !== 0x02014b50) throw broken('onderdeel ontbreekt in de inhoudsopgave');
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    const packed = bytes.readUInt32LE(at + 20);
    const size = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.toString(flags & 0x800 ? 'utf8' : 'latin1', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (flags & 0x1) throw broken('versleuteld onderdeel');
    if (method !== 0 && method !== 8) throw broken(`inpakmethode ${method}`);
    if (packed === 0xffffffff || size === 0xffffffff || local === 0xffffffff) throw broken('Zip64-onderdeel');
    const key = name.toLowerCase();
    if (seen.has(key)) throw bomb(`het onderdeel ${name} staat er twee keer in`);
    seen.add(key);
    if (size > RATIO_FLOOR_BYTES && size > packed * MAX_ZIP_RATIO) throw bomb(`${name} is meer dan ${MAX_ZIP_RATIO}× ingepakt`);
    declared += size;
    if (declared > MAX_ZIP_UNPACKED_BYTES) throw bomb(`meer dan ${MAX_ZIP_UNPACKED_BYTES / 1024 / 1024} MB uitgepakt`);
    entries.push({ name, method, packed, size, local });
  }
  // Each entry's bytes lie before the next one's local header: no entry shares bytes with another.
  const byOffset = [...entries].sort((a, b) => a.local - b.local);
  const out: ZipEntry[] = [];
  for (let i = 0; i < byOffset.length; i++) {
    const e = byOffset[i] as (typeof byOffset)[number];
    if (e.local + 30 > cdOffset || bytes.readUInt32LE(e.local) !== 0x04034b50) throw broken(`kop van ${e.name} ontbreekt`);
    const start = e.local + 30 + bytes.readUInt16LE(e.local + 26) + bytes.readUInt16LE(e.local + 28);
    const end = start + e.packed;
    const next = byOffset[i + 1]?.local ?? cdOffset;
    if (end > next) throw bomb(`${e.name} overlapt een ander onderdeel`);
    const data = bytes.subarray(start, end);
    let content: Buffer;
    if (e.method === 0) {
      content = data;
    } else {
      try {
        content = inflateRawSync(data, { maxOutputLength: Math.max(1, e.size) });
      } catch (error) {
        if (error instanceof RangeError) throw bomb(`${e.name} pakt groter uit dan het opgeeft`);
        throw broken(`${e.name} is niet uit te pakken`);
      }
    }
    if (content.length !== e.size) throw broken(`${e.name} pakt anders uit dan het opgeeft`);
    out.push(keep(e.name) ? { name: e.name, size: e.size, content } : { name: e.name, size: e.size });
  }
  return out;
}
