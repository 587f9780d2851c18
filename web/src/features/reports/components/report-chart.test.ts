import { describe, expect, it } from 'vitest';
import { axisOf } from './report-chart.tsx';

const plain = (s: string) => s.replace(/\u00a0/g, ' ');

describe('the axis of a report chart', () => {
  it('reads money in whole euros and work in whole hours, not in cents and minutes', () => {
    const money = axisOf('cents', 'uur');
    expect(1_400_000 / money.scale).toBe(14_000);
    expect(plain(money.tick(14_000))).toBe('€ 14.000');
    const work = axisOf('minutes', 'uur');
    expect(9_000 / work.scale).toBe(150);
    expect(work.tick(150)).toBe('150 uur');
    expect(axisOf('minutes', 'h').tick(2_500)).toBe('2.500 h');
  });

  it('reads counts and shares as whole numbers', () => {
    expect(axisOf('count', 'uur')).toMatchObject({ scale: 1 });
    expect(axisOf('count', 'uur').tick(12_500)).toBe('12.500');
    expect(axisOf('percent', 'uur').tick(40)).toBe('40 %');
  });
});
