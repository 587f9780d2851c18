import { describe, expect, it } from 'vitest';
import { amsterdamDate, isIsoDate } from './dates.ts';

describe('isIsoDate', () => {
  it('accepts real dates, leap days included', () => {
    expect(isIsoDate('2019-12-31')).toBe(true);
    expect(isIsoDate('2020-02-29')).toBe(true);
  });
  it('refuses dates that do not exist and other forms', () => {
    expect(isIsoDate('2019-02-30')).toBe(false);
    expect(isIsoDate('2019-02-29')).toBe(false);
    expect(isIsoDate('2019-13-01')).toBe(false);
    expect(isIsoDate('29-11-2026')).toBe(false);
    expect(isIsoDate('2019-1-1')).toBe(false);
  });
});

describe('amsterdamDate', () => {
  it('gives the calendar date in Europe/Amsterdam, not in UTC', () => {
    expect(amsterdamDate(new Date('2019-12-31T23:30:00Z'))).toBe('2020-01-01'); // 00:30 CET
    expect(amsterdamDate(new Date('2019-06-30T22:30:00Z'))).toBe('2019-07-01'); // 00:30 CEST
    expect(amsterdamDate(new Date('2019-06-30T21:30:00Z'))).toBe('2019-06-30');
  });
  it('handles the last Sundays of March and October', () => {
    expect(amsterdamDate(new Date('2019-03-31T00:30:00Z'))).toBe('2019-03-31');
    expect(amsterdamDate(new Date('2019-10-26T22:30:00Z'))).toBe('2019-10-27'); // 00:30 CEST
    expect(amsterdamDate(new Date('2019-10-27T22:59:00Z'))).toBe('2019-10-27'); // 23:59 CET
  });
  it('gives the right date for every hour and every half hour of a year, call after call', () => {
    // The EU rule: summer time (UTC+2) from 01:00 UTC on the last Sunday of March to 01:00 UTC on
    // the last Sunday of October; UTC+1 otherwise. In 2019: 31 March and 27 October.
    const summerFrom = Date.UTC(2019, 2, 31, 1);
    const summerTo = Date.UTC(2019, 9, 27, 1);
    for (let t = Date.UTC(2019, 0, 1); t < Date.UTC(2020, 0, 1); t += 30 * 60_000) {
      const offset = t >= summerFrom && t < summerTo ? 2 : 1;
      const expected = new Date(t + offset * 3_600_000).toISOString().slice(0, 10);
      expect(amsterdamDate(new Date(t))).toBe(expected);
    }
  });
});
