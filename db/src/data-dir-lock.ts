// The exclusive lock on an embedded database's data folder (decision 061). PGlite has no lock of
// its own: two servers on one folder both ran and lost acknowledged writes. Every opener of the
// embedded database takes it through `openDatabase` (the server, `pnpm admin`, `pnpm db:migrate`,
// `pnpm db:seed`).
import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** The data folder is locked by a live process (or one on another host); `message` is one line. */
export class DataDirLockedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataDirLockedError';
  }
}

/** Name of the lock file inside the data folder. */
export const LOCK_FILE = 'server.lock';

/** Who holds the lock: written into the lock file as JSON. */
export interface LockOwner {
  pid: number;
  /** Host name of the machine the process runs on (a shared network folder has several). */
  host: string;
  /** The process's start time in clock ticks since boot (Linux `/proc/<pid>/stat`), or null elsewhere. */
  startTicks: number | null;
  /** Random: tells two lock files of the same pid apart. */
  nonce: string;
}

/** A held lock on a data folder. */
export interface DataDirLock {
  readonly path: string;
  /** Removes the lock file when it is still ours. Idempotent. */
  release(): void;
}

/** Start time (clock ticks since boot) of process `pid`, or null where `/proc` does not say. */
function startTicksOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22; the command name (field 2) may hold spaces and parentheses, so count after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]);
    return Number.isFinite(ticks) ? ticks : null;
  } catch {
    return null;
  }
}

/** Whether process `pid` exists on this machine (EPERM: it exists but belongs to another user). */
function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether the lock `owner` wrote is still held: `undefined` when that cannot be told from this
 * machine (written on another host), else true while that process runs. A pid that now belongs
 * to another process (its start time differs, or it is this process) does not hold it.
 */
function ownerAlive(owner: LockOwner): boolean | undefined {
  if (owner.host !== hostname()) return undefined;
  if (owner.pid === process.pid) return false;
  if (!processExists(owner.pid)) return false;
  if (owner.startTicks !== null) {
    const now = startTicksOf(owner.pid);
    if (now !== null && now !== owner.startTicks) return false;
  }
  return true;
}

function parseOwner(text: string): LockOwner | null {
  try {
    const o = JSON.parse(text) as Partial<LockOwner>;
    if (typeof o.pid === 'number' && Number.isInteger(o.pid) && o.pid > 0 && typeof o.host === 'string' && typeof o.nonce === 'string') {
      return { pid: o.pid, host: o.host, startTicks: typeof o.startTicks === 'number' ? o.startTicks : null, nonce: o.nonce };
    }
  } catch {
    // unreadable: a lock file this code did not write whole; treated as stale below
  }
  return null;
}

/** Reads a file, or null when it does not exist. */
function readIfExists(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Takes the exclusive lock on data folder `dir` for this process, so a second server on the same
 * folder refuses to start instead of writing beside the first.
 *
 * The lock file is created whole in one step (written under a temporary name, then hard-linked to
 * `server.lock`, which fails when it exists), so no reader sees it half-written. A lock whose
 * process has ended (a crash, `kill -9`) is stale and taken over: it is first renamed away under a
 * name of this process's own, and only when the renamed file is still the stale one judged a
 * moment before is it deleted; a lock another process took over meanwhile is put back.
 * @throws DataDirLockedError naming the folder and the pid (and host) holding it; also when the
 *   lock was written on another host, whose process this machine cannot see
 */
export function acquireDataDirLock(dir: string): DataDirLock {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  const me: LockOwner = { pid: process.pid, host: hostname(), startTicks: startTicksOf(process.pid), nonce: randomBytes(8).toString('hex') };
  const mine = JSON.stringify(me);
  const temporary = join(dir, `${LOCK_FILE}.${process.pid}.${me.nonce}`);
  writeFileSync(temporary, mine, { mode: 0o644 });
  try {
    for (let attempt = 0; attempt < 20; attempt++) {
      try {
        linkSync(temporary, path);
        return {
          path,
          release: () => {
            if (readIfExists(path) === mine) unlinkSync(path);
          },
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const seen = readIfExists(path);
      if (seen === null) continue; // released between our link and our read
      const owner = parseOwner(seen);
      const alive = owner ? ownerAlive(owner) : false;
      if (alive === true && owner) {
        throw new DataDirLockedError(
          `Data folder ${dir} is in use by another server process (pid ${owner.pid}); stop that process or give this one another DATA_DIR.`,
        );
      }
      if (alive === undefined && owner) {
        throw new DataDirLockedError(
          `Data folder ${dir} is locked by pid ${owner.pid} on host ${owner.host}; if that process has ended, delete ${path} and start again.`,
        );
      }
      // Stale: move it aside under our own name, then check that what we moved is what we judged.
      const aside = join(dir, `${LOCK_FILE}.stale.${process.pid}.${me.nonce}`);
      try {
        renameSync(path, aside);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue; // another process moved it first
        throw error;
      }
      const moved = readIfExists(aside);
      if (moved !== seen) {
        // Another process took the folder over between our read and our rename: give its lock back.
        try {
          linkSync(aside, path);
        } catch {
          // a third process holds it now; the next round names it
        }
      }
      unlinkSync(aside);
    }
    throw new DataDirLockedError(`Data folder ${dir}: could not take the lock ${path}; another process keeps changing it.`);
  } finally {
    unlinkSync(temporary);
  }
}
