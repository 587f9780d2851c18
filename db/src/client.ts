import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite, type Transaction as PgliteTransaction, type QueryOptions, types } from '@electric-sql/pglite';
import { type ExtractTablesWithRelations, sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { acquireDataDirLock } from './data-dir-lock.ts';
import { MIGRATIONS_FOLDER, PGLITE_IMAGE_DIR } from './paths.ts';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
/** One database type for both drivers: the embedded PGlite and postgres.js (docs/design.md §8). */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle; repositories take `Executor` so they run inside or outside one. */
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Executor = Database | Transaction;

/** An open database with the driver it runs on. */
export interface DatabaseHandle {
  db: Database;
  driver: 'pglite' | 'postgres';
  /**
   * Runs the committed migrations (idempotent). On PostgreSQL under the session advisory lock
   * `MIGRATION_LOCK_KEY`, so instances starting at once migrate one after the other: the first
   * applies them, the others find nothing left to do (decision 083).
   */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** A `postgres://` URL; when unset the embedded PGlite is used. */
  url?: string | undefined;
  /** PGlite data folder (created when missing). Ignored when `url` is set. */
  dataDir?: string | undefined;
  /**
   * The folder whose exclusive lock is held while PGlite is open (`DATA_DIR`, decision 061);
   * default `dataDir`. Ignored when `url` is set or without `dataDir`.
   */
  lockDir?: string | undefined;
  /** Pool size for postgres.js. */
  maxConnections?: number | undefined;
  /**
   * Longest a statement may run on postgres.js, milliseconds (`statement_timeout`; default
   * `STATEMENT_TIMEOUT_MS`, 0 = none). Migrations run on a connection of their own without it.
   */
  statementTimeoutMs?: number | undefined;
  /**
   * Prepare every statement on postgres.js (default true, decision 072); false behind a
   * transaction-pooling proxy that cannot keep named statements.
   */
  prepare?: boolean | undefined;
}

/**
 * How postgres.js meets an outage (decision 060): a connection attempt gives up after
 * `CONNECT_TIMEOUT_SECONDS`, a failed attempt is retried after at most `MAX_BACKOFF_SECONDS`
 * (the driver's own backoff grows to 20 s, which kept the app down long after the database was
 * back), idle connections are dropped after `IDLE_TIMEOUT_SECONDS` and every connection is
 * renewed after `MAX_LIFETIME_SECONDS`, so few dead sockets are held when the database goes away,
 * and TCP keepalive notices a silent peer after `KEEP_ALIVE_SECONDS`.
 */
export const CONNECT_TIMEOUT_SECONDS = 5;
export const MAX_BACKOFF_SECONDS = 0.5;
export const IDLE_TIMEOUT_SECONDS = 20;
export const MAX_LIFETIME_SECONDS = 30 * 60;
export const KEEP_ALIVE_SECONDS = 10;
/** Default `statement_timeout` of the app's connections, milliseconds. */
export const STATEMENT_TIMEOUT_MS = 15_000;

/**
 * Key of the PostgreSQL advisory lock held while migrating (`pg_advisory_lock`, session level: a
 * connection that dies releases it). Outside the 32-bit range of the `hashtext()` keys the app's
 * other advisory locks use, so it never meets one of them.
 */
export const MIGRATION_LOCK_KEY = 4_207_738_801_062_011n;

/** The postgres.js client type (a tagged-template function with `unsafe`, `begin`, `savepoint`, …). */
type Sql = postgres.Sql;

/**
 * The postgres.js client `sql` with every statement drizzle sends prepared (decision 072).
 *
 * drizzle's postgres-js session runs each query through `sql.unsafe(text, params)`, which postgres.js
 * sends as an unnamed statement: parsed and planned anew on every call. Asking for `prepare: true`
 * makes postgres.js name the statement on first use per connection and afterwards send only Bind and
 * Execute, reusing the parse and — after five runs with similar parameters — a generic plan. The
 * statement texts are drizzle's (values are always parameters), so their number is bounded by the
 * code; each connection's cache lives until the connection is renewed (`MAX_LIFETIME_SECONDS`).
 * Transactions and savepoints hand their callback a client of their own, which is wrapped the same
 * way. A statement invalidated by a schema change is re-prepared by postgres.js itself.
 * Not for a transaction-pooling proxy (PgBouncer in transaction mode), which cannot keep named
 * statements per connection: set `prepare: false` there (`DATABASE_PREPARE=false`), and the
 * client then sends every statement unnamed — also the queries the app builds once with drizzle's
 * `.prepare(name)` (decision 135), which would otherwise ask postgres.js for a named statement.
 *
 * @param prepare true: every statement named and prepared per connection; false: none
 */
export function preparing<T extends Sql | postgres.TransactionSql>(client: T, prepare = true): T {
  const wrapCallback = (args: unknown[]) => {
    const last = args.length - 1;
    const fn = args[last];
    if (typeof fn === 'function') args[last] = (inner: postgres.TransactionSql) => fn(preparing(inner, prepare));
    return args;
  };
  return new Proxy(client, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (key === 'unsafe') {
        return (text: string, params?: unknown[], options?: postgres.UnsafeQueryOptions) =>
          (value as Sql['unsafe']).call(target, text, params as never, { ...options, prepare });
      }
      if (key === 'begin' || key === 'savepoint') {
        return (...args: unknown[]) => (value as (...a: unknown[]) => unknown).apply(target, wrapCallback(args));
      }
      return value;
    },
  });
}

