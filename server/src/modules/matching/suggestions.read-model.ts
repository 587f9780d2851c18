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
import { and, eq, sql } from 'drizzle-orm';
import { invalidTransition, notFound } from '../../errors.ts';
import type { Actor, ServiceContext } from '../../lib/context.ts';
import { findVisibleRequest } from '../interpretation-requests/index.ts';
import { activeInPool, namedConflictsOf, profileListColumns, specialistActions } from '../specialists/index.ts';

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

/** Every specialist active in the pool with the facts the score looks at, for work on `date` for casustafel `caseTableId`. */
async function candidates(db: Executor, caseTableId: string | null, date: string, today: string) {
  // The live statuses as literals, not parameters, so the planner matches the partial index
  // `assignments_specialist_live` and the load does not grow with the closed history (decision 103).
  const live = sql.raw(`a.status in (${LIVE_ASSIGNMENT_STATUSES.map((status) => `'${status}'`).join(', ')}) and a.closed_at is null`);
  const rows = await db
    .select({
      id: s.id,
      userId: s.userId,
      displayName: schema.users.displayName,
      capacityMinutesPerMonth: s.capacityMinutesPerMonth,
      screeningValidUntil: s.screeningValidUntil,
      ...profileListColumns(),
      currentRateCents: sql<
        string | number | null
      >`(select r.rate_cents from ${schema.specialistRates} r where r.specialist_id = ${s.id} and r.valid_from <= ${today}::date order by r.valid_from desc limit 1)`,
      openEstimatedMinutes: sql<number>`(select coalesce(sum(greatest(a.estimated_minutes - a.logged_minutes, 0)), 0)::int from ${schema.assignments} a where a.specialist_id = ${s.id} and ${live})`,
      absences: sql<
        { startsOn: string; endsOn: string }[]
      >`coalesce((select json_agg(json_build_object('startsOn', to_char(x.starts_on, 'YYYY-MM-DD'), 'endsOn', to_char(x.ends_on, 'YYYY-MM-DD'))) from ${schema.specialistAbsences} x where x.specialist_id = ${s.id} and x.starts_on <= ${date}::date and x.ends_on >= ${date}::date), '[]'::json)`,
      standing: sql<boolean>`exists (select 1 from ${schema.caseTableStandingSpecialists} st where st.specialist_id = ${s.id} and st.case_table_id = ${caseTableId})`,
    })
    .from(s)
    .innerJoin(schema.users, eq(schema.users.id, s.userId))
    .where(and(activeInPool));
  const conflicts = await namedConflictsOf(
    db,
    rows.map((r) => r.id),
  );
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
 * The suggestion an assignment of `requestId` passes over when it names another specialist: the
 * first suggestion the actor may assign, or null when there is none (decision 100).
 */
export async function topSuggestion(db: Executor, actor: Actor, requestId: string, now: Date): Promise<{ specialistId: string; score: number } | null> {
  const list = await suggestionsFor(db, actor, requestId, now);
  const top = list.suggestions.find((x) => x.allowedActions.includes('assign'));
  return top ? { specialistId: top.specialistId, score: top.score } : null;
}
