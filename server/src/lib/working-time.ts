import { easter } from 'date-easter';

/**
 * Working time of the pool (docs/design.md §4): weekdays that are no Dutch public holiday, from
 * `start` to `end` o'clock in Europe/Amsterdam. Every deadline and reminder counted in working
 * days, and the daily digest, are computed here and nowhere else.
 */

/** The time zone of every working-time rule. */
const ZONE = 'Europe/Amsterdam';

/** The working day: minutes after local midnight (Europe/Amsterdam) at which it starts and ends. */
export interface WorkingHours {
  /** Start of the working day, minutes after midnight (08:30 → 510). */
  startMinute: number;
  /** End of the working day, minutes after midnight (17:00 → 1020); an instant at the end is outside. */
  endMinute: number;
}

/**
 * 08:30–17:00 unless `WORKING_DAY_START` / `WORKING_DAY_END` say otherwise. Both must lie between
 * 05:00 and 22:00 (config.ts), clear of the night hour that summer time skips or repeats.
 */
export const DEFAULT_WORKING_HOURS: WorkingHours = { startMinute: 8 * 60 + 30, endMinute: 17 * 60 };

/**
 * The Dutch public holidays of `year` (YYYY-MM-DD): Nieuwjaarsdag, Eerste en Tweede Paasdag,
 * Koningsdag, Hemelvaartsdag, Eerste en Tweede Pinksterdag, Eerste en Tweede Kerstdag — the days of
 * type `public` for the Netherlands in `date-holidays`, where Goede Vrijdag and Bevrijdingsdag are
 * `school` days, not general days off. The moveable feasts follow Easter (`date-easter`, by the
 * author of `date-holidays`); Koningsdag is 27 April, 26 April when the 27th is a Sunday (since
 * 2014), and before 2014 Koninginnedag on 30 April, moved to the 29th when that was a Sunday (from
 * 1980) or to 1 May (1949–1979). `date-holidays` itself loads every country's rules and their
 * calendars (~0.3 s of CPU and ~20 MiB at start, decision 074); `working-time.test.ts` checks these
 * days against it for every year from 1950 to 2100.
 */
export function dutchPublicHolidays(year: number): string[] {
  const day = (month: number, date: number) => new Date(Date.UTC(year, month - 1, date));
  const e = easter(year);
  const easterSunday = day(e.month, e.day);
  const afterEaster = (days: number) => new Date(easterSunday.getTime() + days * DAY);
  const sunday = (d: Date) => d.getUTCDay() === 0;
  let kingsDay: Date | null;
  if (year >= 2014) kingsDay = sunday(day(4, 27)) ? day(4, 26) : day(4, 27);
  else if (year >= 1980) kingsDay = sunday(day(4, 30)) ? day(4, 29) : day(4, 30);
  else if (year >= 1949) kingsDay = sunday(day(4, 30)) ? day(5, 1) : day(4, 30);
  else kingsDay = null;
  return [day(1, 1), easterSunday, afterEaster(1), kingsDay, afterEaster(39), afterEaster(49), afterEaster(50), day(12, 25), day(12, 26)]
    .filter((d): d is Date => d !== null)
    .map((d) => d.toISOString().slice(0, 10));
}

const holidayCache = new Map<number, Set<string>>();

function holidaysOf(year: number): Set<string> {
  let set = holidayCache.get(year);
  if (!set) {
    set = new Set(dutchPublicHolidays(year));
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

const HOUR = 3_600_000;
const DAY = 86_400_000;
// Europe/Amsterdam changes its offset only on a full UTC hour, so one lookup per UTC hour is exact.
const offsetCache = new Map<number, number>();

/** The zone's offset from UTC (ms) at UTC instant `t`. */
function offsetAt(t: number): number {
  const hour = Math.floor(t / HOUR);
  let offset = offsetCache.get(hour);
  if (offset === undefined) {
    const p = Object.fromEntries(parts.formatToParts(new Date(hour * HOUR)).map((x) => [x.type, x.value]));
    offset = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second)) - hour * HOUR;
    if (offsetCache.size > 100_000) offsetCache.clear();
    offsetCache.set(hour, offset);
  }
  return offset;
}

/** The wall-clock of `instant` in Europe/Amsterdam: date, and milliseconds after local midnight. */
function local(instant: Date): { date: string; ms: number } {
  const shifted = instant.getTime() + offsetAt(instant.getTime());
  const ms = ((shifted % DAY) + DAY) % DAY;
  return { date: new Date(shifted - ms).toISOString().slice(0, 10), ms };
}

