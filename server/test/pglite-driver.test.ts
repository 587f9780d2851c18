// The embedded database's client as drizzle sees it (decision 074): `openDatabase` gives drizzle a
// PGlite whose own parsers read dates, times and their arrays as text, and drops drizzle's per-query
// parsers (`pgliteForDrizzle`). What the app reads must be exactly what drizzle's stock PGlite
// driver reads, for every type drizzle treats specially, through the query builder, raw SQL, a
// transaction and a savepoint. Both run on one PGlite: the stock driver's per-query parsers decide
// those types whatever the client's own parsers say.
import { type Database, pgliteForDrizzle } from '@duidingspool/db';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** One value of each type drizzle reads as text on PGlite, and a few it lets PGlite parse. */
const VALUES = sql`select
  timestamp '2026-03-29 01:30:00.123456' as ts,
  timestamptz '2026-10-25 02:30:00+02' as tstz,
  interval '1 day 02:03:04' as iv,
  date '2026-02-28' as d,
  array[1.50, 2.25]::numeric[] as nums,
  array[timestamp '2026-01-01 00:00']::timestamp[] as tss,
  array[timestamptz '2026-01-01 00:00+01']::timestamptz[] as tstzs,
  array[interval '1 hour']::interval[] as ivs,
  array[date '2026-12-31', null]::date[] as ds,
  12.5::numeric as num,
  42::int as n,
  9007199254740993::bigint as big,
  true as b,
  '{"a": [1, "x"]}'::jsonb as j,
  array['a', 'b,c']::text[] as texts,
  array[1, 2]::int[] as ints,
  null::timestamptz as nothing`;

describe('the embedded database read through drizzle', () => {
  let client: PGlite;
  let stockDb: Database;
  let handle: { db: Database };

  beforeAll(async () => {
    client = new PGlite();
    stockDb = drizzle(client) as unknown as Database;
    handle = { db: drizzle(await pgliteForDrizzle(client)) as unknown as Database };
  });
  afterAll(async () => {
    await client?.close();
  });

  it('reads every value as drizzle’s own PGlite driver does: raw SQL, in a transaction and in a savepoint', async () => {
    const expected = await stockDb.execute(VALUES);
    expect(await handle.db.execute(VALUES)).toEqual(expected);
    expect(await handle.db.transaction((tx) => tx.execute(VALUES))).toEqual(expected);
    expect(await handle.db.transaction((tx) => tx.transaction((sp) => sp.execute(VALUES)))).toEqual(expected);
    // Dates stay PostgreSQL's text, as drizzle's columns expect them.
    expect(typeof (expected as unknown as { rows: Record<string, unknown>[] }).rows[0]?.tstz).toBe('string');
  });

  it('reads every value as drizzle’s own PGlite driver does: selected fields (rows as arrays)', async () => {
    const fields = {
      ts: sql<string>`timestamp '2026-03-29 01:30:00.123456'`,
      tstz: sql<string>`timestamptz '2026-10-25 02:30:00+02'`,
      iv: sql<string>`interval '90 minutes'`,
      d: sql<string>`date '2026-02-28'`,
      dates: sql<string[]>`array[date '2026-12-31']`,
      num: sql<string>`12.5::numeric`,
      n: sql<number>`42`,
      j: sql<unknown>`'{"a": 1}'::jsonb`,
    };
    const query = (db: Database) => db.select(fields).from(sql`(select 1) as one`);
    const expected = await query(stockDb);
    expect(await query(handle.db)).toEqual(expected);
    expect(await handle.db.transaction((tx) => query(tx as unknown as Database))).toEqual(expected);
  });

  it('rolls a failed transaction back and keeps the client usable', async () => {
    await handle.db.execute(sql`create table if not exists driver_check (n int)`);
    await expect(
      handle.db.transaction(async (tx) => {
        await tx.execute(sql`insert into driver_check values (1)`);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const rows = (await handle.db.execute(sql`select count(*)::int as n from driver_check`)) as unknown as { rows: { n: number }[] };
    expect(rows.rows[0]?.n).toBe(0);
  });
});