/**
 * The PostgreSQL settings of the embedded database (decision 074), given at every start (nothing is
 * written to its configuration file). PGlite keeps PostgreSQL's defaults, sized for a server:
 * 128 MB of shared buffers alone grow its WebAssembly memory from 128 to about 200 MiB, and that
 * memory never shrinks. The embedded default serves one pool's data (tens of MB), and a page that
 * is not in the buffers is one file read away, so 16 MB of buffers, 1 MB of WAL buffers and 2 MB
 * of temporary buffers keep the whole database inside PGlite's smallest memory (128 MiB).
 * `work_mem` stays at 4 MB, so no sort spills to disk sooner than before.
 */
export const PGLITE_SETTINGS: Readonly<Record<string, string>> = {
  shared_buffers: '16MB',
  wal_buffers: '1MB',
  temp_buffers: '2MB',
  maintenance_work_mem: '16MB',
};

/** PGlite's own start parameters with `PGLITE_SETTINGS` after them. */
export const pgliteStartParams = (): string[] => [...PGlite.defaultStartParams, ...Object.entries(PGLITE_SETTINGS).flatMap(([k, v]) => ['-c', `${k}=${v}`])];

/**
 * Opens PGlite in `dataDir` with `PGLITE_SETTINGS`. A folder without a database is filled from
 * the first-start image (`PGLITE_IMAGE_DIR`, decision 074) when the bundles carry one: copying its
 * files costs a fraction of initdb and the migrations it already holds, and — unlike PGlite's own
 * `loadDataDir`, which unpacks a tarball through memory — leaves no buffers behind (about 80 MiB
 * less RSS once ready). When the image cannot be used, the folder is emptied again and PGlite
 * runs initdb as it would without one.
 */
async function openPglite(dataDir: string | undefined): Promise<PGlite> {
  const startParams = pgliteStartParams();
  const image =
    dataDir && PGLITE_IMAGE_DIR && existsSync(join(PGLITE_IMAGE_DIR, 'PG_VERSION')) && readdirSync(dataDir).length === 0 ? PGLITE_IMAGE_DIR : undefined;
  if (image && dataDir) {
    let fromImage: PGlite | undefined;
    try {
      cpSync(image, dataDir, { recursive: true });
      fromImage = new PGlite(dataDir, { startParams });
      await fromImage.waitReady;
      return fromImage;
    } catch {
      await fromImage?.close().catch(() => {});
      for (const entry of readdirSync(dataDir)) rmSync(join(dataDir, entry), { recursive: true, force: true });
    }
  }
  const client = new PGlite(dataDir, { startParams });
  await client.waitReady;
  return client;
}

