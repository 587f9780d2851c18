import { type Executor, rowsOf } from '@duidingspool/db';
import type { Query, SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';

/** Renders SQL text only; the app's databases use drizzle's default dialect (no casing). */
const dialect = new PgDialect();

/** A statement built once: run it on the pool or on a transaction with this call's values. */
export type BuiltStatement<R> = (db: Executor, values: Record<string, unknown>) => Promise<R[]>;

/**
 * A statement whose SQL text drizzle renders once, on its first use, and which then runs on any
 * executor — the pool or a transaction — binding each call's values (decision 135). drizzle's
 * `.prepare(name)` (used by `preparedPage`) binds a query to the pool it was built on; the
 * statements of a write run inside the write's transaction, so this keeps only the rendered text
 * and its parameter list and asks the executor's session for a prepared query each time.
 *
 * `build` must use `sql.placeholder(name)` for every value that differs between calls (never the
 * value itself: the text outlives the call); `values` gives each placeholder its value. The rows
 * come back as the driver answers them, column names as written, without drizzle's mapping: select
 * types that read the same on postgres.js and PGlite (text, integer, boolean, float8; a
 * `timestamptz` arrives as its text). With `DATABASE_PREPARE=false` the driver sends the statement
 * unnamed like every other (`preparing` in `db/src/client.ts`).
 *
 * @param name the statement's name (postgres.js names prepared statements itself; this marks it as one)
 * @throws the driver's error (wrapped by drizzle) when the statement fails, or Error when a placeholder has no value
 */
export function builtStatement<R>(name: string, build: () => SQL): BuiltStatement<R> {
  let query: Query | undefined;
  return async (db, values) => {
    query ??= dialect.sqlToQuery(build());
    return rowsOf<R>(await db._.session.prepareQuery(query, undefined, name, false).execute(values));
  };
}
