import { TIME_ZONE } from '@duidingspool/shared';
import { i18next } from './i18n.ts';

// Every Intl formatter is made on its first use and kept, one per locale and options: building one
// costs far more than using it, and the first of a page loads the browser's ICU data (tens of
// milliseconds on a phone), which a page that shows no amount or time should not pay when this
// module is evaluated (docs/decisions/070-a-light-spa.md).
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();

/** The cached formatter made by `make` under `key` (locale and options). */
function cached<F extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(key: string, make: () => F): F {
  let format = formatters.get(key) as F | undefined;
  if (!format) {
    format = make();
    formatters.set(key, format);
  }
  return format;
}

const currency = () => cached('currency', () => new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' }));
const integer = () => cached('integer', () => new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 }));
const decimal = () => cached('decimal', () => new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 }));
const instantParts = () =>
  cached(
    'instant',
    () =>
      new Intl.DateTimeFormat('nl-NL', {
        timeZone: TIME_ZONE,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }),
  );

/** Formats integer euro cents as Dutch currency, e.g. `123456` → `€ 1.234,56`. */
export function formatCents(cents: number): string {
  // Division happens only here, for display: arithmetic stays in integer cents.
  return currency().format(cents / 100);
}

/** Formats euros (not cents) rounded to whole euros, for a chart's axis: `14000` → `€ 14.000`. */
export function formatWholeEuros(euros: number): string {
  return cached('wholeEuros', () => new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 })).format(euros);
}

/** Formats integer minutes as hours and minutes, e.g. `150` → `2:30`. */
export function formatHoursMinutes(minutes: number): string {
  const sign = minutes < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(minutes));
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  return `${sign}${h}:${String(m).padStart(2, '0')}`;
}

/** Formats integer minutes as a duration with the unit of the UI's language, e.g. `150` → `2:30 uur` (English: `2:30 h`). */
export function formatMinutes(minutes: number): string {
  return `${formatHoursMinutes(minutes)} ${i18next.t('format.hoursUnit')}`;
}

/** Names a month `YYYY-MM` in the UI's language, e.g. `2026-03` → `maart 2026` (English: `March 2026`); anything else unchanged. */
export function formatMonth(month: string): string {
  if (!/^\d{4}-\d{2}$/.test(month)) return month;
  const locale = i18next.language?.startsWith('en') ? 'en-GB' : 'nl-NL';
  const format = cached(`month ${locale}`, () => new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }));
  return format.format(new Date(`${month}-01T00:00:00Z`));
}

/** Formats a calendar date `YYYY-MM-DD` as `DD-MM-YYYY`; anything else is returned unchanged. */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!m) return isoDate;
  return `${m[3]}-${m[2]}-${m[1]}`;
}

/** Formats an ISO instant in Europe/Amsterdam as `DD-MM-YYYY HH:mm`. */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts: Record<string, string> = {};
  for (const p of instantParts().formatToParts(date)) parts[p.type] = p.value;
  return `${parts.day}-${parts.month}-${parts.year} ${parts.hour}:${parts.minute}`;
}

/** Formats a whole number with Dutch digit grouping, e.g. `12500` → `12.500`. */
export function formatInteger(value: number): string {
  return integer().format(value);
}

/** Formats a number with Dutch digit grouping and at most two decimals, e.g. `12.5` → `12,5`. */
export function formatDecimal(value: number): string {
  return decimal().format(value);
}

/** Durations are read by the one rule in shared (`4:30`, `4,5`, `4` → minutes); re-exported for the forms. */
export { parseDuration } from '@duidingspool/shared';

/** The share of `part` in `total` as a percentage, to two decimals (0 when the total is 0). */
export function percentage(part: number, total: number): number {
  if (total <= 0) return 0;
  return Math.round((part / total) * 10000) / 100;
}

/**
 * Time left until (positive `ms`) or since (negative) a deadline, in words in `language`:
 * minutes under an hour, hours under two days, else days. `nl`: `over 3 uur`, `2 dagen geleden`.
 */
export function formatTimeLeft(ms: number, language: string): string {
  const locale = language === 'en' ? 'en' : 'nl';
  const rtf = cached(`relative ${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'always' }));
  const minutes = ms / 60_000;
  if (Math.abs(minutes) < 60) return rtf.format(Math.trunc(minutes), 'minute');
  const hours = minutes / 60;
  if (Math.abs(hours) < 48) return rtf.format(Math.trunc(hours), 'hour');
  return rtf.format(Math.trunc(hours / 24), 'day');
}
