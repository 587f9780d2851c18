/**
 * Calendar dates of work are `YYYY-MM-DD` in Europe/Amsterdam (docs/design.md §5); instants are ISO
 * strings in UTC.
 */
export const TIME_ZONE = 'Europe/Amsterdam';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar date in `YYYY-MM-DD` form (rejects `2019-02-30`). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2999 || mo < 1 || mo > 12 || d < 1) return false;
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= daysInMonth;
}

// sv-SE formats as YYYY-MM-DD. Made once, on first use: building an Intl formatter costs far more
// than using it, and this runs for every date a request handles. Not when the module is evaluated:
// the first Intl formatter of a browser page loads the ICU data (tens of milliseconds on a phone),
// and the SPA's first chunk imports this module for pages that show no date (decision 070).
let amsterdamDay: Intl.DateTimeFormat | undefined;

/** Today's calendar date in Europe/Amsterdam as `YYYY-MM-DD`, for the instant `now`. */
export function amsterdamDate(now: Date = new Date()): string {
  amsterdamDay ??= new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE });
  return amsterdamDay.format(now);
}

/** The year of a `YYYY-MM-DD` date. */
export function yearOf(isoDate: string): number {
  return Number(isoDate.slice(0, 4));
}
