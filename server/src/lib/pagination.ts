import type { Database, Executor } from '@duidingspool/db';
import { LIST_TOTAL_CAP } from '@duidingspool/shared';
import { type AnyColumn, and, or, type Placeholder, type SQL, type Subquery, sql } from 'drizzle-orm';
import { AppError } from '../errors.ts';

/**
 * The page a list request asks for (`PageQuerySchema` in shared/): 1-based `page` and `pageSize`
 * items, or, for deep paging, the opaque cursor `after` a previous page answered as `nextCursor`
 * (then `page` is not used to skip rows).
 */
export interface PageQuery {
  page: number;
  pageSize: number;
  after?: string | undefined;
}

/**
 * The rows of one page: at most `limit`, after skipping `offset`, and only those past the cursor
 * when `after` is set (a condition the rows query ANDs into its WHERE; `and()` ignores undefined).
 */
export interface PageWindow {
  limit: number;
  offset: number;
  after?: SQL | undefined;
}

/** One page of a list, the shape `pageOf(item)` in `shared/src/contracts/common.ts` defines (docs/design.md §7). */
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  /** Every row matching the list's condition, on all pages — at most `LIST_TOTAL_CAP`, see `totalIsLowerBound`. */
  total: number;
  /** Set (true) when more than `total` rows match: counting stopped at the cap (decision 071). */
  totalIsLowerBound?: boolean;
  /** The cursor for the next page (`?after=`), set when the list seeks and more rows follow. */
  nextCursor?: string;
}

/** `{limit, offset}` for 1-based `page` and `pageSize`. */
export const pageWindow = (q: PageQuery): PageWindow => ({ limit: q.pageSize, offset: (q.page - 1) * q.pageSize });

/** `count(*)` as an integer: `db.select({ n: rowCount() }).from(sub)`. */
export const rowCount = () => sql<number>`count(*)::int`;

/**
 * The number of rows `matching` answers, counted up to `cap + 1` and no further: the count of a
 * `LIMIT cap + 1` subquery, so a list of a million rows costs no more to count than one of a
 * thousand. `matching` is the list's query without order and window, e.g.
 * `db.select({ one: sql\`1\` }).from(t).where(where)`.
 */
export function countUpTo(db: Executor, matching: { limit(n: number): { as(alias: string): Subquery } }, cap: number) {
  return db.select({ n: rowCount() }).from(matching.limit(cap + 1).as('matching'));
}

/** The SQL type a cursor value is cast back to (the sort key's column type). */
export type SeekType = 'timestamptz' | 'date' | 'text' | 'uuid' | 'bigint' | 'integer';

/** One sort key of a list that pages by cursor: a column or expression and its direction. */
export interface SeekKey {
  expr: SQL | AnyColumn;
  type: SeekType;
  desc?: boolean;
  /** Where nulls sort; Postgres's default (last ascending, first descending) when absent. */
  nullsFirst?: boolean;
  /** The expression is never null: the seek then starts with a range bound an index can use. */
  notNull?: boolean;
}

/**
 * The order of a list that pages by cursor (keyset pagination, decision 071): `keys` in order,
 * the last one unique (the id tiebreaker). `name` tells lists and orders apart, so a cursor of one
 * list or order is refused by another.
 */
export interface Seek {
  name: string;
  keys: SeekKey[];
}

/** The ORDER BY of `seek`. */
export function seekOrder(seek: Seek): SQL[] {
  return seek.keys.map(
    (k) => sql`${k.expr} ${sql.raw(k.desc ? 'desc' : 'asc')}${k.nullsFirst === undefined ? sql`` : sql.raw(k.nullsFirst ? ' nulls first' : ' nulls last')}`,
  );
}

/** A column for the rows query: the row's sort key values as a JSON array (text), read by `page()` for `nextCursor`. */
export function seekCursor(seek: Seek): SQL<string> {
  const values = seek.keys.map((k) => (k.type === 'bigint' || k.type === 'integer' ? sql`(${k.expr})::text` : sql`${k.expr}`));
  return sql<string>`json_build_array(${sql.join(values, sql`, `)})::text`;
}

