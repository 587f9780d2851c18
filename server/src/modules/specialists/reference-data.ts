import { type Executor, type StructureFile, type StructurePartChanges, schema } from '@duidingspool/db';
import type { ReferenceData } from '@duidingspool/shared';
import { asc, eq, inArray } from 'drizzle-orm';

// The specialists module's reference tables, `expertise_areas` and `activities`, as other modules
// read them: the lists for forms and filters, and the checks of codes on input.

const x = schema.expertiseAreas;
const act = schema.activities;

/** Every expertise area, by Dutch name. */
export async function listExpertiseAreas(db: Executor): Promise<ReferenceData['expertiseAreas']> {
  return db.select().from(x).orderBy(asc(x.nameNl));
}

/** Every activity hours can be logged on. */
export async function listActivities(db: Executor): Promise<ReferenceData['activities']> {
  return db.select().from(act);
}

/** The codes among `codes` that name no expertise area, in the order given (empty when all are known). */
export async function unknownExpertiseAreas(db: Executor, codes: readonly string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const known = new Set(
    (
      await db
        .select({ code: x.code })
        .from(x)
        .where(inArray(x.code, [...codes]))
    ).map((k) => k.code),
  );
  return codes.filter((c) => !known.has(c));
}

/** True when `code` names an activity. */
export async function activityExists(db: Executor, code: string): Promise<boolean> {
  const [row] = await db.select({ code: act.code }).from(act).where(eq(act.code, code));
  return row !== undefined;
}

/**
 * Upserts the expertise areas and activities of a valid structure file by code (a new code is
 * inserted, a known one renamed where its names differ); codes the file does not name are left
 * untouched and listed as `absent`. Call it inside the structure import's transaction.
 */
export async function upsertReferenceData(
  tx: Executor,
  file: Pick<StructureFile, 'expertiseAreas' | 'activities'>,
): Promise<{ expertiseAreas: StructurePartChanges; activities: StructurePartChanges }> {
  const upsert = async (table: typeof x | typeof act, entries: StructureFile['activities']): Promise<StructurePartChanges> => {
    const existing = new Map((await tx.select().from(table)).map((row) => [row.code, row]));
    const changes: StructurePartChanges = { added: [], changed: [], absent: [] };
    for (const e of entries) {
      const row = existing.get(e.code);
      if (!row) {
        await tx.insert(table).values({ code: e.code, nameNl: e.nl, nameEn: e.en });
        changes.added.push(e.code);
      } else if (row.nameNl !== e.nl || row.nameEn !== e.en) {
        await tx.update(table).set({ nameNl: e.nl, nameEn: e.en }).where(eq(table.code, e.code));
        changes.changed.push(e.code);
      }
    }
    const named = new Set(entries.map((e) => e.code));
    changes.absent = [...existing.keys()].filter((code) => !named.has(code));
    return changes;
  };
  return { expertiseAreas: await upsert(x, file.expertiseAreas), activities: await upsert(act, file.activities) };
}
