// `pnpm admin backup FILE` and `pnpm admin restore FILE [--force]` (decision 086): the embedded
// database to and from one file. On PostgreSQL (DATABASE_URL) they refuse and name pg_dump /
// pg_restore instead (docs/operations.md), which back up a running database consistently.
import { join, resolve } from 'node:path';
import { BackupRefusedError, backupEmbedded, DataDirLockedError, restoreEmbedded } from '@duidingspool/db';
import type { AdminCliConfig } from '../config.ts';

/** Where the CLI writes its lines. */
export interface CliOutput {
  log(line: string): void;
  error(line: string): void;
}

const POSTGRES_HINT =
  'DATABASE_URL is set: back up PostgreSQL with pg_dump -Fc and restore with pg_restore (docs/operations.md, "Backup and restore"); backup/restore here is for the embedded database.';

/** The embedded database's folders for `config`: PGlite in `DATA_DIR/pglite`, the lock on `DATA_DIR`. */
const location = (config: AdminCliConfig) => ({ dataDir: join(config.dataDir, 'pglite'), lockDir: config.dataDir });

/** One line for the refusals an operator can act on (also a file system error naming its path); anything else is rethrown. */
function refusal(error: unknown, out: CliOutput): number {
  if (error instanceof BackupRefusedError || error instanceof DataDirLockedError) {
    out.error(error.message);
    return 1;
  }
  const fsError = error as NodeJS.ErrnoException;
  if (typeof fsError.code === 'string' && typeof fsError.path === 'string') {
    out.error(`${fsError.path}: ${fsError.code} (${fsError.syscall ?? 'file system'}); nothing was changed.`);
    return 1;
  }
  throw error;
}

/**
 * Backs the embedded database up to `file` (relative to `cwd`); `force` replaces an existing file.
 * @returns the exit code: 0 done, 1 refused (server running, nothing to back up, the file exists without `force`), 2 on PostgreSQL
 */
export async function backupCommand(config: AdminCliConfig, file: string, cwd: string, force: boolean, out: CliOutput): Promise<number> {
  if (config.databaseUrl) {
    out.error(POSTGRES_HINT);
    return 2;
  }
  const target = resolve(cwd, file);
  try {
    const bytes = await backupEmbedded(location(config), target, { overwrite: force });
    out.log(`Back-up van ${location(config).dataDir} geschreven naar ${target} (${(bytes / 1024 / 1024).toFixed(1)} MB).`);
    return 0;
  } catch (error) {
    return refusal(error, out);
  }
}

/**
 * Restores backup `file` (relative to `cwd`) as the embedded database; `force` replaces a
 * database that is there (kept beside it).
 * @returns the exit code: 0 done, 1 refused (folder not empty, server running, not a backup), 2 on PostgreSQL
 */
export async function restoreCommand(config: AdminCliConfig, file: string, cwd: string, force: boolean, out: CliOutput): Promise<number> {
  if (config.databaseUrl) {
    out.error(POSTGRES_HINT);
    return 2;
  }
  const source = resolve(cwd, file);
  try {
    const result = await restoreEmbedded(location(config), source, { force });
    out.log(`${source} teruggezet in ${location(config).dataDir} (${result.migrationsApplied} migraties; nieuwere draait de server bij de start).`);
    if (result.replacedTo) out.log(`De vervangen database staat in ${result.replacedTo}; verwijder die map als alles klopt.`);
    // The back-up holds the database, not the keys generated into the data folder: with another key the
    // stored authenticator secrets cannot be read (login then asks for a recovery code).
    out.log(
      'Let op: de back-up bevat de sleutels van de oude datamap niet (het sleutelbestand in DATA_DIR). Zet die terug of start met dezelfde ENCRYPTION_KEY; anders loggen gebruikers met tweestapsverificatie in met een herstelcode en stellen die opnieuw in.',
    );
    return 0;
  } catch (error) {
    return refusal(error, out);
  }
}
