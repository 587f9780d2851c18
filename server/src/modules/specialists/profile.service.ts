import { type Executor, schema } from '@duidingspool/db';
import {
  type Absence,
  type Assignability,
  amsterdamDate,
  type ConflictTarget,
  type CreateAbsenceBody,
  type NotAssignableReason,
  notAssignableReasons,
  type PatchSpecialistProfileBody,
  PROFILE_FIELDS,
  type ProfileField,
  type RequestingParty,
  SPECIALIST_OWN_PROFILE_FIELDS,
  type SpecialistProfile,
  screeningValidUntil,
} from '@duidingspool/shared';
import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import { AppError, invalidField, notFound } from '../../errors.ts';
import { type Actor, hasRole, type RequestOrigin, type ServiceContext } from '../../lib/context.ts';
import { iso } from '../../lib/pagination.ts';
import { assertNoPersonalDataInProfile } from '../../lib/personal-data-guard.ts';
import { audit, auditAs } from '../audit/index.ts';
import { findProfileRow, type ProfileRow, regionsByCode } from './profile.read-model.ts';
import { retiredExpertiseAreas, unknownExpertiseAreas } from './reference-data.ts';

// The specialist's profile (docs/design.md §2, §3; decision 082): who sees and edits which field,
// absence periods, the screening and the rule that decides whether someone can be assigned.

const s = schema.specialists;
const abs = schema.specialistAbsences;

/**
 * The profile fields `actor` may change on the profile of the user `specialistUserId`: their own
 * profile only as the specialist (`SPECIALIST_OWN_PROFILE_FIELDS`), also when they are a
 * coordinator too (nobody certifies their own screening or sets their own capacity, separation of
 * duties); a coordinator every field of another's profile; anyone else none.
 */
export function editableProfileFields(actor: Actor, specialistUserId: string): ProfileField[] {
  if (actor.userId === specialistUserId) return [...SPECIALIST_OWN_PROFILE_FIELDS];
  return hasRole(actor, 'coordinator') ? [...PROFILE_FIELDS] : [];
}

/**
 * Makes sure user `userId` has a specialist profile (defaults: no screening, empty bio, the default
 * capacity); called whenever a user gets the `specialist` role (invitation, role change, the CLI).
 * Idempotent: an existing profile is left as it is. A new profile is audited as `create-profile`.
 *
 * @returns the profile's id and whether it was made now
 */
export async function ensureSpecialistProfile(
  db: Executor,
  who: { actorId: string | null; origin: RequestOrigin },
  userId: string,
): Promise<{ id: string; created: boolean }> {
  const [made] = await db.insert(s).values({ userId }).onConflictDoNothing().returning({ id: s.id });
  if (made) {
    await auditAs(db, who, { action: 'create-profile', objectType: 'specialist', objectId: made.id, result: 'success', details: { userId } });
    return { id: made.id, created: true };
  }
  const [existing] = await db.select({ id: s.id }).from(s).where(eq(s.userId, userId));
  if (!existing) throw new Error(`specialist profile of ${userId} missing after insert`);
  return { id: existing.id, created: false };
}

/**
 * Why specialist `specialistId` cannot be assigned for work on `date` (the request's meeting date or
 * today, see `assignabilityDate`), by the one rule `notAssignableReasons` (shared): screening valid
 * on `date`, not absent on `date`, a rate valid on `today` (all YYYY-MM-DD, Europe/Amsterdam), and,
 * when the requesting `party` is named, no declared conflict of interest with it (decision 100).
 * Empty when they can be.
 */