/** The instant at wall-clock `ms` after midnight on `date` (YYYY-MM-DD) in Europe/Amsterdam. */
function atLocal(date: string, ms: number): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d) + ms;
  // Correct by the zone's offset at the guess; a second pass settles the offset of the result.
  let t = guess;
  for (let i = 0; i < 2; i++) {
    const l = local(new Date(t));
    const [ly, lm, ld] = l.date.split('-').map(Number) as [number, number, number];
    t += guess - (Date.UTC(ly, lm - 1, ld) + l.ms);
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

/** The first working day after `date` (YYYY-MM-DD). */
function nextWorkingDay(date: string): string {
  let next = nextDate(date);
  while (!isWorkingDay(next)) next = nextDate(next);
  return next;
}

/**
 * Where working-time arithmetic starts for an event at `instant`: the instant itself during working
 * hours of a working day; otherwise the start of the next working day (before the start on a
 * working day: that day's start). Saturday 14:32 → Monday 08:30; Friday 17:00 → Monday 08:30.
 */
export function startOfWorkingTime(instant: Date, hours: WorkingHours): Date {
  const l = local(instant);
  const start = hours.startMinute * 60_000;
  if (isWorkingDay(l.date)) {
    if (l.ms < start) return atLocal(l.date, start);
    if (l.ms < hours.endMinute * 60_000) return instant;
  }
  return atLocal(nextWorkingDay(l.date), start);
}

/**
 * When something that happened at `instant` is due `days` working days later: counted from
 * `startOfWorkingTime(instant)`, keeping that wall-clock time, across weekends and Dutch public
 * holidays. Friday 15:00 + 2 → Tuesday 15:00; Saturday 14:32 + 2 → Wednesday 08:30. A later event
 * is never due earlier. Used by the triage reminder (regular: 2 working days, urgent: 1).
 *
 * @param days whole working days, ≥ 0 (0: the start of working time itself)
 */
export function addWorkingDays(instant: Date, days: number, hours: WorkingHours): Date {
  const from = startOfWorkingTime(instant, hours);
  const l = local(from);
  let date = l.date;
  for (let left = days; left > 0; left--) date = nextWorkingDay(date);
  return atLocal(date, l.ms);
}

/**
 * Whether `to` lies at or before `addWorkingDays(from, days)` — the same answer, computed on the
 * local calendar without building the deadline instant (see {@link firstWorkingDayLimit}).
 */
export function withinWorkingDays(from: Date, to: Date, days: number, hours: WorkingHours): boolean {
  return firstWorkingDayLimit(from, to, [days], hours) === 0;
}

/**
 * The first of `limits` (whole working days, ascending) within which `to` lies after `from`: the
 * smallest index `i` with `to` at or before `addWorkingDays(from, limits[i])`, or `limits.length`
 * when `to` lies after every one. Computed on the local calendar without building the deadline
 * instants: a deadline is the local time of `startOfWorkingTime(from)` on the n-th working day after
 * its date, and `to` is compared with it as a local (date, time). Exact: a deadline lies within
 * working hours, never in the hour a change of summer time repeats or skips. For reports that
 * bucket every request of a year (each instant is converted once, whatever the number of limits).
 */
export function firstWorkingDayLimit(from: Date, to: Date, limits: readonly number[], hours: WorkingHours): number {
  const f = localDay(from);
  const start = hours.startMinute * 60_000;
  let day: number;
  let ms: number;
  if (isWorkingDayNumber(f.day) && f.ms < hours.endMinute * 60_000) {
    day = f.day;
    ms = Math.max(f.ms, start);
  } else {
    day = nthWorkingDayNumber(f.day, 1);
    ms = start;
  }
  const t = localDay(to);
  for (const [i, days] of limits.entries()) {
    const due = days === 0 ? day : nthWorkingDayNumber(day, days);
    if (t.day < due || (t.day === due && t.ms <= ms)) return i;
  }
  return limits.length;
}

// The same calendar by day number (days since 1970-01-01 on the local calendar), for the reports'
// loops over a year of requests: no date text is built per instant.

/** The local day number of `instant` in Europe/Amsterdam, and milliseconds after local midnight. */
function localDay(instant: Date): { day: number; ms: number } {
  const shifted = instant.getTime() + offsetAt(instant.getTime());
  const day = Math.floor(shifted / DAY);
  return { day, ms: shifted - day * DAY };
}

const workingDayByNumber = new Map<number, boolean>();

/** {@link isWorkingDay} of local day number `day`. */
function isWorkingDayNumber(day: number): boolean {
  let working = workingDayByNumber.get(day);
  if (working === undefined) {
    working = isWorkingDay(new Date(day * DAY).toISOString().slice(0, 10));
    if (workingDayByNumber.size > 50_000) workingDayByNumber.clear();
    workingDayByNumber.set(day, working);
  }
  return working;
}

const nthWorkingDayByNumber = new Map<number, number>();

/** The `n`-th working day (n ≥ 1) after local day number `day`. */
function nthWorkingDayNumber(day: number, n: number): number {
  const key = day * 64 + n;
  let out = n < 64 ? nthWorkingDayByNumber.get(key) : undefined;
  if (out === undefined) {
    out = day;
    for (let left = n; left > 0; left--) {
      out += 1;
      while (!isWorkingDayNumber(out)) out += 1;
    }
    if (n < 64) {
      if (nthWorkingDayByNumber.size > 50_000) nthWorkingDayByNumber.clear();
      nthWorkingDayByNumber.set(key, out);
    }
  }
  return out;
}

/**
 * The first start of a working day strictly after `instant`: when the daily digest of rows parked
 * at `instant` goes out. Friday 07:00 → Friday 08:30; Friday 08:30 or 10:00 → Monday 08:30.
 */
export function nextWorkingDayStart(instant: Date, hours: WorkingHours): Date {
  const start = startOfWorkingTime(instant, hours);
  if (start.getTime() > instant.getTime()) return start;
  // Inside working hours (or exactly at the start): the next working day's start.
  return atLocal(nextWorkingDay(local(instant).date), hours.startMinute * 60_000);
}

/**
 * Parses `HH:MM` (24-hour clock) into minutes after midnight.
 * @returns the minutes, or undefined when `value` is no such time
 */
export function parseClockTime(value: string): number | undefined {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

/**
 * The latest instant whose deadline `days` working days later has come by `now`: for every instant
 * `t`, `addWorkingDays(t, days) ≤ now` exactly when `t ≤ latestDueInstant(now, days)` (the deadline
 * never moves earlier for a later event), to the millisecond. Lets a job compare a whole table's
 * event times with one cut-off instead of computing a deadline per row (decision 064).
 *
 * @param days whole working days, 1 to 10
 */
export function latestDueInstant(now: Date, days: number, hours: WorkingHours): Date {
  if (!Number.isInteger(days) || days < 1 || days > 10) throw new RangeError(`latestDueInstant: days must be 1 to 10, got ${days}`);
  // Invariant: the deadline of `lo` has come, that of `hi` has not (a deadline ≥ 1 working day
  // after `now` itself lies after `now`; ten working days never span more than 60 calendar days).
  let lo = now.getTime() - 60 * DAY;
  let hi = now.getTime();
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (addWorkingDays(new Date(mid), days, hours).getTime() <= now.getTime()) lo = mid;
    else hi = mid;
  }
  return new Date(lo);
}

/**
 * When something that happened at `instant` is due `hours` working hours later: counted from
 * `startOfWorkingTime(instant)` through the working hours of working days only (weekends and Dutch
 * public holidays skipped), in Europe/Amsterdam wall-clock time, so a change to or from summer time
 * neither adds nor takes an hour. With 08:30–17:00: Friday 15:00 + 4 → Monday 10:30. A deadline that
 * falls exactly at the end of a working day stays there. Used by the urgent triage clock (decision 102).
 *
 * @param hours whole working hours, ≥ 1
 */
export function addWorkingHours(instant: Date, hours: number, wh: WorkingHours): Date {
  if (!Number.isInteger(hours) || hours < 1) throw new RangeError(`addWorkingHours: hours must be a whole number ≥ 1, got ${hours}`);
  const from = local(startOfWorkingTime(instant, wh));
  let date = from.date;
  let at = from.ms;
  let left = hours * HOUR;
  const end = wh.endMinute * 60_000;
  while (at + left > end) {
    left -= end - at;
    date = nextWorkingDay(date);
    at = wh.startMinute * 60_000;
  }
  return atLocal(date, at + left);
}

/**
 * The end of the working day (Europe/Amsterdam) on the last working day before `date` (YYYY-MM-DD):
 * when advice for a meeting on `date` is due ("by the day before the meeting"). A meeting on Monday
 * is prepared by Friday's end; on the Tuesday after Easter Monday, by the Friday before (decision 102).
 */
export function endOfLastWorkingDayBefore(date: string, wh: WorkingHours): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  let day = new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
  while (!isWorkingDay(day)) {
    const [yy, mm, dd] = day.split('-').map(Number) as [number, number, number];
    day = new Date(Date.UTC(yy, mm - 1, dd - 1)).toISOString().slice(0, 10);
  }
  return atLocal(day, wh.endMinute * 60_000);
}

/**
 * The latest meeting date (YYYY-MM-DD) whose advice is due by `now`: for every date `d`,
 * `endOfLastWorkingDayBefore(d) ≤ now` exactly when `d ≤ latestMeetingDateDue(now)` (the deadline
 * never moves earlier for a later meeting). Lets the escalation job compare meeting dates with one
 * constant (decision 064).
 */
export function latestMeetingDateDue(now: Date, wh: WorkingHours): string {
  // The deadline of a meeting lies before its day, so a meeting more than a fortnight ahead is never due.
  let day = local(now).date;
  let best = day;
  for (let i = 0; i < 16; i++) {
    if (endOfLastWorkingDayBefore(day, wh).getTime() <= now.getTime()) best = day;
    day = nextDate(day);
  }
  return best;
}
