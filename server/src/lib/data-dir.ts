// The embedded database's data folder (DATA_DIR): writable and with room, checked at start
// (decision 061); a read-only or full folder failed with a screen of WebAssembly noise. Its lock is
// taken by `openDatabase` (db/src/data-dir-lock.ts).
import { closeSync, fsyncSync, mkdirSync, openSync, statfsSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { StartRefusedError } from './demo-exposure.ts';

/** Bytes available to this process on the file system of `dir`. */
export function freeBytes(dir: string): number {
  const s = statfsSync(dir);
  return Number(s.bavail) * Number(s.bsize);
}

const MB = 1024 * 1024;

/**
 * Checks at start that data folder `dir` can hold the embedded database: it is created when
 * missing, a probe file is written, synced and removed (a read-only or foreign-owned folder
 * fails here), and at least `minFreeBytes` are free on its file system.
 * @throws StartRefusedError with one line naming the folder and what is wrong
 */
export function checkDataDir(dir: string, minFreeBytes: number): void {
  const probe = join(dir, `.write-probe-${process.pid}`);
  try {
    mkdirSync(dir, { recursive: true });
    const fd = openSync(probe, 'wx');
    try {
      writeSync(fd, Buffer.alloc(4096));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    unlinkSync(probe);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    if (code === 'ENOSPC')
      throw new StartRefusedError(`Data folder ${dir} has no room left (ENOSPC); free disk space or set DATA_DIR to a folder on another disk.`);
    throw new StartRefusedError(`Data folder ${dir} is not writable (${code}); set DATA_DIR to a folder this process may write to.`);
  }
  const free = freeBytes(dir);
  if (free < minFreeBytes) {
    throw new StartRefusedError(
      `Data folder ${dir} has ${Math.floor(free / MB)} MB free; the embedded database needs at least ${Math.ceil(minFreeBytes / MB)} MB (DATA_DIR_MIN_FREE_MB).`,
    );
  }
}
