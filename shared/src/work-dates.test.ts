import { describe, expect, it } from 'vitest';
import { firstWorkDate, workDateProblem } from './work-dates.ts';

describe('the date of a time entry', () => {
  it('starts on the day (Europe/Amsterdam) the request was first submitted', () => {
    // 23:30 UTC on 30 November is 00:30 on 1 December in Amsterdam (winter time, UTC+1).
    expect(firstWorkDate('2019-11-30T23:30:00.000Z')).toBe('2019-12-01');
    // 21:30 UTC on 30 June is 23:30 the same day in Amsterdam (summer time, UTC+2).
    expect(firstWorkDate('2019-06-30T21:30:00.000Z')).toBe('2019-06-30');
  });

  it('allows the first day through today, both inclusive', () => {
    expect(workDateProblem('2019-12-01', '2019-12-01', '2019-12-05')).toBeNull();
    expect(workDateProblem('2019-12-05', '2019-12-01', '2019-12-05')).toBeNull();
  });

  it('refuses the day before the request and any day after today', () => {
    expect(workDateProblem('2019-11-30', '2019-12-01', '2019-12-05')).toBe('before-request');
    expect(workDateProblem('2019-12-06', '2019-12-01', '2019-12-05')).toBe('future');
  });
});
