import { type Executor, rowsOf, schema } from '@duidingspool/db';
import { availableCents, type Budget, type BudgetLine, thresholdReached } from '@duidingspool/shared';
import { and, asc, desc, eq, inArray, type Placeholder, type SQL, sql } from 'drizzle-orm';
import { AppError } from '../../errors.ts';

const b = schema.budgets;
const l = schema.budgetLines;

/**
 * The running totals of a year's budget and of its lines (docs/design.md §5, decision 094). Every
 * change here is a pair of guarded `UPDATE … WHERE … RETURNING` inside the caller's transaction:
 * first the year's row, then the line's. Postgres re-checks the WHERE on the newest row version
 * when concurrent transactions race, so `availableCents ≥ 0` holds for the year and for every line
 * under any concurrency without read-then-write. The year's totals are always the sum of its
 * lines' totals: both move by the same amounts in the same transaction, and when the line's guard
 * refuses after the year's moved, the year's move is undone before answering. The lock order is
 * always the year's row, then the line's (the order of a line's allocation change too), so two
 * changes never wait on each other in a circle. The CHECK constraints on both tables back this up.
 */

/** The line an amount is charged to: its year and id. The line belongs to that year. */
export type LineRef = { year: number; lineId: string };

/** How the totals move: cents added to (or, negative, taken from) each running total. */
type Delta = { reservedCents?: number; pendingCents?: number; spentCents?: number };
/** What must hold before the move, on both rows: `available ≥ cents`, or a total ≥ cents. */
type Guard = { available: number } | { column: 'reservedCents' | 'pendingCents' | 'spentCents'; atLeast: number };

const setOf = (t: typeof b | typeof l, d: Delta, sign: 1 | -1) => {
  const out: Record<string, SQL> = {};
  for (const key of ['reservedCents', 'pendingCents', 'spentCents'] as const) {
    const v = d[key];
    if (v) out[key] = sql`${t[key]} + ${sign * v}`;
  }
  return out;
};
/** `setOf` as the SET list of a hand-written UPDATE: unqualified target columns. */
const assignmentsOf = (t: typeof b | typeof l, d: Delta): SQL =>
  sql.join(
    Object.entries(setOf(t, d, 1)).map(([key, value]) => sql`${sql.identifier(t[key as keyof Delta].name)} = ${value}`),
    sql`, `,
  );
const guardOf = (t: typeof b | typeof l, g: Guard): SQL =>
  'available' in g
    ? sql`${t.allocatedCents} - ${t.reservedCents} - ${t.pendingCents} - ${t.spentCents} >= ${g.available}`
    : sql`${t[g.column]} >= ${g.atLeast}`;

/**
 * Moves the year's and the line's totals by `delta` if `guard` holds on both. Answers `ok`, or
 * which row refused (`year`: no budget or no room; `line`: the line is not of that year or has no
 * room) — nothing moved then.
 */
async function move(db: Executor, ref: LineRef, delta: Delta, guard: Guard): Promise<'ok' | 'year' | 'line'> {
  const years = await db
    .update(b)
    .set(setOf(b, delta, 1))
    .where(and(eq(b.year, ref.year), guardOf(b, guard)))
    .returning({ year: b.year });
  if (years.length === 0) return 'year';
  const lines = await db
    .update(l)
    .set(setOf(l, delta, 1))
    .where(and(eq(l.id, ref.lineId), eq(l.year, ref.year), guardOf(l, guard)))
    .returning({ id: l.id });
  if (lines.length > 0) return 'ok';
  await db
    .update(b)
    .set(setOf(b, delta, -1))
    .where(eq(b.year, ref.year));
  return 'line';
}

/** The problem for a refused charge on `ref`: no budget, the year has no room, or the line has none. */
async function budgetMissing(db: Executor, ref: LineRef, refused: 'year' | 'line'): Promise<AppError> {
  const { year } = ref;
  const [row] = await db.select().from(b).where(eq(b.year, year));
  if (!row) return new AppError('no-budget', `Er is geen budget voor ${year} vastgesteld.`);
  if (refused === 'line') {
    const [line] = await db.select().from(l).where(eq(l.id, ref.lineId));
    if (line && line.year === year) {
      return new AppError('budget-exceeded', `Het beschikbare bedrag op de budgetregel ‘${line.name}’ (${year}) is onvoldoende.`, {
        availableCents: availableCents(line),
        budgetLineId: line.id,
      });
    }
  }
  return new AppError('budget-exceeded', `Het beschikbare budget voor ${year} is onvoldoende.`, { availableCents: availableCents(row) });
}

