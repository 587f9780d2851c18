// Backup and restore of the embedded database (PGlite), for `pnpm admin backup|restore`
// (decision 086). A backup is PGlite's own dump of its data folder (`dumpDataDir`: a gzip'ed tar),
// restored with `loadDataDir` into a fresh folder. Both hold the data folder's lock (decision 061),
// so neither runs beside a server on the same DATA_DIR. PostgreSQL is backed up with pg_dump
// (docs/operations.md), not here.
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { acquireDataDirLock } from './data-dir-lock.ts';

/** A backup or restore that must not run (nothing to back up, a folder in the way, a bad file); `message` is one line. */
export class BackupRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupRefusedError';
  }
}

/** Where the embedded database lives: `dataDir` (PGlite's folder) under the locked `lockDir` (DATA_DIR). */
export interface EmbeddedLocation {
  /** PGlite's data folder, e.g. `DATA_DIR/pglite`. */
  dataDir: string;
  /** The folder whose lock is held meanwhile (DATA_DIR). */
  lockDir: string;
}

const isNonEmptyDir = (dir: string) => existsSync(dir) && statSync(dir).isDirectory() && readdirSync(dir).length > 0;

/** Writes `bytes` to `file` whole or not at all: a temporary file beside it, synced, then renamed. */
function writeAtomically(file: string, bytes: Uint8Array): void {
  const temporary = join(dirname(file), `.${basename(file)}.partial-${process.pid}`);
  const fd = openSync(temporary, 'w', 0o600);
  try {
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, file);
}

/**
 * Writes a backup of the embedded database to `file` (created with mode 0600). An existing `file`
 * is replaced whole only with `overwrite` (an earlier backup is never lost by a typo). Takes the
 * data folder's lock for the duration, so the server must be stopped.
 * @returns the backup's size in bytes
 * @throws DataDirLockedError when a server (or another command) uses the data folder
 * @throws BackupRefusedError when there is no database in `dataDir`, or `file` exists without `overwrite`
 */
export async function backupEmbedded(location: EmbeddedLocation, file: string, options: { overwrite?: boolean } = {}): Promise<number> {
  if (!options.overwrite && existsSync(file)) {
    throw new BackupRefusedError(`${file} already exists: choose another file name, or add --force to replace it.`);
  }
  const lock = acquireDataDirLock(location.lockDir);
  try {
    if (!isNonEmptyDir(location.dataDir)) throw new BackupRefusedError(`There is no embedded database in ${location.dataDir} to back up (check DATA_DIR).`);
    const pg = new PGlite(location.dataDir);
    let bytes: Uint8Array;
    try {
      await pg.waitReady;
      await pg.exec('checkpoint');
      bytes = new Uint8Array(await (await pg.dumpDataDir('gzip')).arrayBuffer());
    } finally {
      await pg.close();
    }
    writeAtomically(file, bytes);
    return bytes.length;
  } finally {
    lock.release();
  }
}

/** What a restore did. */
export interface RestoreResult {
  /** Where the data folder that was replaced (`force`) now is; the operator deletes it when satisfied. */
  replacedTo: string | undefined;
  /** Migrations the restored database records as applied. */
  migrationsApplied: number;
}

/**
 * Restores backup `file` (made by `backupEmbedded`) as the embedded database in `dataDir`. It is
 * loaded into a folder beside it first and checked (it opens and has the migration table); only
 * then does it take the data folder's place. A non-empty data folder is refused unless `force`; with
 * `force` it is kept, renamed to `<dataDir>.before-restore-<UTC time>`. Takes the data folder's lock.
 * @throws DataDirLockedError when a server (or another command) uses the data folder
 * @throws BackupRefusedError when `file` is missing or not a backup, or the data folder is not empty without `force`
 */
export async function restoreEmbedded(location: EmbeddedLocation, file: string, options: { force: boolean }): Promise<RestoreResult> {
  if (!existsSync(file) || !statSync(file).isFile()) throw new BackupRefusedError(`Backup file ${file} does not exist.`);
  const lock = acquireDataDirLock(location.lockDir);
  const staging = `${location.dataDir}.restoring-${process.pid}`;
  try {
    const occupied = isNonEmptyDir(location.dataDir);
    if (occupied && !options.force) {
      throw new BackupRefusedError(
        `Data folder ${location.dataDir} already holds a database; restore into an empty DATA_DIR, or add --force to replace it (the old folder is kept beside it).`,
      );
    }
    rmSync(staging, { recursive: true, force: true });
    let migrationsApplied = 0;
    try {
      const pg = new PGlite(staging, { loadDataDir: new Blob([readFileSync(file)]) });
      try {
        await pg.waitReady;
        const { rows } = await pg.query<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations');
        migrationsApplied = rows[0]?.n ?? 0;
      } finally {
        await pg.close().catch(() => {});
      }
    } catch (error) {
      rmSync(staging, { recursive: true, force: true });
      throw new BackupRefusedError(
        `${file} is not a readable backup of the embedded database (${error instanceof Error ? error.message : String(error)}); nothing was changed.`,
      );
    }
    let replacedTo: string | undefined;
    if (occupied) {
      replacedTo = `${location.dataDir}.before-restore-${new Date()
        .toISOString()
        .replaceAll(':', '')
        .replace(/\.\d+Z$/, 'Z')}`;
      renameSync(location.dataDir, replacedTo);
    } else {
      rmSync(location.dataDir, { recursive: true, force: true });
    }
    renameSync(staging, location.dataDir);
    return { replacedTo, migrationsApplied };
  } finally {
    rmSync(staging, { recursive: true, force: true });
    lock.release();
  }
}
