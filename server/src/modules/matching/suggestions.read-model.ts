import { type Executor, schema } from '@duidingspool/db';
import {
  amsterdamDate,
  assignabilityDate,
  LIVE_ASSIGNMENT_STATUSES,
  type MatchCandidate,
  type MatchRequest,
  rankSpecialists,
  type SuggestionList,
} from '@duidingspool/shared';
import { and, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { invalidTransition, notFound } from '../../errors.ts';
import type { Actor, ServiceContext } from '../../lib/context.ts';
import { findVisibleRequest } from '../interpretation-requests/index.ts';
import { activeInPool, namedConflictsOf, specialistActions } from '../specialists/index.ts';

// Read model of the suggestions (docs/design.md §2 "Matching", decision 100). It gathers the facts
// the score looks at and leaves the ranking to `rankSpecialists` (shared). Besides this module's
// table (`case_table_standing_specialists`) it reads, and never writes: `specialists`,
// `specialist_expertise_areas`, `specialist_languages`, `specialist_regions`, `specialist_absences`,
// `specialist_rates` and `specialist_conflicts` (specialists), `users` (name, active), `assignments`
// (the current load) and `case_tables`, `municipalities`, `safety_houses`, `safety_regions`
// (organisation: the requesting party and its safety region).

const s = schema.specialists;

/** The requesting party of request `request` and the code of its municipality's safety region. */
async function requestFacts(
  db: Executor,
  request: { municipalityId: string; caseTableId: string | null; expertiseAreaCodes: string[]; languages: string[] },
  date: string,
): Promise<MatchRequest> {
  // The casustafel's house, or the municipality's own when a municipality asked without one (decision 095).
  const [row] = await db
    .select({
      municipalityHouseId: schema.municipalities.safetyHouseId,
      regionCode: schema.safetyRegions.code,
      tableHouseId: sql<string | null>`(select ct.safety_house_id from ${schema.caseTables} ct where ct.id = ${request.caseTableId})`,
    })
    .from(schema.municipalities)
    .innerJoin(schema.safetyHouses, eq(schema.safetyHouses.id, schema.municipalities.safetyHouseId))
    .innerJoin(schema.safetyRegions, eq(schema.safetyRegions.id, schema.safetyHouses.regionId))
    .where(eq(schema.municipalities.id, request.municipalityId));
  if (!row) throw new Error(`request's municipality missing: ${request.municipalityId}`);
  return {
    municipalityId: request.municipalityId,
    caseTableId: request.caseTableId,
    safetyHouseId: row.tableHouseId ?? row.municipalityHouseId,
    regionCode: row.regionCode,
    expertiseAreaCodes: request.expertiseAreaCodes,
    languages: request.languages,
    date,
  };
}

/**
 * Every specialist active in the pool with the facts the score looks at, for work on `date` for
 * casustafel `caseTableId`. Read set-based: one grouped scan per fact table (expertise areas,
 * languages, regions, the rate valid `today`, absences on `date`, the load of live assignments),
 * hash-joined to the pool, so the cost per specialist is a hash probe rather than a subquery per
 * row and fact (decision 103; `pnpm bench:suggestions`).
 */
async function candidates(db: Executor, caseTableId: string | null, date: string, today: string) {
  const x = schema.specialistExpertiseAreas;
  const areas = db
    .select({ specialistId: x.specialistId, codes: sql<string[]>`array_agg(${x.expertiseAreaCode} order by ${x.expertiseAreaCode})`.as('area_codes') })
    .from(x)
    .groupBy(x.specialistId)
    .as('areas');
  const l = schema.specialistLanguages;
  const languages = db
    .select({ specialistId: l.specialistId, codes: sql<string[]>`array_agg(${l.language} order by ${l.language})`.as('language_codes') })
    .from(l)
    .groupBy(l.specialistId)
    .as('languages');
  const rg = schema.specialistRegions;
  const regions = db
    .select({
      specialistId: rg.specialistId,
      codes: sql<string[]>`array_agg(${schema.safetyRegions.code} order by ${schema.safetyRegions.code})`.as('region_codes'),
    })
    .from(rg)
    .innerJoin(schema.safetyRegions, eq(schema.safetyRegions.id, rg.regionId))
    .groupBy(rg.specialistId)
    .as('regions');
  const r = schema.specialistRates;
  const rates = db
    .selectDistinctOn([r.specialistId], { specialistId: r.specialistId, rateCents: sql<string | number>`${r.rateCents}`.as('rate_cents') })
    .from(r)
    .where(sql`${r.validFrom} <= ${today}::date`)
    .orderBy(r.specialistId, desc(r.validFrom))
    .as('rates');
  const ab = schema.specialistAbsences;
  const absences = db
    .select({
      specialistId: ab.specialistId,
      list: sql<
        { startsOn: string; endsOn: string }[]
      >`json_agg(json_build_object('startsOn', to_char(${ab.startsOn}, 'YYYY-MM-DD'), 'endsOn', to_char(${ab.endsOn}, 'YYYY-MM-DD')))`.as('absence_list'),
    })
    .from(ab)
    .where(sql`${ab.startsOn} <= ${date}::date and ${ab.endsOn} >= ${date}::date`)
    .groupBy(ab.specialistId)
    .as('absences');
  // The live statuses as literals, not parameters, so the planner matches the partial index
  // `assignments_specialist_live` and the load does not grow with the closed history (decision 103).
  const a = alias(schema.assignments, 'a');
  const live = sql.raw(`a.status in (${LIVE_ASSIGNMENT_STATUSES.map((status) => `'${status}'`).join(', ')}) and a.closed_at is null`);
  const load = db
    .select({ specialistId: a.specialistId, minutes: sql<number>`sum(greatest(${a.estimatedMinutes} - ${a.loggedMinutes}, 0))::int`.as('open_minutes') })
    .from(a)
    .where(live)
    .groupBy(a.specialistId)
    .as('load');
  const st = schema.caseTableStandingSpecialists;
  const [rows, conflicts] = await Promise.all([
    db
      .select({
        id: s.id,
        userId: s.userId,
        displayName: schema.users.displayName,
        capacityMinutesPerMonth: s.capacityMinutesPerMonth,
        screeningValidUntil: s.screeningValidUntil,
        expertiseAreaCodes: sql<string[]>`coalesce(${areas.codes}, '{}')`,
        languages: sql<string[]>`coalesce(${languages.codes}, '{}')`,
        regionCodes: sql<string[]>`coalesce(${regions.codes}, '{}')`,
        currentRateCents: rates.rateCents,
        openEstimatedMinutes: sql<number>`coalesce(${load.minutes}, 0)`,
        absences: sql<{ startsOn: string; endsOn: string }[]>`coalesce(${absences.list}, '[]'::json)`,
        standing: sql<boolean>`exists (select 1 from ${st} where ${st.specialistId} = ${s.id} and ${st.caseTableId} = ${caseTableId})`,
      })
      .from(s)
      .innerJoin(schema.users, eq(schema.users.id, s.userId))
      .leftJoin(areas, eq(areas.specialistId, s.id))
      .leftJoin(languages, eq(languages.specialistId, s.id))
      .leftJoin(regions, eq(regions.specialistId, s.id))
      .leftJoin(rates, eq(rates.specialistId, s.id))
      .leftJoin(absences, eq(absences.specialistId, s.id))
      .leftJoin(load, eq(load.specialistId, s.id))
      .where(and(activeInPool)),
    // Every specialist's conflicts in one scan, beside the pool's facts; those outside the pool are not looked up.
    namedConflictsOf(db, 'every'),
  ]);
  return rows.map((row) => {
    const rate = row.currentRateCents === null ? null : Number(row.currentRateCents);
    const candidate: MatchCandidate = {
      id: row.id,
      displayName: row.displayName,
      expertiseAreaCodes: row.expertiseAreaCodes,
      languages: row.languages,
      regionCodes: row.regionCodes,
      standing: row.standing === true,
      capacityMinutesPerMonth: row.capacityMinutesPerMonth,
      openEstimatedMinutes: Number(row.openEstimatedMinutes),
      screeningValidUntil: row.screeningValidUntil,
      absences: row.absences,
      hasRate: rate !== null,
      conflicts: conflicts.get(row.id) ?? [],
    };
    return { candidate, userId: row.userId, rate };
  });
}

/**
 * The ranked suggestions for request `requestId` (decision 100): every specialist active in the
 * pool, scored by `rankSpecialists` (shared) for work on the request's meeting date (today when it
 * has none or it has passed), with the reasons as codes and parameters; those the assignability
 * rule refuses listed apart with why. Each suggestion carries what `actor` may do with them.
 *
 * @throws AppError 404 `not-found` (no such request, or not visible to the actor)
 */
export async function suggestionsFor(db: Executor, actor: Actor, requestId: string, now: Date): Promise<SuggestionList> {
  const request = await findVisibleRequest(db, actor, requestId);
  if (!request) throw notFound('Dit duidingsverzoek');
  return suggestionsForRequest(db, actor, request, now);
}

/** A request as `findVisibleRequest` reads it: what the suggestions need of it. */
type VisibleRequest = NonNullable<Awaited<ReturnType<typeof findVisibleRequest>>>;

/**
 * `suggestionsFor` of a request the caller has already read with `findVisibleRequest` (and found
 * visible to `actor`), without reading it again.
 * @throws AppError 409 `invalid-transition` (a draft)
 */
async function suggestionsForRequest(db: Executor, actor: Actor, request: VisibleRequest, now: Date): Promise<SuggestionList> {
  const requestId = request.id;
  const today = amsterdamDate(now);
  const date = assignabilityDate(request.meetingDate, today);
  // A draft has no municipality yet and is not assigned: it has no suggestions either.
  if (request.municipalityId === null) throw invalidTransition('Een concept krijgt geen voorstellen: dien het eerst in.');
  const facts = await requestFacts(db, { ...request, municipalityId: request.municipalityId }, date);
  const pool = await candidates(db, request.caseTableId, date, today);
  const { suggestions, excluded } = rankSpecialists(
    facts,
    pool.map((p) => p.candidate),
    today,
  );
  const byId = new Map(pool.map((p) => [p.candidate.id, p]));
  return {
    requestId,
    date,
    suggestions: suggestions.map((x) => {
      const p = byId.get(x.specialistId);
      return { ...x, currentRateCents: p?.rate ?? null, allowedActions: p ? specialistActions(actor, p.userId) : [] };
    }),
    excluded,
  };
}

/** `suggestionsFor` in a service context. */
export function getSuggestions(ctx: ServiceContext, requestId: string): Promise<SuggestionList> {
  return suggestionsFor(ctx.db, ctx.actor, requestId, ctx.now());
}

/**
 * The suggestion an assignment of `request` passes over when it names another specialist: the
 * first suggestion the actor may assign, or null when there is none (decision 100). `request` is the
 * row the caller read with `findVisibleRequest` (and locked): it is not read again.
 */
export async function topSuggestion(db: Executor, actor: Actor, request: VisibleRequest, now: Date): Promise<{ specialistId: string; score: number } | null> {
  const list = await suggestionsForRequest(db, actor, request, now);
  const top = list.suggestions.find((x) => x.allowedActions.includes('assign'));
  return top ? { specialistId: top.specialistId, score: top.score } : null;
}
