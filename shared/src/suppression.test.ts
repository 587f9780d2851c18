import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decisionValue, equations, type PublishedCell, type SuppressedTable, suppressCount, suppressList, suppressTable } from './suppression.ts';

/**
 * What a reader can solve from a published table: every published figure, the label of a small
 * cell (1 … threshold − 1), hidden cells ≥ 0, and the row/column/total equations. For each hidden
 * cell it finds an integer solution of the whole system, then searches for another solution with
 * that cell below, or above, the value found. Returns, per hidden grid cell, the values seen: two
 * prove the cell cannot be derived; one means the reader can solve it (the search is exhaustive
 * within the box 0 … grand total + threshold, by branching with interval propagation).
 */
function solveHidden(truth: number[][], published: SuppressedTable): Map<string, Set<number>> {
  const rows = truth.length;
  const cols = truth[0]?.length ?? 0;
  const grid = truth.map((r) => [...r, r.reduce((a, b) => a + b, 0)]);
  grid.push(Array.from({ length: cols + 1 }, (_, j) => grid.reduce((a, r) => a + (r[j] ?? 0), 0)));
  const cellAt = (i: number, j: number): PublishedCell => {
    if (i < rows && j < cols) return published.cells[i]?.[j] as PublishedCell;
    if (i < rows) return published.rowTotals[i] as PublishedCell;
    if (j < cols) return published.columnTotals[j] as PublishedCell;
    return published.total;
  };
  const cap = (grid[rows]?.[cols] ?? 0) + published.threshold;
  const box = new Map<string, [number, number]>();
  for (let i = 0; i <= rows; i++)
    for (let j = 0; j <= cols; j++) {
      const c = cellAt(i, j);
      const key = `${i},${j}`;
      if (c.kind === 'value') box.set(key, [c.value, c.value]);
      else if (c.kind === 'small') box.set(key, [1, c.below - 1]);
      else box.set(key, [0, cap]);
    }
  const lines = equations(rows, cols).map((line) => line.map(([i, j, a]) => ({ key: `${i},${j}`, a })));
  let nodes = 0;

  /** Tightens the intervals from each equation to a fixed point; false when one becomes empty. */
  const propagate = (b: Map<string, [number, number]>): boolean => {
    for (let changed = true; changed; ) {
      changed = false;
      for (const line of lines) {
        for (const t of line) {
          let min = 0;
          let max = 0;
          for (const u of line) {
            if (u === t) continue;
            const [lo, hi] = b.get(u.key) as [number, number];
            min += u.a > 0 ? lo : -hi;
            max += u.a > 0 ? hi : -lo;
          }
          // t.a·x + others = 0
          const from = t.a > 0 ? -max : min;
          const to = t.a > 0 ? -min : max;
          const [lo, hi] = b.get(t.key) as [number, number];
          const nlo = Math.max(lo, from);
          const nhi = Math.min(hi, to);
          if (nlo > nhi) return false;
          if (nlo !== lo || nhi !== hi) {
            b.set(t.key, [nlo, nhi]);
            changed = true;
          }
        }
      }
    }
    return true;
  };
  const find = (b: Map<string, [number, number]>): Map<string, number> | undefined => {
    if (++nodes > 500_000) throw new Error('solver budget exceeded');
    if (!propagate(b)) return undefined;
    let pick: string | undefined;
    let width = Number.POSITIVE_INFINITY;
    for (const [k, [lo, hi]] of b)
      if (hi > lo && hi - lo < width) {
        pick = k;
        width = hi - lo;
      }
    if (pick === undefined) return new Map([...b].map(([k, [lo]]) => [k, lo]));
    const [lo, hi] = b.get(pick) as [number, number];
    for (let x = lo; x <= hi; x++) {
      const found = find(new Map(b).set(pick, [x, x]));
      if (found) return found;
    }
    return undefined;
  };
  const seen = new Map<string, Set<number>>();
  const first = find(new Map(box));
  if (!first) throw new Error('the published table has no solution: it lies');
  for (const [key, c] of box) {
    if (c[0] === c[1] && cellAt(...(key.split(',').map(Number) as [number, number])).kind === 'value') continue;
    const v = first.get(key) as number;
    const values = new Set([v]);
    const below = find(new Map(box).set(key, [c[0], v - 1]));
    if (below) values.add(below.get(key) as number);
    else {
      const above = find(new Map(box).set(key, [v + 1, c[1]]));
      if (above) values.add(above.get(key) as number);
    }
    seen.set(key, values);
  }
  return seen;
}

