import { describe, expect, it } from 'vitest';
import { isoDateToInput, parseDuration, parseDutchDate, parseEuros } from './input.ts';

describe('parseDuration', () => {
  it('reads hours and minutes, decimal hours and whole hours as the same minutes', () => {
    expect(parseDuration('4:30')).toBe(4 * 60 + 30);
    expect(parseDuration('4,5')).toBe(4 * 60 + 30);
    expect(parseDuration('4.5')).toBe(4 * 60 + 30);
    expect(parseDuration('4')).toBe(4 * 60);
    expect(parseDuration(' 4:00 ')).toBe(240);
    expect(parseDuration('0:05')).toBe(5);
    expect(parseDuration('1:30 uur')).toBe(90);
    expect(parseDuration('2,5 u')).toBe(150);
    expect(parseDuration('2h')).toBe(120);
    expect(parseDuration('0,25')).toBe(15);
    expect(parseDuration(',75')).toBe(45);
    expect(parseDuration('744')).toBe(744 * 60);
  });

  it('rounds decimal hours to the nearest minute', () => {
    // 0,01 h = 0,6 min; 4,33 h = 259,8 min; 0,99 h = 59,4 min.
    expect(parseDuration('0,01')).toBe(1);
    expect(parseDuration('4,33')).toBe(260);
    expect(parseDuration('0,99')).toBe(59);
  });

  it('refuses anything else', () => {
    for (const input of ['', '2:60', '2,555', '-1', '-0:30', 'abc', '1234', '4,', '4:5', '1.234,5', '4 30']) {
      expect(parseDuration(input), input).toBeNull();
    }
  });
});

describe('parseEuros', () => {
  it('reads Dutch amounts, with or without thousands separators, as integer cents', () => {
    expect(parseEuros('1.234,56')).toBe(123456);
    expect(parseEuros('1234,56')).toBe(123456);
    expect(parseEuros('€ 1.234.567')).toBe(123456700);
    expect(parseEuros('125')).toBe(12500);
    expect(parseEuros('80,5')).toBe(8050);
    expect(parseEuros('125.50')).toBe(12550);
  });

  it('refuses what is not an amount', () => {
    for (const input of ['', '1,234', '12.34.56', '-5', '1.23,4', 'tien', '1,2,3']) expect(parseEuros(input), input).toBeNull();
  });
});

describe('parseDutchDate', () => {
  it('reads dd-mm-jjjj (and the same with other separators or one digit) as YYYY-MM-DD', () => {
    expect(parseDutchDate('29-11-2026')).toBe('2026-11-29');
    expect(parseDutchDate('1-7-2031')).toBe('2031-07-01');
    expect(parseDutchDate('01/07/2031')).toBe('2031-07-01');
    expect(parseDutchDate('01.07.2031')).toBe('2031-07-01');
    expect(parseDutchDate(' 2031-07-01 ')).toBe('2031-07-01');
  });

  it('refuses days that do not exist and other shapes', () => {
    for (const input of ['', '30-02-2026', '2026-02-30', '29-11-26', '11/29', 'morgen', '32-01-2026']) expect(parseDutchDate(input), input).toBeNull();
  });

  it('writes a date back as the form takes it', () => {
    expect(isoDateToInput('2026-11-29')).toBe('29-11-2026');
    expect(parseDutchDate(isoDateToInput('2031-07-01'))).toBe('2031-07-01');
  });
});
