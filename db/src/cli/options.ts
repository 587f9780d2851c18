import { resolve } from 'node:path';
import { type DatabaseHandle, type OpenDatabaseOptions, openDatabase } from '../client.ts';
import { DataDirLockedError } from '../data-dir-lock.ts';
import { REPOSITORY_ROOT } from '../paths.ts';

/**
 * Database options for the CLIs: DATABASE_URL, else the embedded data folder DATA_DIR (relative to
 * the repository root), whose lock they hold like the server (decision 061).
 */
export function cliDatabaseOptions(): OpenDatabaseOptions {
  const url = process.env.DATABASE_URL || undefined;
  const dataDir = resolve(REPOSITORY_ROOT, process.env.DATA_DIR ?? '.data');
  return { url, dataDir: url ? undefined : resolve(dataDir, 'pglite'), lockDir: dataDir, maxConnections: 1 };
}

/**
 * Opens the CLIs' database (`cliDatabaseOptions`); a data folder locked by a running server ends
 * the process with its one-line message and exit code 1.
 */
export async function openCliDatabase(): Promise<DatabaseHandle> {
  try {
    return await openDatabase(cliDatabaseOptions());
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