export async function notAssignableOn(
  db: Executor,
  specialistId: string,
  date: string,
  today: string,
  party?: RequestingParty,
): Promise<NotAssignableReason[]> {
  // One statement: the screening, the absences that include `date`, whether a rate is valid on
  // `today` and, when a party is named, the targets of the declared conflicts.
  const rt = schema.specialistRates;
  const c = schema.specialistConflicts;
  const [row] = await db
    .select({
      screeningValidUntil: s.screeningValidUntil,
      absences: sql<
        { startsOn: string; endsOn: string }[]
      >`coalesce((select json_agg(json_build_object('startsOn', to_char(x.starts_on, 'YYYY-MM-DD'), 'endsOn', to_char(x.ends_on, 'YYYY-MM-DD'))) from ${abs} x where x.specialist_id = ${specialistId} and x.starts_on <= ${date}::date and x.ends_on >= ${date}::date), '[]'::json)`,
      hasRate: sql<boolean>`exists (select 1 from ${rt} x where x.specialist_id = ${specialistId} and x.valid_from <= ${today}::date)`,
      conflicts: party
        ? sql<
            ConflictTarget[]
          >`coalesce((select json_agg(json_build_object('municipalityId', x.municipality_id, 'caseTableId', x.case_table_id, 'safetyHouseId', x.safety_house_id)) from ${c} x where x.specialist_id = ${specialistId}), '[]'::json)`
        : sql<ConflictTarget[]>`'[]'::json`,
    })
    .from(s)
    .where(eq(s.id, specialistId));
  if (!row) return [];
  return notAssignableReasons(
    { screeningValidUntil: row.screeningValidUntil, absences: row.absences, hasRate: row.hasRate, conflicts: row.conflicts },
    date,
    party,
  );
}

/** Dutch sentence per reason, for the 409 problem's `detail` (the web has its own texts per type). */
export const NOT_ASSIGNABLE_DETAIL: Record<NotAssignableReason, (date: string) => string> = {
  'screening-expired': (date) => `Deze specialist heeft op ${date} geen geldige screening (VOG): die ontbreekt of is verlopen.`,
  'specialist-absent': (date) => `Deze specialist is afwezig op ${date}.`,
  'no-rate': (date) => `Deze specialist heeft geen tarief dat geldt op ${date}.`,
  'conflict-of-interest': () => 'Deze specialist heeft belangenverstrengeling gemeld met de gemeente, de casustafel of de organisatie van dit verzoek.',
};

async function assignabilityOf(db: Executor, row: ProfileRow, today: string): Promise<Assignability> {
  const reasons = await notAssignableOn(db, row.id, today, today);
  return { date: today, assignable: reasons.length === 0, reasons };
}

/** A profile the actor may see: the coordinator every one, a specialist their own. @throws AppError 404 */
export async function visibleProfile(ctx: ServiceContext, specialistId: string, db: Executor = ctx.db, lock = false): Promise<ProfileRow> {
  const row = await findProfileRow(db, specialistId, lock);
  if (!row || !(hasRole(ctx.actor, 'coordinator') || row.userId === ctx.actor.userId)) throw notFound('Deze specialist');
  return row;
}

async function toProfile(ctx: ServiceContext, row: ProfileRow, db: Executor): Promise<SpecialistProfile> {
  const { userId, ...rest } = row;
  return {
    ...rest,
    userId,
    assignability: await assignabilityOf(db, row, amsterdamDate(ctx.now())),
    editableFields: editableProfileFields(ctx.actor, userId),
  };
}

/**
 * The profile of specialist `specialistId`, with whether they can be assigned today and what the
 * actor may change. The coordinator sees every profile; a specialist only their own.
 * @throws AppError 404 `not-found`
 */
export async function getProfile(ctx: ServiceContext, specialistId: string): Promise<SpecialistProfile> {
  return toProfile(ctx, await visibleProfile(ctx, specialistId), ctx.db);
}

/** Refuses a change of a field the actor may not change, naming the fields. @throws AppError 403 */
export function assertEditable(actor: Actor, row: ProfileRow, fields: ProfileField[]): void {
  const allowed = editableProfileFields(actor, row.userId);
  const refused = fields.filter((f) => !allowed.includes(f));
  if (refused.length === 0) return;
  const errors = refused.map((f) => ({ in: 'body' as const, pointer: `/${f}`, message: 'dit veld mag u hier niet wijzigen', code: 'not-editable' }));
  if (actor.userId === row.userId && hasRole(actor, 'coordinator')) {
    throw new AppError('separation-of-duties', 'Uw eigen screening, expertise, regio’s en capaciteit legt een andere coördinator vast.', { errors });
  }
  throw new AppError('forbidden', 'U mag deze velden van dit profiel niet wijzigen.', { errors });
}

const uniq = <T>(xs: readonly T[]) => [...new Set(xs)];

/**
 * Changes a specialist's profile (docs/design.md §2, decision 082): the coordinator every field of
 * another's profile, the specialist their own languages and bio. Lists replace the whole list;
 * expertise areas and regions must exist, and a retired one may stay but not be added. A screening
 * date may not lie in the future (Europe/Amsterdam); its last valid day is stored with it
 * (`screeningValidUntil`, shared). Audited as `update-profile` with the changed fields (the bio's
 * text is not copied into the audit log).
 *
 * @throws AppError 404 `not-found`, 403 `forbidden` / `separation-of-duties` (a field the actor may
 *   not change), 400 `validation-failed` (future screening date, unknown code), 409 `retired`
 */
