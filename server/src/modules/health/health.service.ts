import type { Database } from '@duidingspool/db';
import { sql } from 'drizzle-orm';

/** Asks the database one trivial question; rejects when it does not answer. */
export async function pingDatabase(db: Database): Promise<void> {
  await db.execute(sql`select 1`);
}
