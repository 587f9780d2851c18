import Holidays from 'date-holidays';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  DEFAULT_WORKING_HOURS,
  dutchPublicHolidays,
  firstWorkingDayLimit,
  isWorkingDay,
  latestDueInstant,
  nextWorkingDayStart,
  parseClockTime,
  startOfWorkingTime,
  withinWorkingDays,
} from './working-time.ts';

const H = DEFAULT_WORKING_HOURS;
const AMS = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
/** `YYYY-MM-DD HH:MM` in Europe/Amsterdam. */
const ams = (d: Date) => {
  const p = Object.fromEntries(AMS.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
};
/** The rule's own notion of a working instant: a weekday, no Dutch public holiday, 08:30 ≤ time < 17:00. */
const publicHolidays = new Holidays('NL', { types: ['public'] });
const workdays = new Map<string, boolean>();
function workday(date: string): boolean {
  const known = workdays.get(date);
  if (known !== undefined) return known;
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  const holiday = (publicHolidays.isHoliday(new Date(`${date}T12:00:00Z`)) || []).some((h) => h.type === 'public');
  const is = weekday >= 1 && weekday <= 5 && !holiday;
  workdays.set(date, is);
  return is;
}
function inWorkingTime(d: Date): boolean {
  const [date, time] = ams(d).split(' ') as [string, string];
  return workday(date) && time >= '08:30' && time < '17:00';
}
/** Working days after `from` up to and including `to` (dates YYYY-MM-DD). */
function workdaysBetween(from: string, to: string): number {
  let n = 0;
  for (let t = Date.parse(`${from}T12:00:00Z`) + 86_400_000; t <= Date.parse(`${to}T12:00:00Z`); t += 86_400_000) {
    if (workday(new Date(t).toISOString().slice(0, 10))) n++;
  }
  return n;
}

describe('working days (Europe/Amsterdam, Dutch public holidays)', () => {
  it('has the public holidays of the Netherlands that date-holidays has, every year from 1950 to 2100', () => {
    for (let year = 1950; year <= 2100; year++) {
      const expected = publicHolidays
        .getHolidays(year)
        .filter((h) => h.type === 'public')
        .map((h) => h.date.slice(0, 10));
      expect(dutchPublicHolidays(year).sort(), String(year)).toEqual([...new Set(expected)].sort());
    }
  });

  it('knows weekends and public holidays', () => {
    expect(isWorkingDay('2019-04-19')).toBe(true); // Goede Vrijdag is no general day off
    expect(isWorkingDay('2019-04-22')).toBe(false); // Tweede paasdag
    expect(isWorkingDay('2019-05-30')).toBe(false); // Hemelvaartsdag
    expect(isWorkingDay('2019-06-10')).toBe(false); // Tweede pinksterdag
    expect(isWorkingDay('2019-12-25')).toBe(false);
    expect(isWorkingDay('2019-12-26')).toBe(false);
    expect(isWorkingDay('2019-12-27')).toBe(true);
    expect(isWorkingDay('2019-12-28')).toBe(false); // Saturday
    expect(isWorkingDay('2020-01-01')).toBe(false);
    expect(isWorkingDay('2022-04-27')).toBe(false); // Koningsdag on a Wednesday
  });
});

describe('working-time deadlines start at the next working day when the event is outside working hours', () => {
  it('reminds of a request submitted on Saturday 14:32 after one submitted on Friday 16:32 (the reported case)', () => {
    const friday = addWorkingDays(new Date('2019-11-29T15:32:00Z'), 2, H); // Fri 16:32 CET
    const saturday = addWorkingDays(new Date('2019-11-30T13:32:00Z'), 2, H); // Sat 14:32 CET
    expect(ams(friday)).toBe('2019-12-03 16:32'); // Tuesday 16:32
    expect(ams(saturday)).toBe('2019-12-04 08:30'); // Monday 08:30 + 2 working days
    expect(saturday.getTime()).toBeGreaterThan(friday.getTime());
  });

  it('counts from the start of the next working day after hours, before hours, at the end of the day, over holidays', () => {
    expect(ams(startOfWorkingTime(new Date('2019-11-29T05:00:00Z'), H))).toBe('2019-11-29 08:30'); // Fri 06:00
    expect(ams(startOfWorkingTime(new Date('2019-11-29T10:00:00Z'), H))).toBe('2019-11-29 11:00'); // inside
    expect(ams(startOfWorkingTime(new Date('2019-11-29T16:00:00Z'), H))).toBe('2019-12-02 08:30'); // Fri 17:00 is outside
    expect(ams(startOfWorkingTime(new Date('2019-12-24T17:00:00Z'), H))).toBe('2019-12-27 08:30'); // Christmas skipped
    expect(ams(addWorkingDays(new Date('2019-11-29T14:00:00Z'), 2, H))).toBe('2019-12-03 15:00'); // Fri 15:00 + 2
    expect(ams(addWorkingDays(new Date('2019-05-29T10:00:00Z'), 2, H))).toBe('2019-06-03 12:00'); // Wed + 2 over Ascension
    // Across the switch to summer time: Friday 29 March 2019 10:00 CET + 1 → Monday 10:00 CEST.
    expect(addWorkingDays(new Date('2019-03-29T09:00:00Z'), 1, H).toISOString()).toBe('2019-04-01T08:00:00.000Z');
    // Working hours from the configuration.
    expect(ams(addWorkingDays(new Date('2019-11-30T13:32:00Z'), 1, { startMinute: 9 * 60, endMinute: 18 * 60 }))).toBe('2019-12-03 09:00');
  });

  it('sends the digest at the start of the next working day', () => {
    expect(ams(nextWorkingDayStart(new Date('2019-11-29T06:00:00Z'), H))).toBe('2019-11-29 08:30'); // Fri 07:00
    expect(ams(nextWorkingDayStart(new Date('2019-11-29T07:30:00Z'), H))).toBe('2019-12-02 08:30'); // Fri 08:30 exactly
    expect(ams(nextWorkingDayStart(new Date('2019-11-29T20:00:00Z'), H))).toBe('2019-12-02 08:30'); // Fri evening
    expect(ams(nextWorkingDayStart(new Date('2019-12-24T12:00:00Z'), H))).toBe('2019-12-27 08:30');
    expect(nextWorkingDayStart(new Date('2019-07-01T12:00:00Z'), H).toISOString()).toBe('2019-07-02T06:30:00.000Z'); // summer time
  });

  it('parses HH:MM working hours', () => {
    expect(parseClockTime('08:30')).toBe(510);
    expect(parseClockTime('17:00')).toBe(1020);
    for (const bad of ['8:30', '24:00', '08:60', '08:30 ', 'x']) expect(parseClockTime(bad)).toBeUndefined();
  });
});

describe('working-time properties over every weekday, hour, public holiday and both DST changes', () => {
  // Days that matter: a full ordinary week, every Dutch public holiday with the days around it, and
  // the weekends of both DST changes, over several years (2019–2027).
  const days: string[] = [];
  const add = (d: Date) => days.push(d.toISOString().slice(0, 10));
  for (let y = 2019; y <= 2027; y++) {
    for (const h of publicHolidays.getHolidays(y).filter((x) => x.type === 'public')) {
      const at = new Date(`${h.date.slice(0, 10)}T12:00:00Z`);
      for (let k = -3; k <= 3; k++) add(new Date(at.getTime() + k * 86_400_000));
    }
    for (const month of [2, 9]) {
      // The last Sunday of March and of October, with the week around it.
      const last = new Date(Date.UTC(y, month + 1, 0, 12));
      last.setUTCDate(last.getUTCDate() - last.getUTCDay());
      for (let k = -4; k <= 3; k++) add(new Date(last.getTime() + k * 86_400_000));
    }
  }
  for (let k = 0; k < 7; k++) add(new Date(Date.UTC(2019, 10, 25 + k, 12)));
  const dayList = [...new Set(days)].sort();
  /** An instant on one of those days at any minute (00:00–23:59, the repeated and skipped DST hour included). */
  const instant = fc
    .record({ day: fc.constantFrom(...dayList), minute: fc.integer({ min: -120, max: 24 * 60 + 120 }), second: fc.integer({ min: 0, max: 59 }) })
    .map(({ day, minute, second }) => new Date(Date.parse(`${day}T00:00:00Z`) - 3_600_000 + minute * 60_000 + second * 1000));
  const workingDays = fc.integer({ min: 0, max: 5 });

  it('withinWorkingDays answers as comparing with addWorkingDays, also at the deadline itself and a millisecond after', () => {
    fc.assert(
      fc.property(instant, instant, workingDays, (from, to, n) => {
        const due = addWorkingDays(from, n, H);
        expect(withinWorkingDays(from, to, n, H), `${ams(from)} + ${n} vs ${ams(to)}`).toBe(to.getTime() <= due.getTime());
        expect(withinWorkingDays(from, due, n, H)).toBe(true);
        expect(withinWorkingDays(from, new Date(due.getTime() + 1), n, H)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('firstWorkingDayLimit names the first limit withinWorkingDays holds for, or none', () => {
    const limits = fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 4 }).map((xs) => xs.sort((a, b) => a - b));
    fc.assert(
      fc.property(instant, instant, limits, (from, to, ls) => {
        const first = ls.findIndex((n) => to.getTime() <= addWorkingDays(from, n, H).getTime());
        expect(firstWorkingDayLimit(from, to, ls, H), `${ams(from)} vs ${ams(to)} within ${ls}`).toBe(first === -1 ? ls.length : first);
      }),
      { numRuns: 2000 },
    );
  });

  it('a later event is never due earlier (monotonic), for every number of working days', () => {
    fc.assert(
      fc.property(instant, instant, workingDays, (a, b, n) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(addWorkingDays(late, n, H).getTime()).toBeGreaterThanOrEqual(addWorkingDays(early, n, H).getTime());
        expect(nextWorkingDayStart(late, H).getTime()).toBeGreaterThanOrEqual(nextWorkingDayStart(early, H).getTime());
      }),
      { numRuns: 1000 },
    );
  });

  it('a minute later is never due earlier, across every day of the chosen weeks, minute by minute around the hours', () => {
    for (const day of dayList) {
      let previous = -Infinity;
      // Every 15 minutes through the local day and a little beyond it, on both sides of each DST hour.
      for (let m = -90; m <= 24 * 60 + 90; m += 15) {
        const due = addWorkingDays(new Date(Date.parse(`${day}T00:00:00Z`) + m * 60_000), 1, H).getTime();
        expect(due).toBeGreaterThanOrEqual(previous);
        previous = due;
      }
    }
  }, 30_000);

  it('is due inside working time, on a working day, never before the event, and n working days after an event inside working time', () => {
    fc.assert(
      fc.property(instant, workingDays, (t, n) => {
        const due = addWorkingDays(t, n, H);
        expect(inWorkingTime(due), `${ams(t)} + ${n} → ${ams(due)}`).toBe(true);
        expect(due.getTime()).toBeGreaterThanOrEqual(t.getTime());
        const start = startOfWorkingTime(t, H);
        expect(inWorkingTime(start)).toBe(true);
        if (inWorkingTime(t)) expect(start.getTime()).toBe(t.getTime());
        // The wall-clock time of the start is kept, exactly n working days later.
        expect(ams(due).slice(11)).toBe(ams(start).slice(11));
        expect(workdaysBetween(ams(start).slice(0, 10), ams(due).slice(0, 10))).toBe(n);
        const digest = nextWorkingDayStart(t, H);
        expect(ams(digest).slice(11)).toBe('08:30');
        expect(inWorkingTime(digest)).toBe(true);
        expect(digest.getTime()).toBeGreaterThan(t.getTime());
      }),
      { numRuns: 1000 },
    );
  }, 30_000);

  it('the cut-off of a set-based job: an event is due by now exactly when it is at or before latestDueInstant', () => {
    const dueDays = fc.integer({ min: 1, max: 3 });
    fc.assert(
      fc.property(instant, instant, dueDays, (now, event, n) => {
        const cut = latestDueInstant(now, n, H);
        const due = addWorkingDays(event, n, H).getTime() <= now.getTime();
        expect(due, `${ams(event)} + ${n} by ${ams(now)}, cut-off ${cut.toISOString()}`).toBe(event.getTime() <= cut.getTime());
        // The cut-off is the boundary itself: due at it, not due a millisecond later.
        expect(addWorkingDays(cut, n, H).getTime()).toBeLessThanOrEqual(now.getTime());
        expect(addWorkingDays(new Date(cut.getTime() + 1), n, H).getTime()).toBeGreaterThan(now.getTime());
      }),
      { numRuns: 500 },
    );
  }, 30_000);
});
