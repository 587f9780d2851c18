import { type ConflictTarget, conflictsWith, type NotAssignableReason, notAssignableReasons, type RequestingParty } from './assignability.ts';

// The suggestion score (docs/design.md §2 "Matching", decision 100): a pure, documented function of
// the request and each specialist's profile, load and declarations. Nothing here reads a clock or a
// database; the server gathers the facts and the web renders the reason codes in its own words.

/** Points per factor of the suggestion score (decision 100). */
export const MATCH_POINTS = {
  /** Per expertise area the request asks for that the specialist holds. */
  expertiseArea: 10,
  /** Per language the request asks for that the specialist speaks. */
  language: 8,
  /** When the specialist serves the safety region of the requesting municipality. */
  region: 4,
  /** Most points for capacity left: in proportion to the share of the capacity until the date still free. */
  capacityMax: 5,
  /** When no capacity is left until the date (load at or over capacity). */
  noCapacity: -10,
} as const;

/** Days counted as one month of capacity when the date lies further ahead than this month. */
export const CAPACITY_MONTH_DAYS = 30;

/** Why a specialist ranks where they do: each a code the web renders in nl or en, with its parameters. */
export const MATCH_REASON_CODES = [
  'standing-specialist',
  'expertise-match',
  'expertise-missing',
  'language-match',
  'language-missing',
  'region-served',
  'region-not-served',
  'capacity-left',
  'no-capacity-left',
] as const;
export type MatchReasonCode = (typeof MATCH_REASON_CODES)[number];

/** Why a specialist is left out of the suggestions: the assignability rule's reasons (`notAssignableReasons`). */
export type ExclusionCode = NotAssignableReason;

/** Kind of a conflict-of-interest target. */
export const CONFLICT_KINDS = ['municipality', 'case-table', 'safety-house'] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

/** Parameters of a reason; which are set depends on the code. */
export interface MatchReasonParams {
  /** Expertise-area or language codes (`expertise-*`, `language-*`). */
  codes?: string[];
  /** The safety region's code (`region-*`). */
  regionCode?: string;
  /** Minutes of capacity left until `date` (negative: over capacity) (`capacity-left`, `no-capacity-left`). */
  minutes?: number;
  /** A calendar date YYYY-MM-DD: until when capacity is counted, or the day checked (exclusions). */
  date?: string;
  /** Conflict of interest: the target's kind and name. */
  kind?: ConflictKind;
  name?: string;
}

/** One reason with the points it adds to the score (0 for a reason that only informs). */
export interface MatchReason {
  code: MatchReasonCode;
  points: number;
  params: MatchReasonParams;
}

/** One reason a specialist is excluded. */
export interface ExclusionReason {
  code: ExclusionCode;
  params: MatchReasonParams;
}

/** What the score looks at in the request. */
export interface MatchRequest extends RequestingParty {
  expertiseAreaCodes: readonly string[];
  languages: readonly string[];
  /** Code of the safety region of the requesting municipality. */
  regionCode: string;
  /** The date the specialist works for (`assignabilityDate`: the meeting date ahead, else today). */
  date: string;
}

/** A declared conflict of interest with the name of its target (for the reason shown). */
export interface NamedConflict extends ConflictTarget {
  kind: ConflictKind;
  name: string;
}

/** What the score looks at in one specialist. */
export interface MatchCandidate {
  id: string;
  displayName: string;
  expertiseAreaCodes: readonly string[];
  languages: readonly string[];
  regionCodes: readonly string[];
  /** A standing specialist of the requesting casustafel. */
  standing: boolean;
  /** Capacity in minutes per month. */
  capacityMinutesPerMonth: number;
  /** Current load: estimated minutes of live assignments not yet logged. */
  openEstimatedMinutes: number;
  screeningValidUntil: string | null;
  /** Absences that include the request's date (others do not matter). */
  absences: readonly { startsOn: string; endsOn: string }[];
  hasRate: boolean;
  conflicts: readonly NamedConflict[];
}

/** A suggested specialist: their score, whether they rank as standing specialist, and why. */
export interface Suggestion {
  specialistId: string;
  displayName: string;
  score: number;
  standing: boolean;
  reasons: MatchReason[];
}

