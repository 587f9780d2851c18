/**
 * Small-cell suppression for every published aggregate (docs/design.md §12, decision 090).
 *
 * A published count of 1 up to `threshold − 1` could point at a person, so it is shown as
 * `< threshold` ("primary" suppression). A published table also shows row, column and grand totals,
 * and from those a hidden cell can often be solved back: a row with one hidden cell gives it away
 * as "row total minus the rest". So cells are hidden in addition ("secondary" suppression) until no
 * hidden cell — inner cell or total — can be derived from what is published.
 *
 * The model of what a reader knows, and what the property test in `suppression.test.ts` solves
 * with: every published value; that a primary cell lies in 1 … threshold − 1 (zero is published as
 * 0); that a secondary cell is ≥ 0; and one linear equation per row and per column (inner cells sum
 * to the total, row totals and column totals sum to the grand total). A hidden cell is safe when
 * those equations and bounds leave it at least two values. (At threshold 2 the label "< 2" itself
 * means 1 — zero is published — so there a primary cell only must not be narrowed by the
 * equations beyond its label, and hidden complements must still keep two values.)
 *
 * The algorithm: mark the primary cells; then, until stable, find the hidden cells a reader can
 * solve exactly (a residual-cycle test on the table seen as a circulation, see `pinnedCells`), and
 * for such a cell hide the smallest published non-zero cell (else the
 * smallest published cell) of the equation of that cell with the fewest hidden cells. Each step
 * hides one more cell, so it ends. When no published cell is left to hide and a cell is still
 * pinned, the "< threshold" labels themselves pin it (three small cells under a small total are 1
 * each): one of those small cells is then shown as hidden without its label.
 */

/** How one published figure is shown: its value, "< threshold", or hidden to protect another. */
export type PublishedCell =
  | { readonly kind: 'value'; readonly value: number }
  | { readonly kind: 'small'; readonly below: number }
  | { readonly kind: 'hidden' };

/** A table after suppression: inner cells, the total per row and per column, and the grand total. */
export interface SuppressedTable {
  readonly cells: PublishedCell[][];
  readonly rowTotals: PublishedCell[];
  readonly columnTotals: PublishedCell[];
  readonly total: PublishedCell;
  /** The threshold applied (published on the report). */
  readonly threshold: number;
}

/** The default threshold: counts 1–4 are published as "< 5". */
export const DEFAULT_SUPPRESSION_THRESHOLD = 5;
/** The lowest threshold allowed: below 2 nothing would be suppressed. */
export const MIN_SUPPRESSION_THRESHOLD = 2;
/** The highest threshold allowed (a sanity limit for the request parameter). */
export const MAX_SUPPRESSION_THRESHOLD = 100;

/** Options for {@link suppressTable}. */
export interface SuppressionOptions {
  /** Counts from 1 to threshold − 1 are hidden; an integer ≥ 2 (default 5). */
  readonly threshold?: number;
  /**
   * For tables of amounts (cents) rather than counts: per inner cell, the number of requests it
   * stems from. A cell from 1 … threshold − 1 requests is hidden (shown as hidden, not as
   * "< threshold", since the amount itself is not small); totals take the sums of the counts.
   */
  readonly basis?: readonly (readonly number[])[];
  /**
   * The grand total is published elsewhere as it is (a headline figure): never hide it to protect
   * another cell (it is still shown as "< threshold" when it is small itself).
   */
  readonly keepTotal?: boolean;
  /**
   * Grid cells (row, column; the totals at index `rows` and `cols`) to hide from the start for the
   * sake of another publication (decision 132: a figure whose difference with the same figure of an
   * overlapping published report would be small). They are shown hidden and protected like any
   * hidden cell; a small one keeps its "< threshold" label.
   */
  readonly hide?: readonly (readonly [number, number])[];
}

/**
 * Suppress a table of integers (rows × columns, at least one of each): counts ≥ 0, or amounts
 * (cents, minutes) with `options.basis`. An amount may be negative — a correction bigger than what
 * was booked in the same cell, e.g. a month whose corrections exceed its spending: the rule decides
 * what to hide on the amount clamped at 0 (a negative amount weighs as nothing, see
 * {@link decisionValue}) and publishes the real figure and the real totals. Returns what may be
 * published; throws `RangeError` on a threshold below 2 or not an integer, a ragged or empty table,
 * a fractional value, or a negative count.
 */