export async function updateProfile(ctx: ServiceContext, specialistId: string, body: PatchSpecialistProfileBody): Promise<SpecialistProfile> {
  const today = amsterdamDate(ctx.now());
  return ctx.db.transaction(async (tx) => {
    const row = await visibleProfile(ctx, specialistId, tx, true);
    const changed = (Object.keys(body) as (keyof PatchSpecialistProfileBody)[]).filter((k) => body[k] !== undefined);
    assertEditable(ctx.actor, row, changed);
    if (body.screeningDate && body.screeningDate > today) invalidFieldThrow('/screeningDate', `een screeningsdatum ligt niet na vandaag (${today})`);
    // The costly check of the text last, after existence, permission and the cheap checks (docs/design.md §6).
    assertNoPersonalDataInProfile({ bio: body.bio });

    const set: Partial<typeof s.$inferInsert> = {};
    if (body.capacityMinutesPerMonth !== undefined) set.capacityMinutesPerMonth = body.capacityMinutesPerMonth;
    if (body.bio !== undefined) set.bio = body.bio.trim();
    if (body.screeningDate !== undefined) {
      set.screeningDate = body.screeningDate;
      set.screeningValidUntil = body.screeningDate === null ? null : screeningValidUntil(body.screeningDate);
    }
    if (Object.keys(set).length > 0) await tx.update(s).set(set).where(eq(s.id, specialistId));

    if (body.expertiseAreaCodes) {
      const codes = uniq(body.expertiseAreaCodes);
      const [unknown] = await unknownExpertiseAreas(tx, codes);
      if (unknown) invalidFieldThrow(`/expertiseAreaCodes/${body.expertiseAreaCodes.indexOf(unknown)}`, 'onbekend expertisegebied');
      const [retired] = (await retiredExpertiseAreas(tx, codes)).filter((c) => !row.expertiseAreaCodes.includes(c));
      if (retired)
        throwRetired(
          `/expertiseAreaCodes/${body.expertiseAreaCodes.indexOf(retired)}`,
          'Dit expertisegebied is opgeheven en wordt aan geen profiel meer toegevoegd.',
        );
      await tx.delete(schema.specialistExpertiseAreas).where(eq(schema.specialistExpertiseAreas.specialistId, specialistId));
      if (codes.length > 0) await tx.insert(schema.specialistExpertiseAreas).values(codes.map((expertiseAreaCode) => ({ specialistId, expertiseAreaCode })));
    }
    if (body.regionCodes) {
      const codes = uniq(body.regionCodes);
      const found = await regionsByCode(tx, codes);
      const unknown = codes.find((c) => !found.some((r) => r.code === c));
      if (unknown) invalidFieldThrow(`/regionCodes/${body.regionCodes.indexOf(unknown)}`, 'onbekende veiligheidsregio');
      const retired = found.find((r) => r.retired && !row.regionCodes.includes(r.code));
      if (retired)
        throwRetired(`/regionCodes/${body.regionCodes.indexOf(retired.code)}`, 'Deze veiligheidsregio is opgeheven en wordt aan geen profiel meer toegevoegd.');
      await tx.delete(schema.specialistRegions).where(eq(schema.specialistRegions.specialistId, specialistId));
      if (found.length > 0) await tx.insert(schema.specialistRegions).values(found.map((r) => ({ specialistId, regionId: r.id })));
    }
    if (body.languages) {
      const languages = uniq(body.languages);
      await tx.delete(schema.specialistLanguages).where(eq(schema.specialistLanguages.specialistId, specialistId));
      if (languages.length > 0) await tx.insert(schema.specialistLanguages).values(languages.map((language) => ({ specialistId, language })));
    }
    const { bio: _bio, ...values } = body;
    await audit(ctx, tx, {
      action: 'update-profile',
      objectType: 'specialist',
      objectId: specialistId,
      result: 'success',
      details: { changed, ...values, ...(set.screeningValidUntil !== undefined ? { screeningValidUntil: set.screeningValidUntil } : {}) },
    });
    const after = await findProfileRow(tx, specialistId);
    if (!after) throw new Error('profile vanished inside its transaction');
    return toProfile(ctx, after, tx);
  });
}

