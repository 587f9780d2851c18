import { isIsoDate } from './dates.ts';

/**
 * How the forms read what people type: durations, euro amounts and calendar dates. One rule each,
 * for every form of the web app (docs/decisions/125-one-form-pattern.md); the API itself takes
 * minutes, cents and `YYYY-MM-DD` only.
 */

/**
 * Parses a duration typed as hours and minutes (`4:30`, `0:45`), decimal hours with a comma or a
 * dot (`4,5`, `4.25`, `0,1`) or whole hours (`4`), optionally followed by `uur`, `u` or `h`, into
 * integer minutes: `4:30` → 270, `4,5` → 270, `4` → 240. Decimal hours take one or two decimals and
 * are rounded to the nearest minute (`0,01` → 1). At most three digits of hours. Returns `null` for
 * anything else (minutes of 60 or more, a negative duration, letters).
 */
export function parseDuration(input: string): number | null {
  // `(?:uur|u|h)$` then trimEnd, not `\s*(uur|u)$`: a search that starts with `\s*` retries from
  // every space of a long run (quadratic time).
  const value = input
    .trim()
    .replace(/(?:uur|u|h)$/i, '')
    .trimEnd();
  const hm = /^(\d{1,3}):([0-5]\d)$/.exec(value);
  if (hm) return Number(hm[1]) * 60 + Number(hm[2]);
  const decimal = /^(\d{0,3})[,.](\d{1,2})$/.exec(value);
  if (decimal && decimal[1] !== undefined && decimal[2] !== undefined) {
    // Integer arithmetic: hundredths of an hour × 60 / 100, rounded half up.
    const hundredths = Number(decimal[2].padEnd(2, '0'));
    return Number(decimal[1] || '0') * 60 + Math.floor((hundredths * 60 + 50) / 100);
  }
  const hours = /^(\d{1,3})$/.exec(value);
  if (hours) return Number(hours[1]) * 60;
  return null;
}

/**
 * Parses a euro amount typed the Dutch way into integer cents: `125,00` → 12500, `1.234,56` →
 * 123456, `€ 95` → 9500, `80,5` → 8050. A dot is read as a thousands separator only when it groups
 * three digits; a single dot with one or two decimals (`125.50`) is read as a decimal separator.
 * Returns `null` for anything else (more than two decimals, letters, a negative amount).
 */
export function parseEuros(input: string): number | null {
  const value = input.trim().replace(/^€\s*/, '').replace(/\s+/g, '');
  if (!value) return null;
  let whole: string;
  let fraction = '';
  const dutch = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/.exec(value);
  const dotDecimal = /^(\d+)\.(\d{1,2})$/.exec(value);
  if (dutch) {
    whole = (dutch[1] ?? '').replace(/\./g, '');
    fraction = dutch[2] ?? '';
  } else if (dotDecimal) {
    whole = dotDecimal[1] ?? '';
    fraction = dotDecimal[2] ?? '';
  } else {
    return null;
  }
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0') || '0');
  return Number.isSafeInteger(cents) ? cents : null;
}

/**
 * Parses a calendar date typed the Dutch way, `dd-mm-jjjj` (`29-11-2026`; also with `/`, `.` or a
 * space between, and a one-digit day or month: `1-7-2031`), or already as `YYYY-MM-DD`, into
 * `YYYY-MM-DD`. Returns `null` when it is no such date or the day does not exist (`30-02-2026`).
 */
export function parseDutchDate(input: string): string | null {
  const value = input.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (iso) return isIsoDate(value) ? value : null;
  const dmy = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$/.exec(value);
  if (!dmy) return null;
  const out = `${dmy[3]}-${(dmy[2] ?? '').padStart(2, '0')}-${(dmy[1] ?? '').padStart(2, '0')}`;
  return isIsoDate(out) ? out : null;
}

/** Writes a `YYYY-MM-DD` date as the form shows and takes it, `dd-mm-jjjj` (`2026-11-29` → `29-11-2026`); anything else unchanged. */
export function isoDateToInput(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : isoDate;
}