export function suppressTable(cells: readonly (readonly number[])[], options: SuppressionOptions = {}): SuppressedTable {
  const threshold = options.threshold ?? DEFAULT_SUPPRESSION_THRESHOLD;
  assertThreshold(threshold);
  const rows = cells.length;
  const cols = rows > 0 ? (cells[0]?.length ?? 0) : 0;
  if (rows === 0 || cols === 0) throw new RangeError('A table needs at least one row and one column');
  const basis = options.basis;
  const isAmount = basis !== undefined;
  for (const row of cells) {
    if (row.length !== cols) throw new RangeError('Every row needs the same number of columns');
    for (const v of row) assertFigure(v, isAmount);
  }
  if (basis && (basis.length !== rows || basis.some((r) => r.length !== cols))) throw new RangeError('The basis must have the shape of the table');
  for (const row of basis ?? []) for (const n of row) assertFigure(n, false);

  // The full grid: (rows + 1) × (cols + 1), the last row and column holding the totals; the
  // decisions are taken on the clamped grid, the published values come from the real one.
  const real = withTotals(cells);
  const grid = withTotals(cells.map((row) => row.map(decisionValue)));
  const counts = basis ? withTotals(basis) : grid;
  const state = suppressGrid(
    grid,
    counts,
    equations(rows, cols),
    tableEdges(rows, cols),
    threshold,
    isAmount,
    options.keepTotal ? [rows, cols] : undefined,
    options.hide,
  );

  const publish = (i: number, j: number): PublishedCell => {
    const s = state[i]?.[j];
    const v = real[i]?.[j] ?? 0;
    if (s === 'value') return { kind: 'value', value: v };
    if (s === 'primary' && !isAmount) return { kind: 'small', below: threshold };
    return { kind: 'hidden' };
  };
  return {
    cells: cells.map((row, i) => row.map((_, j) => publish(i, j))),
    rowTotals: cells.map((_, i) => publish(i, cols)),
    columnTotals: Array.from({ length: cols }, (_, j) => publish(rows, j)),
    total: publish(rows, cols),
    threshold,
  };
}

/**
 * Suppress one list of counts (or amounts with `options.basis` as one list, which may be negative
 * as in {@link suppressTable}) with its total: the list is a table of one row. Returns the
 * published values in order and the published total; throws `RangeError` as {@link suppressTable}.
 * `options.hide` lists positions (the total at `values.length`) to hide from the start, as
 * {@link SuppressionOptions.hide}.
 */
export function suppressList(
  values: readonly number[],
  options: { threshold?: number; basis?: readonly number[]; keepTotal?: boolean; hide?: readonly number[] } = {},
): { values: PublishedCell[]; total: PublishedCell; threshold: number } {
  if (values.length === 0) {
    const threshold = options.threshold ?? DEFAULT_SUPPRESSION_THRESHOLD;
    assertThreshold(threshold);
    return { values: [], total: { kind: 'value', value: 0 }, threshold };
  }
  const threshold = options.threshold ?? DEFAULT_SUPPRESSION_THRESHOLD;
  assertThreshold(threshold);
  const basis = options.basis;
  for (const v of values) assertFigure(v, basis !== undefined);
  if (basis && basis.length !== values.length) throw new RangeError('The basis must have the length of the list');
  for (const n of basis ?? []) assertFigure(n, false);
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  const decided = values.map(decisionValue);
  const grid = [[...decided, sum(decided)]];
  const real = [...values, sum(values)];
  const counts = basis ? [[...basis, sum(basis)]] : grid;
  const n = values.length;
  // One equation only: the values minus the total (a list has no columns to sum).
  const line: SuppressionEquation = [...values.map((_, j) => [0, j, 1] as const), [0, n, -1] as const];
  const hide = options.hide?.map((j) => [0, j] as const);
  const state = suppressGrid(grid, counts, [line], listEdges(n), threshold, basis !== undefined, options.keepTotal ? [0, n] : undefined, hide);
  const publish = (j: number): PublishedCell => {
    const s = state[0]?.[j];
    if (s === 'value') return { kind: 'value', value: real[j] ?? 0 };
    if (s === 'primary' && !basis) return { kind: 'small', below: threshold };
    return { kind: 'hidden' };
  };
  return { values: values.map((_, j) => publish(j)), total: publish(n), threshold };
}

/** Suppress a single published count that has no table around it (a headline figure). */
export function suppressCount(value: number, threshold: number = DEFAULT_SUPPRESSION_THRESHOLD): PublishedCell {
  assertThreshold(threshold);
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`Not a count: ${value}`);
  return value >= 1 && value < threshold ? { kind: 'small', below: threshold } : { kind: 'value', value };
}

/**
 * The value the rule weighs a figure by when it decides what to hide: the figure itself, a negative
 * amount as 0. A negative amount is a correction that outweighs what was booked in its cell; it
 * stems from the same requests (the basis decides whether it is hidden), it is not small, and a
 * reader cannot bound a hidden cell by it, so weighing it as nothing is the cautious reading.
 * Exported for the tests, whose expected values come from it.
 */