/**
 * The rows that come after `values` (one per key) in `seek`'s order, nulls included where they sort.
 * Each non-null value is sent as `bind(i, value)`: the value itself, or a placeholder for a statement
 * built once (`preparedPage`); which values are null shapes the condition.
 */
function seekAfter(seek: Seek, values: (string | null)[], bind: (i: number, v: string) => string | Placeholder = (_i, v) => v): SQL {
  const cast = (k: SeekKey, i: number, v: string) => sql`${bind(i, v)}::${sql.raw(k.type)}`;
  const same = (k: SeekKey, i: number, v: string | null) => (v === null ? sql`${k.expr} is null` : sql`${k.expr} = ${cast(k, i, v)}`);
  const beyond = (k: SeekKey, i: number, v: string | null): SQL | undefined => {
    const nullsFirst = k.nullsFirst ?? k.desc === true;
    if (v === null) return nullsFirst ? sql`${k.expr} is not null` : undefined;
    const past = sql`${k.expr} ${sql.raw(k.desc ? '<' : '>')} ${cast(k, i, v)}`;
    return nullsFirst || k.notNull ? past : sql`(${past} or ${k.expr} is null)`;
  };
  const branches: SQL[] = [];
  seek.keys.forEach((k, i) => {
    const next = beyond(k, i, values[i] ?? null);
    if (next) branches.push(and(...seek.keys.slice(0, i).map((e, j) => same(e, j, values[j] ?? null)), next) as SQL);
  });
  const first = seek.keys[0];
  const v0 = values[0] ?? null;
  // The leading bound repeats what the branches imply, so the index on the first key is read from the cursor on.
  const lead = first?.notNull && v0 !== null ? sql`${first.expr} ${sql.raw(first.desc ? '<=' : '>=')} ${cast(first, 0, v0)}` : undefined;
  return and(lead, branches.length > 0 ? (or(...branches) as SQL) : sql`false`) as SQL;
}

const badCursor = (message: string) =>
  new AppError('validation-failed', `Ongeldige invoer: ${message}`, { errors: [{ in: 'query', pointer: '/after', message }] });

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?(Z|[+-]\d{2}(:\d{2})?)$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const realDate = (s: string) => {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
};
const VALID: Record<SeekType, (v: string) => boolean> = {
  timestamptz: (v) => v === 'infinity' || v === '-infinity' || (INSTANT.test(v) && realDate(v.slice(0, 10))),
  date: realDate,
  text: (v) => v.length <= 1000 && !v.includes('\u0000'),
  uuid: (v) => UUID.test(v),
  bigint: (v) => /^-?\d{1,18}$/.test(v),
  integer: (v) => /^-?\d{1,9}$/.test(v),
};

/** `after` as an opaque string: base64url of `{s: seek name, v: values}`. */
const encodeCursor = (seek: Seek, values: unknown[]) => Buffer.from(JSON.stringify({ s: seek.name, v: values }), 'utf8').toString('base64url');

/**
 * The sort key values in cursor `after` for `seek`.
 * @throws AppError 400 `validation-failed` on `/after` when the cursor is not one this list and order answered
 */
function decodeCursor(seek: Seek, after: string): (string | null)[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
  } catch {
    throw badCursor('deze cursor is onleesbaar');
  }
  const c = parsed as { s?: unknown; v?: unknown };
  if (typeof c !== 'object' || c === null || c.s !== seek.name) throw badCursor('deze cursor hoort bij een andere lijst of sortering');
  const values = c.v;
  if (!Array.isArray(values) || values.length !== seek.keys.length) throw badCursor('deze cursor is onleesbaar');
  return values.map((v, i) => {
    const k = seek.keys[i] as SeekKey;
    if (v === null && !k.notNull) return null;
    if (typeof v !== 'string' || !VALID[k.type](v)) throw badCursor('deze cursor is onleesbaar');
    return v;
  });
}

