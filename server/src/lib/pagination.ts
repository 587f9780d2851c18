import { sql } from 'drizzle-orm';

/** The page a list request asks for: 1-based `page`, `pageSize` items (`PageQuerySchema` in shared/). */
export interface PageQuery {
  page: number;
  pageSize: number;
}

/** The rows of one page: at most `limit`, after skipping `offset`. */
export interface PageWindow {
  limit: number;
  offset: number;
}

/** One page of a list, the shape `pageOf(item)` in `shared/src/contracts/common.ts` defines (docs/design.md §7). */
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  /** Every row matching the list's condition, on all pages. */
  total: number;
}

/** `{limit, offset}` for 1-based `page` and `pageSize`. */
export const pageWindow = (q: PageQuery): PageWindow => ({ limit: q.pageSize, offset: (q.page - 1) * q.pageSize });

/** `count(*)` as an integer, for the count query of `page()`: `db.select({ n: rowCount() }).from(t).where(where)`. */
export const rowCount = () => sql<number>`count(*)::int`;

/**
 * One page of a list response: runs `rows` for the page's window, then `count` for the number of
 * all rows matching the same condition (a count query answering `[{ n }]`, or the number itself),
 * and returns `{items, page, pageSize, total}` with each row mapped by `toItem`. The two queries run
 * one after the other, so it works on a transaction too. `rows` must order by a unique tiebreaker
 * so pages neither overlap nor skip (docs/design.md §9).
 */
export async function page<R, T>(
  q: PageQuery,
  rows: (window: PageWindow) => PromiseLike<R[]>,
  count: () => PromiseLike<number | readonly { n: number | string | null }[]>,
  toItem: (row: R) => T,
): Promise<Page<T>> {
  const found = await rows(pageWindow(q));
  const counted = await count();
  const total = typeof counted === 'number' ? counted : Number(counted[0]?.n ?? 0);
  return { items: found.map(toItem), page: q.page, pageSize: q.pageSize, total };
}

/** An instant from the database as an ISO string (both drivers give Date or string). */
export const iso = (v: Date | string): string => (v instanceof Date ? v : new Date(v)).toISOString();
export const isoOrNull = (v: Date | string | null): string | null => (v === null ? null : iso(v));
