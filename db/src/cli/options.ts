import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OpenDatabaseOptions } from '../client.ts';

/** Database options for the CLIs: DATABASE_URL, else the embedded data folder DATA_DIR. */
export function cliDatabaseOptions(): OpenDatabaseOptions {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const url = process.env.DATABASE_URL || undefined;
  return { url, dataDir: url ? undefined : resolve(root, process.env.DATA_DIR ?? '.data', 'pglite'), maxConnections: 1 };
}