/**
 * Reserves `cents` on the line `ref` (an assignment's estimate).
 * @throws AppError 409 `budget-exceeded` (with `availableCents`, and `budgetLineId` when the line has no room) or 409 `no-budget`
 */
export async function reserve(db: Executor, ref: LineRef, cents: number): Promise<void> {
  if (cents <= 0) return;
  const result = await move(db, ref, { reservedCents: cents }, { available: cents });
  if (result !== 'ok') throw await budgetMissing(db, ref, result);
}

/** Like `reserve`, but answers false instead of throwing when the year or the line has no room (or no budget). */
export async function tryReserve(db: Executor, ref: LineRef, cents: number): Promise<boolean> {
  if (cents <= 0) return true;
  return (await move(db, ref, { reservedCents: cents }, { available: cents })) === 'ok';
}

const broken = (what: string, ref: LineRef, cents: number) => new Error(`budget ${ref.year} line ${ref.lineId}: ${what} smaller than ${cents} cents`);

/** Releases `cents` of reservation on the line `ref` (decline, close, lower estimate). */
export async function release(db: Executor, ref: LineRef, cents: number): Promise<void> {
  if (cents <= 0) return;
  if ((await move(db, ref, { reservedCents: -cents }, { column: 'reservedCents', atLeast: cents })) !== 'ok') throw broken('reservation', ref, cents);
}

/**
 * A logged entry of `cents`: its reservation on line `reservation` becomes pending on line `entry`
 * (a line of the year of `workedOn`). On one line available is unchanged; on another line (another
 * year) that line and its year must have room.
 * @throws AppError 409 `budget-exceeded` / `no-budget` for the entry's line
 */
export async function reservedToPending(db: Executor, reservation: LineRef, entry: LineRef, cents: number): Promise<void> {
  if (reservation.lineId === entry.lineId) {
    const result = await move(db, entry, { reservedCents: -cents, pendingCents: cents }, { column: 'reservedCents', atLeast: cents });
    if (result !== 'ok') throw broken('reservation', entry, cents);
    return;
  }
  const result = await move(db, entry, { pendingCents: cents }, { available: cents });
  if (result !== 'ok') throw await budgetMissing(db, entry, result);
  await release(db, reservation, cents);
}

/**
 * `reservedToPending` on one line — an entry of the year of its assignment's reservation — as the
 * WITH parts `ledger_year` and `ledger_line` of a larger statement (decision 135): the year's guarded
 * update only when `after` holds (a condition on the statement's earlier parts), then the line's
 * only after the year's moved, each moving `cents` from reserved to pending, guarded
 * `reserved ≥ cents`. `reservedToPendingMoved` holds only when both moved; the caller selects
 * `ledger_year`'s and `ledger_line`'s rows to tell which refused and, since a refusal means a broken
 * ledger (the reservation was checked on the assignment first), throws and rolls back: nothing is
 * undone here. Lock order year → line, as `move`. Values are given as values or placeholders.
 */
export function reservedToPendingParts(ref: { year: number | Placeholder; lineId: string | Placeholder }, cents: number | Placeholder, after: SQL): SQL {
  const set = (t: typeof b | typeof l) =>
    sql`${sql.identifier(t.reservedCents.name)} = ${t.reservedCents} - ${cents}, ${sql.identifier(t.pendingCents.name)} = ${t.pendingCents} + ${cents}`;
  return sql`ledger_year as (
      update ${b} set ${set(b)} where ${b.year} = ${ref.year} and ${b.reservedCents} >= ${cents} and ${after} returning 1
    ), ledger_line as (
      update ${l} set ${set(l)}
      where ${l.id} = ${ref.lineId} and ${l.year} = ${ref.year} and ${l.reservedCents} >= ${cents} and exists (select 1 from ledger_year) returning 1
    )`;
}

/** True (SQL) in a statement with `reservedToPendingParts` when both its parts moved. */
export const reservedToPendingMoved: SQL = sql`exists (select 1 from ledger_line)`;

/**
 * What `reservedToPendingParts` did, as the caller's statement read it: throws when the year or the
 * line refused (reserved was smaller than `cents`: a broken ledger).
 * @throws Error naming the line and the amount
 */
export function assertReservedToPending(ref: LineRef, cents: number, moved: { year: boolean; line: boolean }): void {
  if (!moved.year || !moved.line) throw broken('reservation', ref, cents);
}