function invalidFieldThrow(pointer: string, message: string): never {
  throw invalidField(pointer, message);
}

function throwRetired(pointer: string, detail: string): never {
  throw new AppError('retired', detail, { errors: [{ in: 'body', pointer, message: 'opgeheven' }] });
}

const toAbsence = (row: typeof abs.$inferSelect): Absence => ({
  id: row.id,
  specialistId: row.specialistId,
  startsOn: row.startsOn,
  endsOn: row.endsOn,
  createdAt: iso(row.createdAt),
});

/**
 * The absence periods of specialist `specialistId`, by start date (coordinator: anyone's; a
 * specialist: their own). @throws AppError 404 `not-found`
 */
export async function listAbsences(ctx: ServiceContext, specialistId: string): Promise<Absence[]> {
  await visibleProfile(ctx, specialistId);
  const rows = await ctx.db.select().from(abs).where(eq(abs.specialistId, specialistId)).orderBy(asc(abs.startsOn), asc(abs.id));
  return rows.map(toAbsence);
}

/**
 * Records that specialist `specialistId` is absent from `startsOn` through `endsOn` (inclusive):
 * the coordinator for anyone, a specialist for themselves. Overlapping periods are allowed (each
 * counts on its own). Audited as `add-absence`.
 *
 * @throws AppError 404 `not-found`, 403 `forbidden`, 400 `validation-failed` on `/endsOn` (ends before it starts)
 */
export async function addAbsence(ctx: ServiceContext, specialistId: string, body: CreateAbsenceBody): Promise<Absence> {
  return ctx.db.transaction(async (tx) => {
    const row = await visibleProfile(ctx, specialistId, tx, true);
    assertEditable(ctx.actor, row, ['absences']);
    if (body.endsOn < body.startsOn) invalidFieldThrow('/endsOn', `een afwezigheid eindigt niet voor ze begint (${body.startsOn})`);
    // One absence per day: an overlapping one says nothing new and makes deleting one misleading.
    // The profile's row is locked above, so two at once are checked one after the other.
    const [overlap] = await tx
      .select({ startsOn: abs.startsOn, endsOn: abs.endsOn })
      .from(abs)
      .where(and(eq(abs.specialistId, specialistId), lte(abs.startsOn, body.endsOn), gte(abs.endsOn, body.startsOn)))
      .limit(1);
    if (overlap)
      throw new AppError('conflict', `Deze afwezigheid overlapt met die van ${overlap.startsOn} tot en met ${overlap.endsOn}.`, {
        errors: [
          {
            in: 'body',
            pointer: '/startsOn',
            message: `overlapt met de afwezigheid van ${overlap.startsOn} tot en met ${overlap.endsOn}`,
            code: 'overlap',
            params: { startsOn: overlap.startsOn, endsOn: overlap.endsOn },
          },
        ],
      });
    const [made] = await tx.insert(abs).values({ specialistId, startsOn: body.startsOn, endsOn: body.endsOn, createdBy: ctx.actor.userId }).returning();
    if (!made) throw new Error('insert returned no row');
    await audit(ctx, tx, {
      action: 'add-absence',
      objectType: 'specialist',
      objectId: specialistId,
      result: 'success',
      details: { absenceId: made.id, startsOn: made.startsOn, endsOn: made.endsOn },
    });
    return toAbsence(made);
  });
}

/**
 * Deletes absence `absenceId`: the coordinator any, a specialist their own. Audited as
 * `delete-absence`. @throws AppError 404 `not-found`, 403 `forbidden`
 */
export async function deleteAbsence(ctx: ServiceContext, absenceId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [found] = await tx.select().from(abs).where(eq(abs.id, absenceId)).for('update');
    if (!found) throw notFound('Deze afwezigheid');
    const row = await visibleProfile(ctx, found.specialistId, tx, true).catch(() => {
      throw notFound('Deze afwezigheid');
    });
    assertEditable(ctx.actor, row, ['absences']);
    await tx.delete(abs).where(eq(abs.id, absenceId));
    await audit(ctx, tx, {
      action: 'delete-absence',
      objectType: 'specialist',
      objectId: found.specialistId,
      result: 'success',
      details: { absenceId, startsOn: found.startsOn, endsOn: found.endsOn },
    });
  });
}