function allPublished(t: SuppressedTable): PublishedCell[] {
  return [...t.cells.flat(), ...t.rowTotals, ...t.columnTotals, t.total];
}

const table = (maxRows: number, maxCols: number) =>
  fc.tuple(fc.integer({ min: 1, max: maxRows }), fc.integer({ min: 1, max: maxCols })).chain(([r, c]) =>
    fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 25 })), { minLength: c, maxLength: c }), {
      minLength: r,
      maxLength: r,
    }),
  );

describe('suppressTable (decision 090)', () => {
  it('publishes counts 1–4 as "< 5" and keeps zero and larger counts', () => {
    const t = suppressList([0, 3, 12, 9, 30]);
    expect(t.values).toEqual([
      { kind: 'value', value: 0 },
      { kind: 'small', below: 5 },
      // 3 alone in the list would be total − rest: the smallest other non-zero count is hidden.
      { kind: 'value', value: 12 },
      { kind: 'hidden' },
      { kind: 'value', value: 30 },
    ]);
    expect(t.total).toEqual({ kind: 'value', value: 54 });
  });

  it('hides a small total and never a value 1–4 in any published figure', () => {
    const t = suppressTable([
      [2, 0],
      [0, 1],
    ]);
    for (const c of allPublished(t)) expect(c.kind === 'value' && c.value >= 1 && c.value < 5).toBe(false);
  });

  it('protects two small cells that share a column and could only sum to their lower bounds', () => {
    // Columns 2: 1 + 1 = 2 would pin both to 1 (each is at least 1); the rule hides more.
    const truth = [
      [4, 1, 20],
      [3, 1, 30],
      [10, 10, 10],
    ];
    const t = suppressTable(truth);
    for (const [, values] of solveHidden(truth, t)) expect(values.size).toBeGreaterThanOrEqual(2);
  });

  it('refuses a threshold below 2, ragged tables and negative values', () => {
    expect(() => suppressTable([[1]], { threshold: 1 })).toThrow(RangeError);
    expect(() => suppressTable([[1]], { threshold: 2.5 })).toThrow(RangeError);
    expect(() => suppressTable([[1, 2], [3]])).toThrow(RangeError);
    expect(() => suppressTable([[-1]])).toThrow(RangeError);
    expect(() => suppressCount(3, 1)).toThrow(RangeError);
  });

  it('property: cells hidden for another publication (decision 132) stay hidden and cannot be solved from the table', () => {
    fc.assert(
      fc.property(
        table(4, 4).chain((truth) =>
          fc.tuple(
            fc.constant(truth),
            fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: truth.length }), fc.integer({ min: 0, max: truth[0]?.length ?? 1 })), { maxLength: 3 }),
          ),
        ),
        ([truth, hide]) => {
          const t = suppressTable(truth, { hide });
          const rows = truth.length;
          const cols = truth[0]?.length ?? 0;
          const at = (i: number, j: number) => (i < rows && j < cols ? t.cells[i]?.[j] : i < rows ? t.rowTotals[i] : j < cols ? t.columnTotals[j] : t.total);
          // Each asked-for cell is not published as a number (a small one keeps its "< 5").
          for (const [i, j] of hide) expect(at(i, j)?.kind).not.toBe('value');
          for (const [, values] of solveHidden(truth, t)) expect(values.size).toBeGreaterThanOrEqual(2);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('weighs a negative amount (corrections bigger than the spending) as 0 and publishes the real figures', () => {
    // A month whose corrections exceed its spending: −300 from 6 requests, beside 2 small months.
    const amounts = [-300_00, 800_00, 125_00, 950_00];
    const basis = [6, 7, 2, 9];
    const list = suppressList(amounts, { basis, keepTotal: true });
    const weighed = suppressList(amounts.map(decisionValue), { basis, keepTotal: true });
    // What is hidden is what the rule decides for the amounts weighed by decisionValue …
    expect(list.values.map((c) => c.kind)).toEqual(weighed.values.map((c) => c.kind));
    expect(list.values[2]).toEqual({ kind: 'hidden' });
    // … and what is published is the real figure, the negative one and the real total included.
    amounts.forEach((v, i) => {
      if (list.values[i]?.kind === 'value') expect(list.values[i]).toEqual({ kind: 'value', value: v });
    });
    expect(list.total).toEqual({ kind: 'value', value: amounts.reduce((a, b) => a + b, 0) });
    const table = suppressTable(
      amounts.map((v) => [v, 100_00]),
      { basis: basis.map((n) => [n, n]), keepTotal: true },
    );
    const weighedTable = suppressTable(
      amounts.map((v) => [decisionValue(v), 100_00]),
      { basis: basis.map((n) => [n, n]), keepTotal: true },
    );
    expect(table.cells.map((r) => r.map((c) => c.kind))).toEqual(weighedTable.cells.map((r) => r.map((c) => c.kind)));
    if (table.rowTotals[0]?.kind === 'value') expect(table.rowTotals[0].value).toBe(-200_00);
    expect(table.total).toEqual({ kind: 'value', value: amounts.reduce((a, b) => a + b, 0) + 4 * 100_00 });
    // Counts are never negative: the rule still refuses them, and a negative basis.
    expect(() => suppressList([-1])).toThrow(RangeError);
    expect(() => suppressList([5], { basis: [-1] })).toThrow(RangeError);
  });

  it('hides amounts that stem from fewer requests than the threshold, and their complement', () => {
    const t = suppressList([125_00, 800_00, 950_00], { basis: [2, 7, 9] });
    expect(t.values[0]).toEqual({ kind: 'hidden' });
    expect(t.values.filter((c) => c.kind === 'hidden')).toHaveLength(2);
    expect(t.total).toEqual({ kind: 'value', value: 1875_00 });
  });

  it('property: for random tables no published figure is 1 … threshold − 1, published figures are true, and no hidden cell can be solved', () => {
    fc.assert(
      fc.property(table(5, 5), fc.integer({ min: 2, max: 7 }), fc.boolean(), (truth, threshold, keepTotal) => {
        const t = suppressTable(truth, { threshold, keepTotal });
        const grand = truth.flat().reduce((x, y) => x + y, 0);
        // A total published elsewhere stays published (or "< threshold" when small).
        if (keepTotal) expect(t.total.kind === 'hidden').toBe(false);
        if (keepTotal && t.total.kind === 'value') expect(t.total.value).toBe(grand);
        const rows = truth.length;
        const cols = truth[0]?.length ?? 0;
        for (const c of allPublished(t)) {
          if (c.kind === 'value') expect(c.value === 0 || c.value >= threshold).toBe(true);
          if (c.kind === 'small') expect(c.below).toBe(threshold);
        }
        truth.forEach((row, i) => {
          row.forEach((v, j) => {
            const c = t.cells[i]?.[j];
            if (c?.kind === 'value') expect(c.value).toBe(v);
            if (c?.kind === 'small') expect(v >= 1 && v < threshold).toBe(true);
          });
        });
        const solved = solveHidden(truth, t);
        for (const [key, values] of solved) {
          const [i, j] = key.split(',').map(Number) as [number, number];
          const c = i < rows && j < cols ? t.cells[i]?.[j] : i < rows ? t.rowTotals[i] : j < cols ? t.columnTotals[j] : t.total;
          // At threshold 2 the label "< 2" is itself exact (1); every other hidden cell keeps two values.
          if (threshold === 2 && c?.kind === 'small') continue;
          // With the total kept published, a complement that the kept total alone fixes (a column
          // total equal to it) cannot be helped; what must hold is that no small count is solved.
          if (keepTotal && c?.kind === 'hidden') {
            const truthAt =
              i < rows && j < cols
                ? (truth[i]?.[j] ?? 0)
                : i < rows
                  ? (truth[i] ?? []).reduce((x, y) => x + y, 0)
                  : j < cols
                    ? truth.reduce((x, r) => x + (r[j] ?? 0), 0)
                    : grand;
            if (truthAt === 0 || truthAt >= threshold) continue;
          }
          expect(values.size, `cell ${key} of ${JSON.stringify(truth)} at ${threshold}`).toBeGreaterThanOrEqual(2);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
