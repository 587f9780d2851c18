// The data folder's lock (decision 061) on its own: who holds it, when a lock is stale, and that a
// stale lock is taken over while a live one is not. The server processes that meet on one folder
// are in `server/test/data-dir.test.ts`.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireDataDirLock, DataDirLockedError, LOCK_FILE } from '@duidingspool/db';
import { afterEach, describe, expect, it } from 'vitest';

const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dp-lock-'));
  folders.push(dir);
  return dir;
}
const lockOf = (dir: string) => JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'));
const writeLock = (dir: string, owner: object) => writeFileSync(join(dir, LOCK_FILE), JSON.stringify(owner));

describe('the data folder lock', () => {
  it('is taken, names this process, refuses a second taker while held, and is gone after release', () => {
    const dir = folder();
    const lock = acquireDataDirLock(dir);
    expect(lockOf(dir)).toMatchObject({ pid: process.pid, host: hostname() });
    // This process holds it: a second acquire from here is the pid-reuse case, not a live holder,
    // so the live-holder case is tested with a real other process below.
    lock.release();
    expect(() => readFileSync(join(dir, LOCK_FILE))).toThrow(/ENOENT/);
    lock.release(); // idempotent
  });

  it('refuses while another live process holds it, naming the folder and its pid', async () => {
    const dir = folder();
    const other = spawn('sleep', ['30']);
    try {
      await new Promise((r) => other.once('spawn', r));
      const ticks = Number(readFileSync(`/proc/${other.pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[19]);
      writeLock(dir, { pid: other.pid, host: hostname(), startTicks: ticks, nonce: 'other' });
      expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
      expect(() => acquireDataDirLock(dir)).toThrow(`Data folder ${dir} is in use by another server process (pid ${other.pid})`);
      expect(lockOf(dir).pid).toBe(other.pid);
    } finally {
      other.kill('SIGKILL');
    }
    // Its process gone, the same lock is stale and taken over.
    await new Promise((r) => other.once('exit', r));
    const lock = acquireDataDirLock(dir);
    expect(lockOf(dir).pid).toBe(process.pid);
    lock.release();
  });

  it('takes over a lock whose pid now belongs to another process (its start time differs)', () => {
    const dir = folder();
    // pid 1 runs, but it did not write this lock.
    writeLock(dir, { pid: 1, host: hostname(), startTicks: -1, nonce: 'reused' });
    const lock = acquireDataDirLock(dir);
    expect(lockOf(dir).pid).toBe(process.pid);
    lock.release();
  });

  it('takes over a lock naming this very pid (a container restarted with the same pid)', () => {
    const dir = folder();
    writeLock(dir, { pid: process.pid, host: hostname(), startTicks: null, nonce: 'earlier-life' });
    const lock = acquireDataDirLock(dir);
    expect(lockOf(dir).nonce).not.toBe('earlier-life');
    lock.release();
  });

  it('takes over an unreadable lock file', () => {
    const dir = folder();
    writeFileSync(join(dir, LOCK_FILE), 'not json');
    acquireDataDirLock(dir).release();
  });

  it('refuses a lock written on another host, naming the host, the pid and the file to delete', () => {
    const dir = folder();
    writeLock(dir, { pid: 4242, host: 'elsewhere.example', startTicks: 1, nonce: 'remote' });
    expect(() => acquireDataDirLock(dir)).toThrow(
      `Data folder ${dir} is locked by pid 4242 on host elsewhere.example; if that process has ended, delete ${join(dir, LOCK_FILE)}`,
    );
  });

  it('leaves no temporary files behind', () => {
    const dir = folder();
    writeLock(dir, { pid: 1, host: hostname(), startTicks: -1, nonce: 'reused' });
    const lock = acquireDataDirLock(dir);
    lock.release();
    expect(readdirSync(dir)).toEqual([]);
  });
});