/**
 * The result parsers drizzle's PGlite driver hands PGlite with every query (drizzle-orm 0.45,
 * `PglitePreparedQuery`): the date and time types and the arrays of them, and `numeric[]`, are read
 * as PostgreSQL's text, unparsed. Keyed by type OID.
 */
const DRIZZLE_TEXT_TYPES = [types.TIMESTAMP, types.TIMESTAMPTZ, types.INTERVAL, types.DATE, 1231, 1115, 1185, 1187, 1182] as const;
const asText = (value: string) => value;

/** True when `options.parsers` holds only the text parsers of `DRIZZLE_TEXT_TYPES` (what drizzle passes). */
function onlyDrizzleParsers(options: QueryOptions | undefined): boolean {
  const parsers = options?.parsers;
  if (!parsers) return false;
  const keys = Object.keys(parsers);
  return keys.length === DRIZZLE_TEXT_TYPES.length && DRIZZLE_TEXT_TYPES.every((oid) => parsers[oid] !== undefined);
}

/** `options` without `parsers`, when they are drizzle's text parsers the client already has. */
const withoutDrizzleParsers = (options: QueryOptions | undefined): QueryOptions | undefined => {
  if (!onlyDrizzleParsers(options)) return options;
  const { parsers: _, ...rest } = options as QueryOptions;
  return rest;
};

/**
 * The PGlite client as drizzle sees it (decision 074; `openDatabase` uses it): the same results for
 * a fraction of the work per query. drizzle passes its text parsers (`DRIZZLE_TEXT_TYPES`) as a query option on every
 * query, and PGlite then merges them into a copy of its own parser table (318 entries, one per
 * type and array type) for each result — about two thirds of the JavaScript time of a short query
 * on PGlite, and most of its garbage. Here the client's own table holds the same text parsers
 * once, and the per-query option is dropped when it is exactly drizzle's; queries and
 * transactions otherwise go to PGlite unchanged. Sets the text parsers on `client` itself, so a
 * caller that queries `client` directly also reads those types as text.
 * @returns a proxy of `client` to hand to drizzle, once `client` is ready
 */
