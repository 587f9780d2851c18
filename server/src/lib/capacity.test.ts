import { describe, expect, it } from 'vitest';
import { mondayOf, weekCapacity, workingDaysInMonth } from './capacity.ts';

describe('capacity per week', () => {
  it('counts the working days of a month without weekends and public holidays', () => {
    expect(workingDaysInMonth('2026-12-15')).toBe(22); // 23 weekdays less Christmas Friday 25 (26 is a Saturday)
    expect(workingDaysInMonth('2026-11-02')).toBe(21);
    expect(workingDaysInMonth('2026-04-01')).toBe(20); // 22 weekdays less Easter Monday and King's Day
  });

  it('finds the Monday of a week', () => {
    expect(mondayOf('2026-12-01')).toBe('2026-11-30');
    expect(mondayOf('2026-11-30')).toBe('2026-11-30');
    expect(mondayOf('2026-12-06')).toBe('2026-11-30');
  });

  it('spreads the monthly capacity over the working days, less holidays and absences', () => {
    // 2,200 minutes a month, 22 working days in December 2026: 100 a day.
    expect(weekCapacity(2200, '2026-12-07', [])).toEqual({ capacityMinutes: 500, absentDays: 0 });
    // Christmas week: Friday 25 is a holiday.
    expect(weekCapacity(2200, '2026-12-21', [])).toEqual({ capacityMinutes: 400, absentDays: 0 });
    expect(weekCapacity(2200, '2026-12-07', [{ startsOn: '2026-12-09', endsOn: '2026-12-13' }])).toEqual({ capacityMinutes: 200, absentDays: 3 });
  });

  it('a week across two months takes each day’s share from its own month', () => {
    // Mon 30 Nov 2026 (November: 21 working days), Tue 1 – Fri 4 Dec (December: 22).
    expect(weekCapacity(2200, '2026-11-30', [])).toEqual({ capacityMinutes: Math.floor(2200 / 21 + 4 * (2200 / 22)), absentDays: 0 });
  });
});
