import Holidays from 'date-holidays';

/** The time zone of every working-day rule (DESIGN.md §5). */
const ZONE = 'Europe/Amsterdam';

// Dutch public holidays (type `public` in date-holidays: Nieuwjaar, Pasen, Koningsdag, Hemelvaart,
// Pinksteren, Kerst). Goede Vrijdag and Bevrijdingsdag (`school` there) are not general days off.
const holidays = new Holidays('NL', { types: ['public'] });
const holidayCache = new Map<number, Set<string>>();

function holidaysOf(year: number): Set<string> {
  let set = holidayCache.get(year);
  if (!set) {
    set = new Set(
      holidays
        .getHolidays(year)
        .filter((h) => h.type === 'public')
        .map((h) => h.date.slice(0, 10)),
    );
    holidayCache.set(year, set);
  }
  return set;
}

const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** The wall-clock fields of `instant` in Europe/Amsterdam. */
function local(instant: Date) {
  const p = Object.fromEntries(parts.formatToParts(instant).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, hour: Number(p.hour), minute: Number(p.minute), second: Number(p.second) };
}

/** The instant at wall-clock `hh:mm:ss` on `date` (YYYY-MM-DD) in Europe/Amsterdam. */
function atLocal(date: string, hour: number, minute = 0, second = 0): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d, hour, minute, second);
  // Correct by the zone's offset at the guess; a second pass settles DST edges.
  let t = guess;
  for (let i = 0; i < 2; i++) {
    const l = local(new Date(t));
    const [ly, lm, ld] = l.date.split('-').map(Number) as [number, number, number];
    const shown = Date.UTC(ly, lm - 1, ld, l.hour, l.minute, l.second);
    t += guess - shown;
  }
  return new Date(t);
}

function nextDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** True when `date` (YYYY-MM-DD) is a weekday that is no Dutch public holiday. */
export function isWorkingDay(date: string): boolean {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !holidaysOf(y).has(date);
}

/**
 * `instant` moved forward by `days` working days in Europe/Amsterdam, keeping its wall-clock time:
 * Friday 15:00 + 2 → Tuesday 15:00; Saturday 10:00 + 1 → Monday 10:00; across Dutch public holidays.
 * The triage deadline (regular: 2 working days, urgent: 1).
 */
export function addWorkingDays(instant: Date, days: number): Date {
  const l = local(instant);
  let date = l.date;
  let left = days;
  while (left > 0) {
    date = nextDate(date);
    if (isWorkingDay(date)) left--;
  }
  return atLocal(date, l.hour, l.minute, l.second);
}

/** The hour of the daily digest, Europe/Amsterdam. */
export const DIGEST_HOUR = 8;

/** The first 08:00 Europe/Amsterdam on a working day strictly after `instant`: when a digest goes out. */
export function nextDigestAt(instant: Date): Date {
  let date = local(instant).date;
  for (let i = 0; i < 30; i++) {
    if (isWorkingDay(date)) {
      const at = atLocal(date, DIGEST_HOUR);
      if (at.getTime() > instant.getTime()) return at;
    }
    date = nextDate(date);
  }
  throw new Error('no working day within 30 days');
}
