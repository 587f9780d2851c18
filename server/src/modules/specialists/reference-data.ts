import { type Executor, schema } from '@duidingspool/db';
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