export function decisionValue(value: number): number {
  return Math.max(0, value);
}

/** Throws `RangeError` unless `value` is a safe integer, and ≥ 0 unless it is an amount. */
function assertFigure(value: number, amount: boolean): void {
  if (!Number.isSafeInteger(value) || (!amount && value < 0)) throw new RangeError(`Not a count or amount: ${value}`);
}

/** Throws `RangeError` unless `threshold` is an integer from {@link MIN_SUPPRESSION_THRESHOLD} to {@link MAX_SUPPRESSION_THRESHOLD}. */
export function assertThreshold(threshold: number): void {
  if (!Number.isInteger(threshold) || threshold < MIN_SUPPRESSION_THRESHOLD || threshold > MAX_SUPPRESSION_THRESHOLD) {
    throw new RangeError(`The suppression threshold must be an integer from ${MIN_SUPPRESSION_THRESHOLD} to ${MAX_SUPPRESSION_THRESHOLD}`);
  }
}

/** One linear equation over grid cells: Σ coefficient × cell = 0. */
export type SuppressionEquation = readonly (readonly [row: number, col: number, coefficient: 1 | -1])[];

/**
 * The equations a reader of a table with totals can write down: per row, the inner cells minus the
 * row total; per column, the inner cells minus the column total; the row totals minus the grand
 * total; the column totals minus the grand total. Grid coordinates include the totals at index
 * `rows` and `cols`. Exported for the property test, which solves with exactly these.
 */
export function equations(rows: number, cols: number): SuppressionEquation[] {
  const lines: SuppressionEquation[] = [];
  for (let i = 0; i <= rows; i++) {
    const line: [number, number, 1 | -1][] = [];
    for (let j = 0; j < cols; j++) line.push([i, j, 1]);
    line.push([i, cols, -1]);
    lines.push(line);
  }
  for (let j = 0; j <= cols; j++) {
    const line: [number, number, 1 | -1][] = [];
    for (let i = 0; i < rows; i++) line.push([i, j, 1]);
    line.push([rows, j, -1]);
    lines.push(line);
  }
  return lines;
}

function withTotals(cells: readonly (readonly number[])[]): number[][] {
  const rows = cells.length;
  const cols = cells[0]?.length ?? 0;
  const grid = cells.map((row) => [...row, row.reduce((a, b) => a + b, 0)]);
  const totals: number[] = [];
  for (let j = 0; j <= cols; j++) {
    let s = 0;
    for (let i = 0; i < rows; i++) s += grid[i]?.[j] ?? 0;
    totals.push(s);
  }
  grid.push(totals);
  return grid;
}

type CellState = 'value' | 'primary' | 'secondary';

/** Marks primary cells by `counts`, then hides complements until no hidden cell is pinned. */
function suppressGrid(
  grid: number[][],
  counts: number[][],
  lines: SuppressionEquation[],
  edges: CellEdges,
  threshold: number,
  isAmount: boolean,
  kept?: readonly [number, number],
  hide?: readonly (readonly [number, number])[],
): CellState[][] {
  const state: CellState[][] = grid.map((row, i) =>
    row.map((_, j) => {
      const n = counts[i]?.[j] ?? 0;
      if (n >= 1 && n < threshold) return 'primary';
      return hide?.some(([hi, hj]) => hi === i && hj === j) ? 'secondary' : 'value';
    }),
  );
  for (;;) {
    const pinned = pinnedCells(grid, state, edges, threshold, isAmount);
    let hidOne = false;
    for (const [pi, pj] of pinned) {
      const next = complementFor(pi, pj, grid, state, lines, kept);
      if (next) {
        (state[next[0]] as CellState[])[next[1]] = 'secondary';
        hidOne = true;
        break;
      }
    }
    if (hidOne) continue;
    // No complement is left, yet a cell is pinned: the labels "< threshold" themselves pin it
    // (three small cells under a small total can only be 1 each). Show one such small cell as
    // hidden without its label, which takes away the bound; nothing is pinned any more, or every
    // label is gone, in finitely many steps.
    const labelled = pinned.find(([i, j]) => state[i]?.[j] === 'primary') ?? firstPrimaryNear(pinned, state, lines);
    if (!labelled) return state;
    (state[labelled[0]] as CellState[])[labelled[1]] = 'secondary';
  }
}

function firstPrimaryNear(pinned: [number, number][], state: CellState[][], lines: SuppressionEquation[]): [number, number] | undefined {
  for (const [pi, pj] of pinned)
    for (const line of lines) if (line.some(([i, j]) => i === pi && j === pj)) for (const [i, j] of line) if (state[i]?.[j] === 'primary') return [i, j];
  return undefined;
}