export async function pgliteForDrizzle(client: PGlite): Promise<PGlite> {
  // After PGlite's start, which sets a parser for every array type (the text ones included).
  await client.waitReady;
  for (const oid of DRIZZLE_TEXT_TYPES) client.parsers[oid] = asText;
  const wrapTransaction = (tx: PgliteTransaction): PgliteTransaction =>
    new Proxy(tx, {
      get(target, key, receiver) {
        if (key === 'query')
          return <T>(text: string, params?: unknown[], options?: QueryOptions) => target.query<T>(text, params, withoutDrizzleParsers(options));
        return Reflect.get(target, key, receiver);
      },
    });
  return new Proxy(client, {
    get(target, key) {
      if (key === 'query')
        return <T>(text: string, params?: unknown[], options?: QueryOptions) => target.query<T>(text, params, withoutDrizzleParsers(options));
      if (key === 'transaction') return <T>(callback: (tx: PgliteTransaction) => Promise<T>) => target.transaction((tx) => callback(wrapTransaction(tx)));
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** Seconds before the next connection attempt after `retries` failed ones: 50 ms doubling, capped. */
const backoff = (retries: number) => Math.min(0.05 * 2 ** retries, MAX_BACKOFF_SECONDS);

/** postgres.js options shared by the app's pool and the migration connection. */
const driverOptions = {
  onnotice: () => {},
  connect_timeout: CONNECT_TIMEOUT_SECONDS,
  idle_timeout: IDLE_TIMEOUT_SECONDS,
  max_lifetime: MAX_LIFETIME_SECONDS,
  keep_alive: KEEP_ALIVE_SECONDS,
  backoff,
};

/**
 * Opens the database: postgres.js when `url` is set, otherwise PGlite in `dataDir` (or in memory
 * when neither is given, for tooling), holding the lock of `lockDir` until `close`.
 * @throws DataDirLockedError when another live process holds the data folder's lock
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.url) {
    const url = options.url;
    const statementTimeoutMs = options.statementTimeoutMs ?? STATEMENT_TIMEOUT_MS;
    const client = postgres(url, {
      ...driverOptions,
      max: options.maxConnections ?? 10,
      ...(statementTimeoutMs > 0 ? { connection: { statement_timeout: statementTimeoutMs } } : {}),
    });
    const db = drizzlePostgres(preparing(client, options.prepare !== false), { schema }) as unknown as Database;
    return {
      db,
      driver: 'postgres',
      // A connection of its own: a migration may run longer than the app's statement deadline.
      migrate: async () => {
        // One connection that is never recycled meanwhile, so the lock and the migrations share it.
        const migrator = postgres(url, { ...driverOptions, max: 1, idle_timeout: 0, max_lifetime: null });
        try {
          await migrator`select pg_advisory_lock(${String(MIGRATION_LOCK_KEY)}::bigint)`;
          await migratePostgres(drizzlePostgres(migrator, { schema }) as never, { migrationsFolder: MIGRATIONS_FOLDER });
          await migrator`select pg_advisory_unlock(${String(MIGRATION_LOCK_KEY)}::bigint)`;
        } finally {
          await migrator.end({ timeout: 5 });
        }
      },
      close: () => client.end({ timeout: 5 }),
    };
  }
  // One process per data folder: PGlite has no lock of its own.
  const lock = options.dataDir ? acquireDataDirLock(options.lockDir ?? options.dataDir) : undefined;
  let client: PGlite;
  try {
    if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
    client = await openPglite(options.dataDir);
  } catch (error) {
    lock?.release();
    throw error;
  }
  const db = drizzlePglite(await pgliteForDrizzle(client), { schema }) as unknown as Database;
  return {
    db,
    driver: 'pglite',
    migrate: () => migratePglite(db as never, { migrationsFolder: MIGRATIONS_FOLDER }),
    close: async () => {
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

/** How far the database's schema is behind the committed migrations. */
export interface MigrationState {
  /** Migrations in the journal (`db/migrations/meta/_journal.json`). */
  known: number;
  /** Of those, not yet applied: newer than the newest one the migration table records. */
  pending: number;
}

let journalWhen: number[] | undefined;

/**
 * The rows of a raw `db.execute` result: postgres.js returns an array, PGlite an object with `rows`.
 */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? [])) as T[];
}

/**
 * Compares the committed migrations with the migration table (`drizzle.__drizzle_migrations`),
 * the way drizzle's migrator decides what to run: a migration is pending when its journal time is
 * later than the newest applied one. Two small queries; the journal is read once per process.
 * @throws the driver's error when the database does not answer
 */
export async function migrationState(db: Database): Promise<MigrationState> {
  journalWhen ??= (JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8')) as { entries: { when: number }[] }).entries.map(
    (e) => e.when,
  );
  const [table] = rowsOf<{ present: boolean }>(await db.execute(sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`));
  let newest = Number.NEGATIVE_INFINITY;
  if (table?.present) {
    const [row] = rowsOf<{ newest: string | null }>(await db.execute(sql`select max(created_at)::text as newest from drizzle.__drizzle_migrations`));
    if (row?.newest != null) newest = Number(row.newest);
  }
  return { known: journalWhen.length, pending: journalWhen.filter((when) => when > newest).length };
}
