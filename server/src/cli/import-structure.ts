// `pnpm admin import-structure [FILE]`: validates a structure file (docs/structure-file.md) and
// upserts it in one transaction; prints what was added and changed, or every problem with its JSON
// pointer and writes nothing. Default FILE: the shipped Oost-Nederland structure. Allowed in
// production: the structure is reference data, not demo data.
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Database, DEFAULT_STRUCTURE_FILE, type StructurePartChanges, structureFileTooLarge } from '@duidingspool/db';
import { SYSTEM_ORIGIN } from '../modules/audit/index.ts';
import { importStructure, STRUCTURE_PARTS, StructureImportRefused, type StructurePart } from '../modules/organisation/index.ts';

/** Where the command writes its lines (the console in the CLI, an array in tests). */
export interface CommandOutput {
  log(line: string): void;
  error(line: string): void;
}

const PART_LABELS: Record<StructurePart, string> = {
  safetyRegions: 'safety regions',
  safetyHouses: 'safety houses',
  municipalities: 'municipalities',
  caseTables: 'casustafels',
  expertiseAreas: 'expertise areas',
  activities: 'activities',
  budgets: 'budget years',
};

const codes = (list: string[]) => (list.length > 10 ? `${list.slice(0, 10).join(', ')}, and ${list.length - 10} more` : list.join(', '));

/** The file's bytes, or the problem that stops it being read (missing, a directory, larger than the cap: checked before reading). */
function readBytes(path: string): { bytes: Uint8Array } | { problem: string } {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    return { problem: `cannot open the file (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { problem: 'not a file' };
    const tooLarge = structureFileTooLarge(stat.size);
    if (tooLarge) return { problem: tooLarge.message };
    return { bytes: readFileSync(fd) };
  } finally {
    closeSync(fd);
  }
}

/**
 * Runs `import-structure` on `db`: reads `file` (relative to `cwd`; default the shipped
 * Oost-Nederland file), imports it in one transaction and prints the report to `out`.
 * @returns the process exit code: 0 imported (also when nothing changed), 1 refused or unreadable (nothing written)
 */
export async function importStructureCommand(db: Database, file: string | undefined, out: CommandOutput, cwd = process.cwd()): Promise<number> {
  const path = file === undefined ? DEFAULT_STRUCTURE_FILE : resolve(cwd, file);
  const read = readBytes(path);
  if ('problem' in read) {
    out.error(`${path}: ${read.problem}. Nothing was written.`);
    return 1;
  }
  try {
    const report = await db.transaction((tx) => importStructure(tx, read.bytes, { actorId: null, origin: SYSTEM_ORIGIN, source: path }));
    out.log(`Structure imported from ${path}: ${report.added} added, ${report.changed} changed.`);
    for (const part of STRUCTURE_PARTS) {
      const c: StructurePartChanges = report.parts[part];
      const details = [c.added.length > 0 ? `added ${codes(c.added)}` : '', c.changed.length > 0 ? `changed ${codes(c.changed)}` : ''].filter(Boolean);
      out.log(`  ${PART_LABELS[part]}: ${c.added.length} added, ${c.changed.length} changed${details.length > 0 ? ` (${details.join('; ')})` : ''}`);
    }
    for (const part of STRUCTURE_PARTS) {
      const absent = report.parts[part].absent;
      if (absent.length > 0) out.log(`  not in the file, kept (nothing uses them; they cannot be retired here): ${PART_LABELS[part]} ${codes(absent)}`);
    }
    return 0;
  } catch (error) {
    if (!(error instanceof StructureImportRefused)) {
      // A conflict only the database sees (two rows swapping names, say): the transaction rolled back.
      const inner = error instanceof Error && error.cause instanceof Error ? error.cause : error;
      const code = inner !== null && typeof inner === 'object' && 'code' in inner ? String(inner.code) : undefined;
      const cause =
        code === '23505'
          ? 'a name or code in the file is still held by another row while the import writes (two rows swapping names, say); rename in two imports, through a name nobody has'
          : inner instanceof Error
            ? inner.message
            : String(inner);
      out.error(`${path}: the import failed and nothing was written: ${cause}`);
      return 1;
    }
    out.error(`${path}: refused, nothing was written. ${error.problems.length} problem(s):`);
    for (const p of error.problems) out.error(`  ${p.pointer || '/'}: ${p.message}`);
    return 1;
  }
}