/**
 * An approved entry: `cents` move from pending to spent on the line `ref`, in one statement with
 * `statement` — the caller's change that goes with it (the entry's new status) — so the year's
 * row, which every write of the year waits for, is held for that one statement and the commit
 * (decision 135). The year's and the line's guarded updates are the statement's data-modifying
 * WITH parts, the line's only after the year's moved; `statement` gets `moved`, a condition that
 * holds only when both moved, for its WHERE, and must return a row exactly when it holds (an
 * update of a row the caller has locked). The row locks are taken year → line → the caller's row,
 * and the caller's AFTER triggers (the ledger's running totals) fire after all three, the order of
 * `move`. Nothing is undone here when a guard refuses: the caller's transaction rolls back.
 *
 * @returns the rows `statement` returns
 * @throws Error when it returns none: pending was smaller than `cents` on the year or the line (a broken ledger)
 */
export async function pendingToSpentWith<T>(db: Executor, ref: LineRef, cents: number, statement: (moved: SQL) => SQL): Promise<T[]> {
  const delta: Delta = { pendingCents: -cents, spentCents: cents };
  const guard: Guard = { column: 'pendingCents', atLeast: cents };
  const rows = rowsOf<T>(
    await db.execute(sql`with ledger_year as (
        update ${b} set ${assignmentsOf(b, delta)} where ${b.year} = ${ref.year} and ${guardOf(b, guard)} returning 1
      ), ledger_line as (
        update ${l} set ${assignmentsOf(l, delta)}
        where ${l.id} = ${ref.lineId} and ${l.year} = ${ref.year} and ${guardOf(l, guard)} and exists (select 1 from ledger_year) returning 1
      )
      ${statement(sql`exists (select 1 from ledger_line)`)}`),
  );
  if (rows.length === 0) throw broken('pending', ref, cents);
  return rows;
}

/**
 * A rejected entry: its `cents` leave pending on the line `ref`; when `restoreReservation` they go
 * back to the assignment's reservation on the same line (available unchanged), else to available.
 */
export async function pendingRejected(db: Executor, ref: LineRef, cents: number, restoreReservation: boolean): Promise<void> {
  const delta = { pendingCents: -cents, ...(restoreReservation ? { reservedCents: cents } : {}) };
  if ((await move(db, ref, delta, { column: 'pendingCents', atLeast: cents })) !== 'ok') throw broken('pending', ref, cents);
}

/**
 * An approved correction of `cents` (> 0, the absolute amount) on the line `ref`: spent goes down by
 * it. When `restoreReservation` the amount goes back to the open assignment's reservation (available
 * unchanged, like a rejection); else it returns to available. Guarded: spent never below 0.
 */
export async function spentCorrected(db: Executor, ref: LineRef, cents: number, restoreReservation: boolean): Promise<void> {
  if (cents <= 0) return;
  const delta = { spentCents: -cents, ...(restoreReservation ? { reservedCents: cents } : {}) };
  if ((await move(db, ref, delta, { column: 'spentCents', atLeast: cents })) !== 'ok') throw broken('spent', ref, cents);
}

/**
 * Changes the allocation of `year` to `cents`, guarded so it never drops below what is committed.
 * A year whose lines held all of it keeps holding all of it: its default line follows by the same
 * amount (guarded in turn by what is committed on that line). Otherwise the part in no line takes
 * the change, and the year never drops below what its lines hold together (decision 094). The
 * caller holds the year's row lock (`FOR UPDATE`), so the lines' sum read here is current.
 * @throws AppError 409 `budget-exceeded` (with `availableCents`), 409 `conflict` (lines hold more; pointer `/allocatedCents`), `no-budget`
 */
export async function setAllocation(db: Executor, year: number, cents: number): Promise<void> {
  const [before] = await db.select().from(b).where(eq(b.year, year));
  if (!before) throw new AppError('no-budget', `Er is geen budget voor ${year} vastgesteld.`);
  const inLines = await linesAllocated(db, year);
  const followsDefault = inLines === before.allocatedCents;
  if (!followsDefault && inLines > cents) {
    throw new AppError('conflict', `De budgetregels van ${year} houden samen meer dan dit bedrag.`, {
      errors: [{ in: 'body', pointer: '/allocatedCents', message: 'lager dan de budgetregels samen', code: 'below-lines', params: { minimum: inLines } }],
    });
  }
  const rows = await db
    .update(b)
    .set({ allocatedCents: cents })
    .where(and(eq(b.year, year), sql`${b.reservedCents} + ${b.pendingCents} + ${b.spentCents} <= ${cents}`))
    .returning({ year: b.year });
  if (rows.length === 0) {
    throw new AppError('budget-exceeded', `Het budget kan niet lager dan wat al is vastgelegd.`, { availableCents: availableCents(before) });
  }
  if (!followsDefault) return;
  const delta = cents - before.allocatedCents;
  const lines = await db
    .update(l)
    .set({ allocatedCents: sql`${l.allocatedCents} + ${delta}` })
    .where(and(eq(l.year, year), eq(l.isDefault, true), sql`${l.allocatedCents} + ${delta} >= ${l.reservedCents} + ${l.pendingCents} + ${l.spentCents}`))
    .returning({ id: l.id });
  if (lines.length === 0) {
    const [line] = await db
      .select()
      .from(l)
      .where(and(eq(l.year, year), eq(l.isDefault, true)));
    throw new AppError('budget-exceeded', `De standaardregel van ${year} kan niet lager dan wat erop is vastgelegd.`, {
      availableCents: line ? availableCents(line) : 0,
      ...(line ? { budgetLineId: line.id } : {}),
    });
  }
}

