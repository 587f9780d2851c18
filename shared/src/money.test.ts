import { describe, expect, it } from 'vitest';
import { availableCents, entryCostCents, sumCents } from './money.ts';

describe('entryCostCents (docs/design.md §5: minutes × rate / 60, half-up per entry)', () => {
  it('prices whole hours exactly', () => {
    expect(entryCostCents(60, 12500)).toBe(12500);
    expect(entryCostCents(240, 9500)).toBe(38000);
  });
  it('prices 2:30 hours', () => {
    expect(entryCostCents(150, 12500)).toBe(31250);
  });
  it('rounds below half down and from half up', () => {
    expect(entryCostCents(1, 8500)).toBe(142); // 141.666…
    expect(entryCostCents(7, 9500)).toBe(1108); // 1108.333…
    expect(entryCostCents(1, 90)).toBe(2); // 1.5 → 2 (exactly half rounds up)
    expect(entryCostCents(1, 30)).toBe(1); // 0.5 → 1
    expect(entryCostCents(1, 29)).toBe(0); // 0.483…
  });
  it('mirrors a correction exactly (half away from zero)', () => {
    expect(entryCostCents(-1, 90)).toBe(-2);
    expect(entryCostCents(-7, 9500)).toBe(-entryCostCents(7, 9500));
  });
  it('refuses fractional minutes and non-positive rates', () => {
    expect(() => entryCostCents(1.5, 9500)).toThrow(RangeError);
    expect(() => entryCostCents(60, 0)).toThrow(RangeError);
    expect(() => entryCostCents(60, -100)).toThrow(RangeError);
    expect(() => entryCostCents(60, 99.5)).toThrow(RangeError);
  });
  it('sums entry costs rather than pricing summed minutes', () => {
    const perEntry = sumCents([entryCostCents(1, 8500), entryCostCents(1, 8500), entryCostCents(1, 8500)]);
    expect(perEntry).toBe(426);
    expect(entryCostCents(3, 8500)).toBe(425);
  });
});

describe('availableCents', () => {
  it('is allocated − reserved − pending − spent', () => {
    expect(availableCents({ allocatedCents: 12500000, reservedCents: 50000, pendingCents: 31250, spentCents: 100000 })).toBe(12318750);
  });
});

describe('thresholdReached', () => {
  it('uses integer arithmetic and counts exactly the threshold as reached', async () => {
    const { thresholdReached } = await import('./money.ts');
    expect(thresholdReached(6_250_000, 12_500_000, 50)).toBe(true);
    expect(thresholdReached(6_249_999, 12_500_000, 50)).toBe(false);
    expect(thresholdReached(12_500_000, 12_500_000, 100)).toBe(true);
    expect(thresholdReached(12_499_999, 12_500_000, 100)).toBe(false);
    // 1/3 of 100 cents is not 33 %: 33 × 100 < 100 × 33.34 … but ≥ 33.
    expect(thresholdReached(33, 100, 33)).toBe(true);
    expect(thresholdReached(32, 100, 33)).toBe(false);
  });
});