/** What `page()` needs to page by cursor: the list's order and the cursor column of its rows (`seekCursor`). */
export interface PageSeek<R> {
  seek: Seek;
  cursorOf: (row: R) => string;
}

/**
 * One page of a list response (decision 071). Runs `rows` for the page's window (one row more than
 * the page, to know whether more follow) and returns `{items, page, pageSize, total}` with each row
 * mapped by `toItem`, plus `totalIsLowerBound` and `nextCursor` when they apply:
 * - `total` needs no count when the page itself shows where the list ends (a last page reached by
 *   number); otherwise `count(LIST_TOTAL_CAP)` counts the matching rows up to one past the cap
 *   (`countUpTo`, or a number known otherwise). Past the cap, `total` is the cap and
 *   `totalIsLowerBound` is true ("more than 1,000").
 * - With `seek`, `rows` must order by `seekOrder(seek)` and select `seekCursor(seek)`; a query's
 *   `after` then replaces the offset with a condition on the sort keys (`window.after`), which an
 *   index on those keys answers without reading the skipped rows; `nextCursor` is set while rows follow.
 * The queries run one after the other, so it works on a transaction too. `rows` must order by a
 * unique tiebreaker so pages neither overlap nor skip (docs/design.md §9). A list read on every
 * visit can build its two statements once instead: `preparedPage`.
 * @throws AppError 400 `validation-failed` on `/after` for a cursor of another list or order, or on a list without `seek`
 */
export function page<R, T>(
  q: PageQuery,
  rows: (window: PageWindow) => PromiseLike<R[]>,
  count: (cap: number) => PromiseLike<number | readonly { n: number | string | null }[]>,
  toItem: (row: R) => T,
  seek?: PageSeek<R>,
): Promise<Page<T>> {
  return paged(q, (limit, offset, cursor) => rows({ limit, offset, after: cursor && seek ? seekAfter(seek.seek, cursor) : undefined }), count, toItem, seek);
}

/** A statement built once, run with a value for each of its placeholders (drizzle's `.prepare(name)`). */
export interface PreparedStatement<R> {
  execute(values?: Record<string, unknown>): PromiseLike<R[]>;
}

/** The window of a list statement built once (`preparedPage`): placeholders `limit` and `offset`, and the cursor condition. */
export interface PreparedWindow {
  limit: Placeholder;
  offset: Placeholder;
  /** The rows past the cursor, its values as placeholders `after0`, `after1`, …; undefined for a page by number. */
  after: SQL | undefined;
}

/** One list shape: which of its filters are set (`key`, unique among all lists) and their values by placeholder name. */
export interface ListShape {
  key: string;
  values: Record<string, unknown>;
}

/** The statements of each list shape built so far, per database (a test builds many apps). */
const builtStatements = new WeakMap<Database, Map<string, PreparedStatement<unknown>>>();
/**
 * Most statements kept per database. A list's shapes are bounded by its filters (set or not) and
 * its orders, far below this; past it a statement is built for the one request, as `page` does.
 */
const MAX_BUILT_STATEMENTS = 1_000;

function built<R>(db: Database, key: string, build: () => PreparedStatement<R>): PreparedStatement<R> {
  let statements = builtStatements.get(db);
  if (!statements) {
    statements = new Map();
    builtStatements.set(db, statements);
  }
  const found = statements.get(key);
  if (found) return found as PreparedStatement<R>;
  const statement = build();
  if (statements.size < MAX_BUILT_STATEMENTS) statements.set(key, statement as PreparedStatement<unknown>);
  return statement;
}