/**
 * A table as a circulation: every grid cell is an edge between two nodes, and every equation is
 * "what flows into a node flows out". Table: source → row i (row total), row i → column j (cell),
 * column j → sink (column total), sink → source (grand total). List: each value a → b, the total
 * b → a.
 */
export type CellEdges = (readonly [from: string, to: string])[][];

function tableEdges(rows: number, cols: number): CellEdges {
  const edges: CellEdges = [];
  for (let i = 0; i <= rows; i++) {
    const row: (readonly [string, string])[] = [];
    for (let j = 0; j <= cols; j++) {
      if (i < rows && j < cols) row.push([`r${i}`, `c${j}`]);
      else if (i < rows) row.push(['s', `r${i}`]);
      else if (j < cols) row.push([`c${j}`, 't']);
      else row.push(['t', 's']);
    }
    edges.push(row);
  }
  return edges;
}

function listEdges(n: number): CellEdges {
  return [Array.from({ length: n + 1 }, (_, j) => (j < n ? (['a', 'b'] as const) : (['b', 'a'] as const)))];
}

/**
 * The hidden cells a reader can solve exactly. The true values are one feasible circulation; a
 * hidden cell can take another value exactly when the residual graph (published cells fixed, a
 * small cell within 1 … threshold − 1, another hidden cell ≥ 0) has a cycle through its edge that
 * does not use the edge itself. The constraint matrix of a circulation is totally unimodular, so
 * a fractional change along such a cycle means an integer one: this is exact, not an estimate.
 */
function pinnedCells(grid: number[][], state: CellState[][], edges: CellEdges, threshold: number, isAmount: boolean): [number, number][] {
  const bounds = (i: number, j: number): [number, number] => {
    const s = state[i]?.[j];
    const v = grid[i]?.[j] ?? 0;
    if (s === 'value') return [v, v];
    if (s === 'primary' && !isAmount) return [1, threshold - 1];
    return [0, Number.POSITIVE_INFINITY];
  };
  // Residual arcs, each tagged with the cell it belongs to.
  const arcs = new Map<string, { to: string; cell: string }[]>();
  const add = (from: string, to: string, cell: string) => {
    const list = arcs.get(from) ?? [];
    list.push({ to, cell });
    arcs.set(from, list);
  };
  grid.forEach((row, i) => {
    row.forEach((v, j) => {
      const [lo, hi] = bounds(i, j);
      const [from, to] = edges[i]?.[j] ?? ['', ''];
      if (v < hi) add(from, to, `${i},${j}`);
      if (v > lo) add(to, from, `${i},${j}`);
    });
  });
  const reaches = (start: string, goal: string, without: string): boolean => {
    const seen = new Set([start]);
    const queue = [start];
    while (queue.length > 0) {
      const node = queue.shift() as string;
      if (node === goal) return true;
      for (const arc of arcs.get(node) ?? [])
        if (arc.cell !== without && !seen.has(arc.to)) {
          seen.add(arc.to);
          queue.push(arc.to);
        }
    }
    return false;
  };
  const pinned: [number, number][] = [];
  grid.forEach((row, i) => {
    row.forEach((v, j) => {
      const s = state[i]?.[j];
      if (s === 'value') return;
      // At threshold 2 the label "< 2" itself says 1: the equations cannot say less than that.
      if (s === 'primary' && !isAmount && threshold === 2) return;
      const [lo, hi] = bounds(i, j);
      const [from, to] = edges[i]?.[j] ?? ['', ''];
      const cell = `${i},${j}`;
      const up = v < hi && reaches(to, from, cell);
      const down = v > lo && reaches(from, to, cell);
      if (!up && !down) pinned.push([i, j]);
    });
  });
  return pinned;
}

/** The published cell to hide next for a pinned cell: from its equation with the fewest hidden cells. */
function complementFor(
  pi: number,
  pj: number,
  grid: number[][],
  state: CellState[][],
  lines: SuppressionEquation[],
  kept?: readonly [number, number],
): [number, number] | undefined {
  const mine = lines
    .filter((line) => line.some(([i, j]) => i === pi && j === pj))
    .map((line) => ({ line, hidden: line.filter(([i, j]) => state[i]?.[j] !== 'value').length }))
    .sort((a, b) => a.hidden - b.hidden);
  for (const { line } of mine) {
    const open = line
      .filter(([i, j]) => state[i]?.[j] === 'value' && !(kept && kept[0] === i && kept[1] === j))
      .map(([i, j]) => ({ i, j, v: grid[i]?.[j] ?? 0 }));
    if (open.length === 0) continue;
    open.sort((a, b) => (a.v === 0 ? 1 : 0) - (b.v === 0 ? 1 : 0) || a.v - b.v);
    const pick = open[0];
    if (pick) return [pick.i, pick.j];
  }
  return undefined;
}
