import { type Executor, type StructureFile, type StructurePartChanges, schema } from '@duidingspool/db';
import type { ReferenceData } from '@duidingspool/shared';
import { and, asc, eq, inArray, isNull, ne, type Placeholder, type SQL, sql } from 'drizzle-orm';

// The specialists module's reference tables, `expertise_areas` and `activities`, as other modules
// read them: the lists for forms and filters, and the checks of codes on input.

const x = schema.expertiseAreas;
const act = schema.activities;

/**
 * Every expertise area, by Dutch name, retired ones included with `retired: true`: the labels of
 * history need them; forms offer only the others.
 */
export async function listExpertiseAreas(db: Executor): Promise<ReferenceData['expertiseAreas']> {
  const rows = await db.select().from(x).orderBy(asc(x.nameNl));
  return rows.map(({ retiredAt, ...row }) => ({ ...row, retired: retiredAt !== null }));
}

/** Every activity, retired ones included with `retired: true` (hours are logged only on the others). */
export async function listActivities(db: Executor): Promise<ReferenceData['activities']> {
  const rows = await db.select().from(act);
  return rows.map(({ retiredAt, ...row }) => ({ ...row, retired: retiredAt !== null }));
}

/**
 * The codes among `codes` that name a retired expertise area, in the order given. Every named row
 * is read `for share` (as `activityRetired`), so none of them is retired under the caller's
 * transaction.
 */
export async function retiredExpertiseAreas(db: Executor, codes: readonly string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const rows = await db
    .select({ code: x.code, retiredAt: x.retiredAt })
    .from(x)
    .where(inArray(x.code, [...codes]))
    .orderBy(x.code)
    .for('share');
  const retired = new Set(rows.filter((k) => k.retiredAt !== null).map((k) => k.code));
  return codes.filter((c) => retired.has(c));
}

/**
 * True when `code` names an activity that is retired. The row is read `for share`: inside the
 * caller's transaction it cannot be retired until that transaction ends, and a retirement that
 * holds it is waited for and then seen (the retirement locks it `for update` before it checks
 * what uses it).
 */
export async function activityRetired(db: Executor, code: string): Promise<boolean> {
  const [row] = await db.select({ retiredAt: act.retiredAt }).from(act).where(eq(act.code, code)).for('share');
  return row !== undefined && row.retiredAt !== null;
}

/**
 * Whether `code` (a value or placeholder) names an activity and whether it is retired, as one
 * sub-select for a larger statement (the log-hours read, decision 135): null when it names none,
 * else whether it is retired; the row is read `for share` as `activityRetired` reads it.
 */
export const activityRetiredOrUnknown = (code: string | Placeholder): SQL =>
  sql`(select ${act.retiredAt} is not null from ${act} where ${act.code} = ${code} for share)`;

/** The specialists module's kinds of reference data the admin manages. */
export type SpecialistReferenceKind = 'expertise-areas' | 'activities';
const tableOf = (kind: SpecialistReferenceKind) => (kind === 'expertise-areas' ? x : act);

/** One expertise area or activity as the admin's list shows it. */
export interface CodedName {
  code: string;
  nameNl: string;
  nameEn: string;
  retiredAt: Date | null;
}

/** Every expertise area or activity, retired ones included, by Dutch name (the admin's list). */
export async function listCodedNames(db: Executor, kind: SpecialistReferenceKind): Promise<CodedName[]> {
  const t = tableOf(kind);
  return db.select().from(t).orderBy(asc(t.nameNl), asc(t.code));
}

/** The expertise area or activity `code`, locked for update, or null. */
export async function findCodedName(db: Executor, kind: SpecialistReferenceKind, code: string): Promise<CodedName | null> {
  const t = tableOf(kind);
  const [row] = await db.select().from(t).where(eq(t.code, code)).for('update');
  return row ?? null;
}

/**
 * Adds an expertise area or activity (the admin's reference data, docs/design.md §2).
 * @returns false when the code is taken (nothing written)
 */
export async function addCodedName(db: Executor, kind: SpecialistReferenceKind, v: { code: string; nameNl: string; nameEn: string }): Promise<boolean> {
  const t = tableOf(kind);
  const rows = await db.insert(t).values(v).onConflictDoNothing().returning({ code: t.code });
  return rows.length > 0;
}

/** Renames expertise area or activity `code` (Dutch and English name); the code stays. */
export async function renameCodedName(db: Executor, kind: SpecialistReferenceKind, code: string, v: { nameNl?: string; nameEn?: string }): Promise<void> {
  const t = tableOf(kind);
  if (v.nameNl === undefined && v.nameEn === undefined) return;
  await db.update(t).set(v).where(eq(t.code, code));
}

/**
 * Which of the names `v` another expertise area or activity of `kind` than `exceptCode` already has,
 * compared without regard to letter case: `'nameNl'`, `'nameEn'`, or null when both are free. Two
 * items the user cannot tell apart in a list would be one too many. Call it under the kind's write
 * lock, in the transaction that writes.
 */
export async function codedNameTaken(
  db: Executor,
  kind: SpecialistReferenceKind,
  v: { nameNl?: string | undefined; nameEn?: string | undefined },
  exceptCode: string | null,
): Promise<'nameNl' | 'nameEn' | null> {
  const t = tableOf(kind);
  const other = exceptCode === null ? sql`true` : ne(t.code, exceptCode);
  if (v.nameNl !== undefined && v.nameNl !== '') {
    const [row] = await db
      .select({ code: t.code })
      .from(t)
      .where(and(other, sql`lower(${t.nameNl}) = lower(${v.nameNl})`))
      .limit(1);
    if (row) return 'nameNl';
  }
  if (v.nameEn !== undefined && v.nameEn !== '') {
    const [row] = await db
      .select({ code: t.code })
      .from(t)
      .where(and(other, sql`lower(${t.nameEn}) = lower(${v.nameEn})`))
      .limit(1);
    if (row) return 'nameEn';
  }
  return null;
}

/** Retires expertise area or activity `code` at `at` (a no-op when it is already retired). */
export async function retireCodedName(db: Executor, kind: SpecialistReferenceKind, code: string, at: Date): Promise<void> {
  const t = tableOf(kind);
  await db
    .update(t)
    .set({ retiredAt: at })
    .where(and(eq(t.code, code), isNull(t.retiredAt)));
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
