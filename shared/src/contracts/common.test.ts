import { describe, expect, it } from 'vitest';
import { decimalInteger, IsoDateSchema } from './common.ts';

const messages = (r: { error?: { issues: { message: string }[] } | undefined }) => r.error?.issues.map((i) => i.message) ?? [];

describe('a calendar date', () => {
  it('names one reason: its form, its range of years, or that the day does not exist', () => {
    expect(messages(IsoDateSchema.safeParse('2026-12-01'))).toEqual([]);
    expect(messages(IsoDateSchema.safeParse('20x6-01-01'))).toEqual(['verwacht een datum als JJJJ-MM-DD']);
    expect(messages(IsoDateSchema.safeParse('9999-12-31'))).toEqual(['ligt buiten de jaren 1900–2999']);
    expect(messages(IsoDateSchema.safeParse('1899-12-31'))).toEqual(['ligt buiten de jaren 1900–2999']);
    expect(messages(IsoDateSchema.safeParse('2019-02-29'))).toEqual(['deze datum bestaat niet']);
    expect(messages(IsoDateSchema.safeParse('2020-02-29'))).toEqual([]);
  });
});

describe('a whole number in a URL', () => {
  it('names its range when it lies outside it', () => {
    const threshold = decimalInteger(5, 100);
    expect(messages(threshold.safeParse('4'))).toEqual(['verwacht een geheel getal van 5 tot en met 100']);
    expect(messages(threshold.safeParse('101'))).toEqual(['verwacht een geheel getal van 5 tot en met 100']);
    expect(messages(threshold.safeParse('5'))).toEqual([]);
  });
});
