import { type Database, migrationState } from '@duidingspool/db';
import { sql } from 'drizzle-orm';
import { freeBytes } from '../../lib/data-dir.ts';

/** Asks the database one trivial question; rejects when it does not answer. */
export async function pingDatabase(db: Database): Promise<void> {
  await db.execute(sql`select 1`);
}

/**
 * Whether the embedded database's folder `dataDir` has at least `minFreeBytes` free (decision
 * 061); a folder that cannot be read counts as without room.
 */
export function hasRoom(dataDir: string, minFreeBytes: number): boolean {
  try {
    return freeBytes(dataDir) >= minFreeBytes;
  } catch {
    return false;
  }
}

/**
 * How many committed migrations the database has not applied (decision 083); 0 when it is current.
 * @throws the driver's error when the database does not answer
 */
export async function pendingMigrations(db: Database): Promise<number> {
  return (await migrationState(db)).pending;
}