/** Σ of the allocations of `year`'s lines, in cents (a fresh read: call it after locking the year's row). */
export async function linesAllocated(db: Executor, year: number, exceptLineId?: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<string>`coalesce(sum(${l.allocatedCents}), 0)::bigint` })
    .from(l)
    .where(exceptLineId ? and(eq(l.year, year), sql`${l.id} <> ${exceptLineId}`) : eq(l.year, year));
  return Number(row?.n ?? 0);
}

/**
 * The line an amount of `year` is charged to when it starts from line `from` (an assignment's line,
 * possibly of another year): `from` itself in its own year; else the line of `year` with the same
 * code, else `year`'s default line. Null when `year` has no budget (the caller answers `no-budget`).
 */
export async function lineForYear(db: Executor, from: LineRef, year: number): Promise<LineRef | null> {
  if (from.year === year) return from;
  const [code] = await db.select({ code: l.code }).from(l).where(eq(l.id, from.lineId));
  const rows = await db
    .select({ id: l.id, code: l.code, isDefault: l.isDefault })
    .from(l)
    .where(and(eq(l.year, year), code ? sql`(${l.code} = ${code.code} or ${l.isDefault})` : eq(l.isDefault, true)));
  const same = rows.find((r) => code && r.code === code.code) ?? rows.find((r) => r.isDefault);
  return same ? { year, lineId: same.id } : null;
}

/**
 * The line an assignment on `year` charges: `lineId` when given (it must be a line of `year`), else
 * the year's default line.
 * @throws AppError 400 `validation-failed` (unknown line, pointer `/budgetLineId`), 409 `conflict` (a line of another year), 409 `no-budget`
 */
export async function chargeableLine(db: Executor, year: number, lineId: string | undefined): Promise<LineRef> {
  if (lineId === undefined) {
    const [row] = await db
      .select({ id: l.id })
      .from(l)
      .where(and(eq(l.year, year), eq(l.isDefault, true)));
    if (!row) throw new AppError('no-budget', `Er is geen budget voor ${year} vastgesteld.`);
    return { year, lineId: row.id };
  }
  const [row] = await db.select({ id: l.id, year: l.year }).from(l).where(eq(l.id, lineId));
  if (!row) {
    throw new AppError('validation-failed', 'Onbekende budgetregel.', {
      errors: [{ in: 'body', pointer: '/budgetLineId', message: 'onbekende budgetregel' }],
    });
  }
  if (row.year !== year) {
    throw new AppError('conflict', `Deze budgetregel hoort bij ${row.year}; de inzet wordt geboekt op ${year}.`, {
      errors: [
        { in: 'body', pointer: '/budgetLineId', message: `een regel van ${row.year}, niet van ${year}`, code: 'other-year', params: { year: row.year } },
      ],
    });
  }
  return { year, lineId: row.id };
}

type BudgetRow = typeof b.$inferSelect;
type LineRow = typeof l.$inferSelect;
type Crossing = { percent: number; crossedAt: Date };

/** Whether a line was ever booked on: a reservation, pending or spent money now, or any assignment or entry charging it. */
async function bookedLines(db: Executor, lineIds: string[]): Promise<Set<string>> {
  if (lineIds.length === 0) return new Set();
  const a = schema.assignments;
  const te = schema.timeEntries;
  // One EXISTS per line and table: an index probe each, however many entries a line has.
  const rows = await db
    .select({ id: l.id })
    .from(l)
    .where(
      and(
        inArray(l.id, lineIds),
        sql`(exists (select 1 from ${a} where ${a.budgetLineId} = ${l.id}) or exists (select 1 from ${te} where ${te.budgetLineId} = ${l.id}))`,
      ),
    );
  return new Set(rows.map((r) => r.id));
}

