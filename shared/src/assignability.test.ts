import { describe, expect, it } from 'vitest';
import { addDays, assignabilityDate, notAssignableReasons, SCREENING_VALIDITY_YEARS, screeningValidUntil } from './assignability.ts';

describe('screeningValidUntil', () => {
  it(`is the day before the ${SCREENING_VALIDITY_YEARS}rd anniversary`, () => {
    expect(SCREENING_VALIDITY_YEARS).toBe(3);
    expect(screeningValidUntil('2024-03-15')).toBe('2027-03-14');
    expect(screeningValidUntil('2025-01-01')).toBe('2027-12-31');
    expect(screeningValidUntil('2023-12-31')).toBe('2026-12-30');
  });

  it('a screening of 29 February has its anniversary on 1 March, so it is valid through 28 February', () => {
    expect(screeningValidUntil('2024-02-29')).toBe('2027-02-28');
    // Into a leap year: the anniversary exists, 29 February is its day before the anniversary's.
    expect(screeningValidUntil('2025-03-01')).toBe('2028-02-29');
  });

  it('refuses what is not a date', () => {
    expect(() => screeningValidUntil('2024-02-30')).toThrow();
  });
});

describe('addDays', () => {
  it('crosses months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2026-03-29', 30)).toBe('2026-04-28');
  });
});

describe('assignabilityDate', () => {
  it('is the meeting date when it lies ahead, else today', () => {
    expect(assignabilityDate('2026-12-10', '2026-12-01')).toBe('2026-12-10');
    expect(assignabilityDate('2026-11-10', '2026-12-01')).toBe('2026-12-01');
    expect(assignabilityDate(null, '2026-12-01')).toBe('2026-12-01');
    expect(assignabilityDate(undefined, '2026-12-01')).toBe('2026-12-01');
  });
});

describe('notAssignableReasons', () => {
  const valid = { screeningValidUntil: screeningValidUntil('2025-06-01'), absences: [], hasRate: true };

  it('has no reason for a screened, present specialist with a rate', () => {
    expect(notAssignableReasons(valid, '2026-12-01')).toEqual([]);
  });

  it('the screening counts on its last valid day and not the day after (inclusive)', () => {
    const last = screeningValidUntil('2025-06-01');
    expect(last).toBe('2028-05-31');
    expect(notAssignableReasons(valid, last)).toEqual([]);
    expect(notAssignableReasons(valid, addDays(last, 1))).toEqual(['screening-expired']);
  });

  it('no screening recorded is no valid screening', () => {
    expect(notAssignableReasons({ ...valid, screeningValidUntil: null }, '2026-12-01')).toEqual(['screening-expired']);
  });

  it('an absence counts on its first and last day, not around them', () => {
    const absences = [{ startsOn: '2026-12-07', endsOn: '2026-12-11' }];
    expect(notAssignableReasons({ ...valid, absences }, '2026-12-06')).toEqual([]);
    expect(notAssignableReasons({ ...valid, absences }, '2026-12-07')).toEqual(['specialist-absent']);
    expect(notAssignableReasons({ ...valid, absences }, '2026-12-11')).toEqual(['specialist-absent']);
    expect(notAssignableReasons({ ...valid, absences }, '2026-12-12')).toEqual([]);
  });

  it('lists every reason, in a fixed order', () => {
    const facts = { screeningValidUntil: '2026-11-30', absences: [{ startsOn: '2026-12-01', endsOn: '2026-12-01' }], hasRate: false };
    expect(notAssignableReasons(facts, '2026-12-01')).toEqual(['screening-expired', 'specialist-absent', 'no-rate']);
  });
});