/** A specialist left out, and why. */
export interface Exclusion {
  specialistId: string;
  displayName: string;
  reasons: ExclusionReason[];
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * The capacity a specialist has until `date` (YYYY-MM-DD), in minutes: their monthly capacity once
 * for the current month, and once more for every further `CAPACITY_MONTH_DAYS` days up to the date.
 */
export function capacityUntil(capacityMinutesPerMonth: number, today: string, date: string): number {
  const months = Math.max(1, Math.ceil((daysBetween(today, date) + 1) / CAPACITY_MONTH_DAYS));
  return capacityMinutesPerMonth * months;
}

/** The points for capacity left: see `MATCH_POINTS`. */
export function capacityReason(c: Pick<MatchCandidate, 'capacityMinutesPerMonth' | 'openEstimatedMinutes'>, today: string, date: string): MatchReason {
  const total = capacityUntil(c.capacityMinutesPerMonth, today, date);
  const left = total - c.openEstimatedMinutes;
  if (total <= 0 || left <= 0) return { code: 'no-capacity-left', points: MATCH_POINTS.noCapacity, params: { minutes: left, date } };
  return { code: 'capacity-left', points: Math.round((MATCH_POINTS.capacityMax * left) / total), params: { minutes: left, date } };
}

/** The reasons (with points) a fitting specialist scores: expertise, languages, region, capacity, standing. */
export function scoreReasons(request: MatchRequest, c: MatchCandidate, today: string): MatchReason[] {
  const reasons: MatchReason[] = [];
  if (c.standing) reasons.push({ code: 'standing-specialist', points: 0, params: {} });
  const heldAreas = request.expertiseAreaCodes.filter((code) => c.expertiseAreaCodes.includes(code));
  const missingAreas = request.expertiseAreaCodes.filter((code) => !c.expertiseAreaCodes.includes(code));
  if (heldAreas.length > 0) reasons.push({ code: 'expertise-match', points: MATCH_POINTS.expertiseArea * heldAreas.length, params: { codes: heldAreas } });
  if (missingAreas.length > 0) reasons.push({ code: 'expertise-missing', points: 0, params: { codes: missingAreas } });
  const spoken = request.languages.filter((code) => c.languages.includes(code));
  const unspoken = request.languages.filter((code) => !c.languages.includes(code));
  if (spoken.length > 0) reasons.push({ code: 'language-match', points: MATCH_POINTS.language * spoken.length, params: { codes: spoken } });
  if (unspoken.length > 0) reasons.push({ code: 'language-missing', points: 0, params: { codes: unspoken } });
  if (c.regionCodes.includes(request.regionCode))
    reasons.push({ code: 'region-served', points: MATCH_POINTS.region, params: { regionCode: request.regionCode } });
  else reasons.push({ code: 'region-not-served', points: 0, params: { regionCode: request.regionCode } });
  reasons.push(capacityReason(c, today, request.date));
  return reasons;
}

/**
 * Why `c` is excluded for `request`: the assignability rule (`notAssignableReasons`, the one that
 * also refuses the assignment), each with its parameters: the day checked, or the conflict's target.
 */
export function exclusionReasons(request: MatchRequest, c: MatchCandidate, today: string): ExclusionReason[] {
  const codes = notAssignableReasons(c, request.date, request);
  return codes.flatMap((code): ExclusionReason[] => {
    if (code === 'conflict-of-interest') {
      return conflictsWith(c.conflicts, request).map((x) => ({ code, params: { kind: x.kind, name: x.name } }));
    }
    return [{ code, params: { date: code === 'no-rate' ? today : request.date } }];
  });
}

/**
 * Whether a specialist fits a request: holds at least one expertise area it asks for (any
 * specialist fits a request that asks for none). A standing specialist ranks first only when they fit.
 */
export function fits(request: MatchRequest, c: MatchCandidate): boolean {
  return request.expertiseAreaCodes.length === 0 || request.expertiseAreaCodes.some((code) => c.expertiseAreaCodes.includes(code));
}

/**
 * Names in Dutch order, as `localeCompare(…, 'nl')` orders them; one collator for every comparison
 * (a locale argument per call builds a collator per comparison, which made ranking 200 specialists
 * cost tens of milliseconds, decision 103).
 */
let dutchOrder: Intl.Collator | undefined;
/** The collator, made on first use, not when the module is evaluated (the SPA imports this module; decision 070). */
const dutchCollator = (): Intl.Collator => (dutchOrder ??= new Intl.Collator('nl'));

/**
 * Ranks `candidates` for `request` (decision 100). A candidate the assignability rule refuses on the
 * request's date (screening, absence, rate, conflict of interest) is excluded with the reasons. The
 * others are suggested in this order: standing specialists of the casustafel who fit first, then by
 * score (the sum of the points of `scoreReasons`, see `MATCH_POINTS`) from high to low, then by name
 * and id, so equal facts give the same order every time. `today` is YYYY-MM-DD, Europe/Amsterdam.
 */
export function rankSpecialists(
  request: MatchRequest,
  candidates: readonly MatchCandidate[],
  today: string,
): { suggestions: Suggestion[]; excluded: Exclusion[] } {
  const suggestions: (Suggestion & { first: boolean })[] = [];
  const excluded: Exclusion[] = [];
  for (const c of candidates) {
    const why = exclusionReasons(request, c, today);
    if (why.length > 0) {
      excluded.push({ specialistId: c.id, displayName: c.displayName, reasons: why });
      continue;
    }
    const reasons = scoreReasons(request, c, today);
    const score = reasons.reduce((sum, r) => sum + r.points, 0);
    suggestions.push({ specialistId: c.id, displayName: c.displayName, score, standing: c.standing, reasons, first: c.standing && fits(request, c) });
  }
  const byName = (a: { displayName: string; specialistId: string }, b: { displayName: string; specialistId: string }) =>
    dutchCollator().compare(a.displayName, b.displayName) || (a.specialistId < b.specialistId ? -1 : a.specialistId > b.specialistId ? 1 : 0);
  suggestions.sort((a, b) => Number(b.first) - Number(a.first) || b.score - a.score || byName(a, b));
  excluded.sort(byName);
  return { suggestions: suggestions.map(({ first: _first, ...s }) => s), excluded };
}
