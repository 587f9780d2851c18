import { describe, expect, it } from 'vitest';
import { centsToInput, parseCorrectionMinutes, parseEuros, parsePercentList } from './parse-input.ts';

describe('parseEuros', () => {
  it('reads Dutch amounts as integer cents', () => {
    expect(parseEuros('125,00')).toBe(12500);
    expect(parseEuros('125')).toBe(12500);
    expect(parseEuros('80,5')).toBe(8050);
    expect(parseEuros('0,05')).toBe(5);
    expect(parseEuros('1.234,56')).toBe(123456);
    expect(parseEuros('€ 150.000')).toBe(15000000);
    expect(parseEuros(' 95,10 ')).toBe(9510);
  });

  it('reads a single dot with one or two decimals as a decimal point', () => {
    expect(parseEuros('125.50')).toBe(12550);
    expect(parseEuros('1.234')).toBe(123400);
  });

  it('refuses what is not an amount', () => {
    expect(parseEuros('')).toBeNull();
    expect(parseEuros('abc')).toBeNull();
    expect(parseEuros('12,345')).toBeNull();
    expect(parseEuros('-10,00')).toBeNull();
    expect(parseEuros('1,2,3')).toBeNull();
    expect(parseEuros('12.34.5')).toBeNull();
  });
});

describe('parseCorrectionMinutes', () => {
  it('always gives negative minutes', () => {
    expect(parseCorrectionMinutes('0:30')).toBe(-30);
    expect(parseCorrectionMinutes('-1:15')).toBe(-75);
    expect(parseCorrectionMinutes('2')).toBe(-120);
  });

  it('refuses zero and nonsense', () => {
    expect(parseCorrectionMinutes('0:00')).toBeNull();
    expect(parseCorrectionMinutes('1:75')).toBeNull();
    expect(parseCorrectionMinutes('')).toBeNull();
  });
});

describe('parsePercentList', () => {
  it('reads a list of percentages, sorted and unique', () => {
    expect(parsePercentList('90, 50, 75')).toEqual([50, 75, 90]);
    expect(parsePercentList('50 % 75 %')).toEqual([50, 75]);
    expect(parsePercentList('80;80')).toEqual([80]);
  });

  it('refuses out-of-range or non-numbers', () => {
    expect(parsePercentList('')).toBeNull();
    expect(parsePercentList('0, 50')).toBeNull();
    expect(parsePercentList('101')).toBeNull();
    expect(parsePercentList('half')).toBeNull();
  });
});

describe('centsToInput', () => {
  it('writes cents as a typed Dutch amount', () => {
    expect(centsToInput(12500)).toBe('125,00');
    expect(centsToInput(5)).toBe('0,05');
    expect(parseEuros(centsToInput(123456))).toBe(123456);
  });
});
