import { isIsoDate } from './dates.ts';

/**
 * How long a screening (VOG, Verklaring Omtrent het Gedrag) counts for the pool: three years from
 * its date (docs/design.md §3, decision 082).
 */
export const SCREENING_VALIDITY_YEARS = 3;

/** Days before a screening expires that the coordinators and the specialist are told (decision 082). */
export const SCREENING_REMINDER_DAYS = 30;

/**
 * Why a specialist cannot be assigned on a date, each also the problem `type` (409) the assignment
 * answers with: no valid screening on that date (none recorded, or expired), absent on that date,
 * no rate valid today (the rate the reservation is priced at), or a declared conflict of interest
 * with the requesting municipality, casustafel or the casustafel's Zorg- en Veiligheidshuis
 * (decision 100; only when a request is named).
 */
export const NOT_ASSIGNABLE_REASONS = ['screening-expired', 'specialist-absent', 'no-rate', 'conflict-of-interest'] as const;
export type NotAssignableReason = (typeof NOT_ASSIGNABLE_REASONS)[number];

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `date` (YYYY-MM-DD) plus `days` calendar days (negative: minus), as YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/**
 * The last day (YYYY-MM-DD, Europe/Amsterdam calendar date, inclusive) a screening dated
 * `screeningDate` is valid: the day before its `SCREENING_VALIDITY_YEARS`-th anniversary. A
 * screening of 29 February has its anniversary on 1 March of a common year, so it is valid up to
 * and including 28 February: `2024-02-29` → `2027-02-28`, `2024-03-15` → `2027-03-14`.
 *
 * @throws Error when `screeningDate` is not a calendar date
 */
export function screeningValidUntil(screeningDate: string): string {
  if (!isIsoDate(screeningDate)) throw new Error(`not a date: ${screeningDate}`);
  const [y, m, d] = screeningDate.split('-').map(Number) as [number, number, number];
  // Date.UTC rolls 29 February of a common year over to 1 March: the anniversary.
  const anniversary = new Date(Date.UTC(y + SCREENING_VALIDITY_YEARS, m - 1, d));
  const iso = `${pad(anniversary.getUTCFullYear(), 4)}-${pad(anniversary.getUTCMonth() + 1)}-${pad(anniversary.getUTCDate())}`;
  return addDays(iso, -1);
}

/**
 * The date a proposal is checked on: the request's meeting date, or today when the request has none
 * or it has passed (the specialist works from now on). Both YYYY-MM-DD, Europe/Amsterdam.
 */
export function assignabilityDate(meetingDate: string | null | undefined, today: string): string {
  return meetingDate && meetingDate > today ? meetingDate : today;
}

/** What the assignability rule looks at for one specialist. */
export interface AssignabilityFacts {
  /** Last valid day of the screening (see `screeningValidUntil`), or null when none is recorded. */
  screeningValidUntil: string | null;
  /** Absence periods, both dates inclusive (YYYY-MM-DD). */
  absences: readonly { startsOn: string; endsOn: string }[];
  /** Whether a rate is valid today (the reservation is priced at it). */
  hasRate: boolean;
  /** Declared conflicts of interest: one target id each (left out: none). */
  conflicts?: readonly ConflictTarget[];
}

/** The target of one declared conflict of interest: exactly one id is set (decision 100). */
export interface ConflictTarget {
  municipalityId: string | null;
  caseTableId: string | null;
  safetyHouseId: string | null;
}

/**
 * Who asks: the requesting municipality, casustafel and the casustafel's Zorg- en Veiligheidshuis
 * (ids). A municipality asking without a casustafel (decision 095) has no casustafel; its house is
 * the municipality's.
 */
export interface RequestingParty {
  municipalityId: string;
  caseTableId: string | null;
  safetyHouseId: string;
}

/**
 * The declared conflicts of `conflicts` that concern `party`: one with its municipality, its
 * casustafel or the casustafel's Zorg- en Veiligheidshuis (decision 100).
 */
export function conflictsWith<T extends ConflictTarget>(conflicts: readonly T[], party: RequestingParty): T[] {
  return conflicts.filter(
    (c) =>
      c.municipalityId === party.municipalityId ||
      (party.caseTableId !== null && c.caseTableId === party.caseTableId) ||
      c.safetyHouseId === party.safetyHouseId,
  );
}

/**
 * Why the specialist described by `facts` cannot be assigned for work on `date` (YYYY-MM-DD,
 * Europe/Amsterdam; see `assignabilityDate`) for the requesting `party` (left out: for no request
 * in particular, so conflicts of interest are not weighed), in the order of
 * `NOT_ASSIGNABLE_REASONS`; empty when they can. The one place this rule lives (docs/design.md §4):
 * the assignment refuses with the first reason as a 409 problem, and the specialist list, profile
 * and suggestions show all of them.
 */
export function notAssignableReasons(facts: AssignabilityFacts, date: string, party?: RequestingParty): NotAssignableReason[] {
  const reasons: NotAssignableReason[] = [];
  if (facts.screeningValidUntil === null || facts.screeningValidUntil < date) reasons.push('screening-expired');
  if (facts.absences.some((a) => a.startsOn <= date && date <= a.endsOn)) reasons.push('specialist-absent');
  if (!facts.hasRate) reasons.push('no-rate');
  if (party && conflictsWith(facts.conflicts ?? [], party).length > 0) reasons.push('conflict-of-interest');
  return reasons;
}