const thresholdsOf = (percents: number[], committed: number, allocated: number, crossings: Crossing[]) =>
  [...percents]
    .sort((x, y) => x - y)
    .map((percent) => ({
      percent,
      reached: thresholdReached(committed, allocated, percent),
      crossedAt: crossings.find((c) => c.percent === percent)?.crossedAt.toISOString() ?? null,
    }));

const toLine = (row: LineRow, percents: number[], crossings: Crossing[], booked: boolean): BudgetLine => {
  const committedCents = row.reservedCents + row.pendingCents + row.spentCents;
  return {
    id: row.id,
    year: row.year,
    code: row.code,
    name: row.name,
    fundingSource: row.fundingSource,
    isDefault: row.isDefault,
    allocatedCents: row.allocatedCents,
    reservedCents: row.reservedCents,
    pendingCents: row.pendingCents,
    spentCents: row.spentCents,
    availableCents: availableCents(row),
    committedCents,
    note: row.note,
    thresholds: thresholdsOf(percents, committedCents, row.allocatedCents, crossings),
    allowedActions: row.isDefault || booked || committedCents > 0 ? ['edit'] : ['edit', 'delete'],
  };
};

const toBudget = (row: BudgetRow, crossings: (Crossing & { year: number })[], lines: BudgetLine[]): Budget => {
  const committedCents = row.reservedCents + row.pendingCents + row.spentCents;
  const available = availableCents(row);
  return {
    year: row.year,
    allocatedCents: row.allocatedCents,
    reservedCents: row.reservedCents,
    pendingCents: row.pendingCents,
    spentCents: row.spentCents,
    availableCents: available,
    fundingSource: row.fundingSource,
    note: row.note,
    committedCents,
    fillState: available === 0 ? 'full' : 'open',
    thresholds: thresholdsOf(
      row.thresholdPercents,
      committedCents,
      row.allocatedCents,
      crossings.filter((c) => c.year === row.year),
    ),
    lines,
    unassignedCents: row.allocatedCents - lines.reduce((s, x) => s + x.allocatedCents, 0),
  };
};

const crossingsOf = (db: Executor, years: number[]) =>
  years.length === 0
    ? Promise.resolve([])
    : db
        .select({
          year: schema.budgetThresholdCrossings.year,
          percent: schema.budgetThresholdCrossings.percent,
          crossedAt: schema.budgetThresholdCrossings.crossedAt,
        })
        .from(schema.budgetThresholdCrossings)
        .where(inArray(schema.budgetThresholdCrossings.year, years));

/** The lines of `rows`' years, the default first, then by code; with their thresholds and what may be done with them. */
async function linesOf(db: Executor, rows: BudgetRow[]): Promise<Map<number, BudgetLine[]>> {
  const out = new Map<number, BudgetLine[]>(rows.map((r) => [r.year, []]));
  if (rows.length === 0) return out;
  const lineRows = await db
    .select()
    .from(l)
    .where(
      inArray(
        l.year,
        rows.map((r) => r.year),
      ),
    )
    .orderBy(asc(l.year), desc(l.isDefault), asc(l.code));
  const ids = lineRows.map((r) => r.id);
  const c = schema.budgetLineThresholdCrossings;
  const crossings = ids.length === 0 ? [] : await db.select().from(c).where(inArray(c.lineId, ids));
  const booked = await bookedLines(db, ids);
  for (const row of lineRows) {
    const percents = rows.find((r) => r.year === row.year)?.thresholdPercents ?? [];
    out.get(row.year)?.push(
      toLine(
        row,
        percents,
        crossings.filter((x) => x.lineId === row.id),
        booked.has(row.id),
      ),
    );
  }
  return out;
}

/** The budget of `year` with its thresholds and lines, or null. */
export async function findBudget(db: Executor, year: number): Promise<Budget | null> {
  const [row] = await db.select().from(b).where(eq(b.year, year));
  if (!row) return null;
  const crossings = await crossingsOf(db, [year]);
  const lines = await linesOf(db, [row]);
  return toBudget(row, crossings, lines.get(year) ?? []);
}

/** All budgets with their lines, oldest year first. */
export async function listBudgets(db: Executor): Promise<Budget[]> {
  const rows = await db.select().from(b).orderBy(asc(b.year));
  const years = rows.map((r) => r.year);
  const crossings = await crossingsOf(db, years);
  const lines = await linesOf(db, rows);
  return rows.map((r) => toBudget(r, crossings, lines.get(r.year) ?? []));
}
