import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay, nextDigestAt } from './calendar.ts';

describe('working-day calendar (Europe/Amsterdam, Dutch public holidays)', () => {
  it('knows weekends and public holidays', () => {
    expect(isWorkingDay('2019-04-19')).toBe(true); // Goede Vrijdag is no general day off
    expect(isWorkingDay('2019-04-22')).toBe(false); // Tweede paasdag
    expect(isWorkingDay('2019-04-27')).toBe(false); // Koningsdag (a Saturday anyway)
    expect(isWorkingDay('2019-05-30')).toBe(false); // Hemelvaartsdag
    expect(isWorkingDay('2019-06-10')).toBe(false); // Tweede pinksterdag
    expect(isWorkingDay('2019-12-25')).toBe(false);
    expect(isWorkingDay('2019-12-26')).toBe(false);
    expect(isWorkingDay('2019-12-27')).toBe(true);
    expect(isWorkingDay('2019-12-28')).toBe(false); // Saturday
    expect(isWorkingDay('2020-01-01')).toBe(false);
  });

  it('adds working days keeping the wall-clock time', () => {
    // Friday 15:00 (CET) + 2 → Tuesday 15:00
    expect(addWorkingDays(new Date('2019-11-29T14:00:00Z'), 2).toISOString()).toBe('2019-12-03T14:00:00.000Z');
    // Saturday + 1 → Monday
    expect(addWorkingDays(new Date('2019-11-30T09:00:00Z'), 1).toISOString()).toBe('2019-12-02T09:00:00.000Z');
    // Tuesday 24 Dec 10:00 + 1 → Friday 27 Dec (Christmas days skipped)
    expect(addWorkingDays(new Date('2019-12-24T09:00:00Z'), 1).toISOString()).toBe('2019-12-27T09:00:00.000Z');
    // Wednesday before Ascension 2019 + 2 → Monday 3 June (Thu holiday, Fri, weekend)
    expect(addWorkingDays(new Date('2019-05-29T10:00:00Z'), 2).toISOString()).toBe('2019-06-03T10:00:00.000Z');
    // Across the switch to summer time: Friday 29 March 2019 10:00 CET + 1 → Monday 10:00 CEST
    expect(addWorkingDays(new Date('2019-03-29T09:00:00Z'), 1).toISOString()).toBe('2019-04-01T08:00:00.000Z');
  });

  it('sends the digest at 08:00 on the next working day', () => {
    expect(nextDigestAt(new Date('2019-11-29T06:00:00Z')).toISOString()).toBe('2019-11-29T07:00:00.000Z'); // Fri 07:00 → Fri 08:00
    expect(nextDigestAt(new Date('2019-11-29T07:00:00Z')).toISOString()).toBe('2019-12-02T07:00:00.000Z'); // Fri 08:00 → Mon
    expect(nextDigestAt(new Date('2019-12-24T12:00:00Z')).toISOString()).toBe('2019-12-27T07:00:00.000Z');
    expect(nextDigestAt(new Date('2019-07-01T12:00:00Z')).toISOString()).toBe('2019-07-02T06:00:00.000Z'); // summer time
  });
});
