import { describe, expect, it } from 'vitest';
import { formatCents, formatDate, formatDecimal, formatHoursMinutes, formatInstant, formatMinutes, percentage } from './format.ts';

// Intl separates the euro sign with a no-break space.
const nbsp = (s: string) => s.replace(/ /g, '\u00a0');

describe('formatCents', () => {
  it('formats integer cents as Dutch euros', () => {
    expect(formatCents(123456)).toBe(nbsp('€ 1.234,56'));
    expect(formatCents(12500)).toBe(nbsp('€ 125,00'));
    expect(formatCents(12500000)).toBe(nbsp('€ 125.000,00'));
    expect(formatCents(0)).toBe(nbsp('€ 0,00'));
    expect(formatCents(5)).toBe(nbsp('€ 0,05'));
  });
});

describe('formatDecimal', () => {
  it('formats a share with Dutch grouping and at most two decimals', () => {
    expect(formatDecimal(12.5)).toBe('12,5');
    expect(formatDecimal(33.333)).toBe('33,33');
    expect(formatDecimal(1234.567)).toBe('1.234,57');
    expect(formatDecimal(0)).toBe('0');
  });
});

describe('formatMinutes', () => {
  it('formats minutes as h:mm uur', () => {
    expect(formatMinutes(150)).toBe('2:30 uur');
    expect(formatMinutes(45)).toBe('0:45 uur');
    expect(formatMinutes(600)).toBe('10:00 uur');
    expect(formatHoursMinutes(-90)).toBe('-1:30');
  });
});

describe('formatDate and formatInstant', () => {
  it('formats calendar dates as DD-MM-YYYY', () => {
    expect(formatDate('2026-11-29')).toBe('29-11-2026');
    expect(formatDate(null)).toBe('');
  });

  it('formats instants in Europe/Amsterdam, across daylight saving time', () => {
    expect(formatInstant('2026-11-29T13:05:00Z')).toBe('29-11-2026 14:05');
    expect(formatInstant('2019-07-01T22:30:00.000Z')).toBe('02-07-2019 00:30');
  });
});

describe('percentage', () => {
  it('keeps small shares visible to two decimals', () => {
    expect(percentage(5500, 12500000)).toBe(0.04);
    expect(percentage(12500000, 12500000)).toBe(100);
    expect(percentage(1, 0)).toBe(0);
  });
});

describe('formatTimeLeft', () => {
  it('says the time left or passed in words, in minutes, hours or days', async () => {
    const { formatTimeLeft } = await import('./format.ts');
    expect(formatTimeLeft(30 * 60_000, 'nl')).toBe('over 30 minuten');
    expect(formatTimeLeft(3 * 3_600_000, 'nl')).toBe('over 3 uur');
    expect(formatTimeLeft(-2 * 86_400_000, 'nl')).toBe('2 dagen geleden');
    expect(formatTimeLeft(5 * 3_600_000, 'en')).toBe('in 5 hours');
  });
});
