import { readStructureFile, type StructurePartChanges, type StructureProblem, type Transaction } from '@duidingspool/db';
import { sql } from 'drizzle-orm';
import type { RequestOrigin } from '../../lib/context.ts';
import { auditAs } from '../audit/index.ts';
import { addBudgetYears } from '../budgets/index.ts';
import { listCodedNames, upsertReferenceData } from '../specialists/index.ts';
import { retiredOrganisationCodes, upsertOrganisation } from './structure.repository.ts';
import { absentCodesInUse } from './structure-usage.read-model.ts';

/** The parts of a structure file an import writes, in the order it reports them. */
export const STRUCTURE_PARTS = ['safetyRegions', 'safetyHouses', 'municipalities', 'caseTables', 'expertiseAreas', 'activities', 'budgets'] as const;
export type StructurePart = (typeof STRUCTURE_PARTS)[number];

/** What an import did: per part the codes added, changed and absent (absent ones are never deleted), and the totals. */
export interface StructureImportReport {
  parts: Record<StructurePart, StructurePartChanges>;
  added: number;
  changed: number;
  absent: number;
}

/**
 * A structure file that is refused: every problem with its JSON pointer (reading, schema, references,
 * or something in use that the file removes). Thrown inside the import's transaction, so nothing of
 * the import is written.
 */
export class StructureImportRefused extends Error {
  constructor(readonly problems: StructureProblem[]) {
    super(`structure file refused: ${problems.length} problem(s)`);
    this.name = 'StructureImportRefused';
  }
}

/** Serialises imports: two at once would both insert the same new codes. */
const IMPORT_LOCK = sql`select pg_advisory_xact_lock(hashtext('duidingspool:structure-import'))`;

/**
 * Imports a structure file (docs/structure-file.md) from its bytes, inside the caller's
 * transaction `tx`: reads and validates it (`readStructureFile`), upserts by stable code the
 * organisation (regions, safety houses, municipalities by CBS code, casustafels and the
 * municipalities they serve), the expertise areas and activities (specialists module) and the
 * budget years not yet present (budgets module), refuses when something the file no longer names is
 * still in use, and appends one audit event `import structure` with what was added and changed.
 * Rows the file does not name and nobody uses are reported as `absent`, never deleted. A second
 * import of the same file adds and changes nothing. Retirement is the admin's (decision 081): an
 * import never retires or revives a row; a retired row the file names keeps `retired_at` (its
 * names are updated like any other), and a retired row the file leaves out is kept and reported
 * `absent` without the in-use check.
 *
 * @param who the actor (null: the system, e.g. the admin CLI or the demo seed) and origin for the audit event
 * @throws StructureImportRefused with every problem; the caller's transaction must roll back
 */
export async function importStructure(
  tx: Transaction,
  bytes: Uint8Array,
  who: { actorId: string | null; origin: RequestOrigin; source?: string },
): Promise<StructureImportReport> {
  const read = readStructureFile(bytes);
  if (!read.ok) throw new StructureImportRefused(read.problems);
  const file = read.file;
  await tx.execute(IMPORT_LOCK);
  const organisation = await upsertOrganisation(tx, file);
  if (organisation.problems.length > 0) throw new StructureImportRefused(organisation.problems);
  const reference = await upsertReferenceData(tx, file);
  const budgets = await addBudgetYears(tx, file.budgets);
  const parts: Record<StructurePart, StructurePartChanges> = { ...organisation.parts, ...reference, budgets };
  // A retired row may be left out of the file: it is kept, retired, with its history, and its
  // uses do not refuse the file (decision 081). Only rows still in service are checked.
  const retired = {
    ...(await retiredOrganisationCodes(tx)),
    expertiseAreas: new Set((await listCodedNames(tx, 'expertise-areas')).filter((x) => x.retiredAt !== null).map((x) => x.code)),
    activities: new Set((await listCodedNames(tx, 'activities')).filter((x) => x.retiredAt !== null).map((x) => x.code)),
  };
  const inService = (part: keyof typeof retired) => parts[part].absent.filter((code) => !retired[part].has(code));
  const inUse = await absentCodesInUse(tx, {
    safetyRegions: inService('safetyRegions'),
    safetyHouses: inService('safetyHouses'),
    municipalities: inService('municipalities'),
    caseTables: inService('caseTables'),
    expertiseAreas: inService('expertiseAreas'),
    activities: inService('activities'),
  });
  if (inUse.length > 0) throw new StructureImportRefused(inUse);
  const total = (k: keyof StructurePartChanges) => STRUCTURE_PARTS.reduce((n, p) => n + parts[p][k].length, 0);
  const report: StructureImportReport = { parts, added: total('added'), changed: total('changed'), absent: total('absent') };
  const pick = (k: keyof StructurePartChanges) => Object.fromEntries(STRUCTURE_PARTS.filter((p) => parts[p][k].length > 0).map((p) => [p, parts[p][k]]));
  await auditAs(tx, who, {
    action: 'import',
    objectType: 'structure',
    objectId: null,
    result: 'success',
    details: { source: who.source ?? null, added: pick('added'), changed: pick('changed'), absent: pick('absent') },
  });
  return report;
}
