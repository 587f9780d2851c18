// What the single-database benchmarks share: a database of their own on the PostgreSQL of
// BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres), migrated and seeded with
// the demo structure and accounts, dropped afterwards; and the percentile they report.
import { randomBytes } from 'node:crypto';
import { type DatabaseHandle, openDatabase } from '@duidingspool/db';
import postgres from 'postgres';
import { seedDemoDatabase } from '../src/demo-seed.ts';

const BASE = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The URL of database `db` on the benchmark's server. */
export const benchDatabaseUrl = (db: string) => Object.assign(new URL(BASE), { pathname: `/${db}` }).toString();

/** The n-th percentile (0–100) of `values`, nearest rank. */
export function percentile(values: number[], n: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((n / 100) * sorted.length) - 1))] as number;
}

/** A benchmark's own database: the app's handle, a one-connection postgres.js client for bulk SQL, and how to drop it. */
export interface BenchDatabase {
  /** `<prefix>_<8 hex>`. */
  name: string;
  handle: DatabaseHandle;
  sql: postgres.Sql;
  /** Closes both clients and drops the database; `keep` leaves it (its name printed on stderr) for EXPLAIN by hand. */
  drop: (keep?: boolean) => Promise<void>;
}

/**
 * Creates database `<prefix>_<random>`, opens the app's handle on it (`maxConnections`, no statement
 * deadline: bulk loads run for minutes), migrates it and seeds the demo structure and accounts.
 * On a failure before it is returned, whatever was opened is closed and the database dropped.
 */
export async function openBenchDatabase(prefix: string, maxConnections: number): Promise<BenchDatabase> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(BASE, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const handle = await openDatabase({ url: benchDatabaseUrl(name), maxConnections, statementTimeoutMs: 0 });
  const sql = postgres(benchDatabaseUrl(name), { max: 1, onnotice: () => {} });
  const drop = async (keep = false) => {
    await sql.end();
    await handle.close();
    if (keep) console.error(`kept database ${name}`);
    else await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
  try {
    await handle.migrate();
    await handle.db.transaction((tx) => seedDemoDatabase(tx));
  } catch (e) {
    await drop();
    throw e;
  }
  return { name, handle, sql, drop };
}