/**
 * `page()` for a list read on every visit, its two statements built once per shape (decision 135):
 * drizzle renders the SQL text of a list query (its joins, visibility rule, labels, cursor column) on
 * every call, which cost a busy server more than PostgreSQL's own work on the page. Here `build.rows`
 * and `build.count` are called once per `shape.key` (and, for `rows`, per order of null and non-null
 * cursor values) and must answer `.prepare(name)`d statements of `db` whose filters use
 * `sql.placeholder(name)` for every value in `shape.values` (never the value itself: the statement
 * outlives the request); each request then only binds `shape.values`, `limit`, `offset` and the
 * cursor values (`after0`, …, names a list must not use). With `DATABASE_PREPARE=false` the driver
 * sends them unnamed all the same (`preparing` in `db/src/client.ts`). Same answers as `page()`, and
 * the same SQL text as the list built per request.
 * @throws AppError 400 `validation-failed` on `/after` for a cursor of another list or order
 */
export function preparedPage<R, T>(
  db: Database,
  q: PageQuery,
  shape: ListShape,
  build: { rows: (window: PreparedWindow) => PreparedStatement<R>; count: (cap: number) => PreparedStatement<{ n: number | string | null }> },
  toItem: (row: R) => T,
  seek: PageSeek<R>,
): Promise<Page<T>> {
  return paged(
    q,
    (limit, offset, cursor) => {
      const values: Record<string, unknown> = { ...shape.values, limit, offset };
      let nulls = '';
      cursor?.forEach((v, i) => {
        nulls += v === null ? '0' : '1';
        if (v !== null) values[`after${i}`] = v;
      });
      const statement = built(db, `${shape.key}|rows|${cursor ? nulls : 'offset'}`, () =>
        build.rows({
          limit: sql.placeholder('limit'),
          offset: sql.placeholder('offset'),
          after: cursor ? seekAfter(seek.seek, cursor, (i) => sql.placeholder(`after${i}`)) : undefined,
        }),
      );
      return statement.execute(values);
    },
    (cap) => built(db, `${shape.key}|count|${cap}`, () => build.count(cap)).execute(shape.values),
    toItem,
    seek,
  );
}

/** What `page` and `preparedPage` share: the cursor read, the window, the total and the next cursor. */
async function paged<R, T>(
  q: PageQuery,
  rows: (limit: number, offset: number, cursor: (string | null)[] | undefined) => PromiseLike<R[]>,
  count: (cap: number) => PromiseLike<number | readonly { n: number | string | null }[]>,
  toItem: (row: R) => T,
  seek?: PageSeek<R>,
): Promise<Page<T>> {
  let cursor: (string | null)[] | undefined;
  let offset = (q.page - 1) * q.pageSize;
  if (q.after !== undefined) {
    if (!seek) throw badCursor('deze lijst bladert niet met een cursor');
    cursor = decodeCursor(seek.seek, q.after);
    offset = 0;
  }
  const found = await rows(q.pageSize + 1, offset, cursor);
  const more = found.length > q.pageSize;
  const onPage = more ? found.slice(0, q.pageSize) : found;
  let total: number;
  let lowerBound = false;
  if (cursor === undefined && !more && (onPage.length > 0 || offset === 0)) {
    total = offset + onPage.length;
  } else {
    const counted = await count(LIST_TOTAL_CAP);
    const n = typeof counted === 'number' ? counted : Number(counted[0]?.n ?? 0);
    lowerBound = n > LIST_TOTAL_CAP;
    total = lowerBound ? LIST_TOTAL_CAP : n;
  }
  const result: Page<T> = { items: onPage.map(toItem), page: q.page, pageSize: q.pageSize, total };
  if (lowerBound) result.totalIsLowerBound = true;
  const last = onPage[onPage.length - 1];
  if (seek && more && last !== undefined) result.nextCursor = encodeCursor(seek.seek, JSON.parse(seek.cursorOf(last)) as unknown[]);
  return result;
}

/** An instant from the database as an ISO string (both drivers give Date or string). */
export const iso = (v: Date | string): string => (v instanceof Date ? v : new Date(v)).toISOString();
export const isoOrNull = (v: Date | string | null): string | null => (v === null ? null : iso(v));
