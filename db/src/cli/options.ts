import { resolve } from 'node:path';
import type { OpenDatabaseOptions } from '../client.ts';
import { REPOSITORY_ROOT } from '../paths.ts';

/** Database options for the CLIs: DATABASE_URL, else the embedded data folder DATA_DIR (relative to the repository root). */
export function cliDatabaseOptions(): OpenDatabaseOptions {
  const url = process.env.DATABASE_URL || undefined;
  return { url, dataDir: url ? undefined : resolve(REPOSITORY_ROOT, process.env.DATA_DIR ?? '.data', 'pglite'), maxConnections: 1 };
}
