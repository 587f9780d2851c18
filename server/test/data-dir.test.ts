// The embedded database's data folder (decision 061), with real server processes: one process at
// a time holds the folder (a second exits at once naming the folder and the holder's pid; a lock
// left by a killed process is taken over), a folder that cannot be written or lacks room refuses
// the start in one line, and a disk that fills up while running answers 503 and turns the health
// endpoint to 503 until there is room again.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOCK_FILE } from '@duidingspool/db';
import { afterAll, describe, expect, it } from 'vitest';
import { type ServerProcess, spawnServer } from './server-process.ts';
import { freePort } from './smtp.ts';

const folders: string[] = [];
const mounts: string[] = [];
const processes: ServerProcess[] = [];
const isRoot = process.getuid?.() === 0;

function tempFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dp-data-'));
  folders.push(dir);
  return dir;
}

async function start(dataDir: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const p = spawnServer(await freePort(), { DATA_DIR: dataDir, ...env });
  processes.push(p);
  return p;
}

/** Mounts a tmpfs of `megabytes` (read-only when asked) on a fresh folder; root only. */
function mountTmpfs(megabytes: number, readOnly = false): string {
  const dir = tempFolder();
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m${readOnly ? ',ro' : ''}`, 'tmpfs', dir]);
  mounts.push(dir);
  return dir;
}

afterAll(async () => {
  for (const p of processes) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
  await Promise.all(processes.map((p) => p.exited));
  for (const dir of mounts) execFileSync('umount', [dir]);
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

describe('one server per data folder', () => {
  it('a second process exits at once naming the folder and the pid holding it; a lock left by a killed process is taken over', async () => {
    const dataDir = tempFolder();
    const first = await start(dataDir);
    await first.waitForStatus('/api/v1/health', 200, 90_000);

    const second = await start(dataDir);
    expect(await second.exited).toBe(1);
    const line = second.stderr().trim();
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toContain(dataDir);
    expect(line).toContain(`pid ${first.pid}`);
    // The admin command-line tool on the same folder is refused the same way.
    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/admin.ts', 'create-user', '--role', 'admin', '--email', 'beheer@gemeente.example'], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(cli.status).toBe(1);
    expect(cli.stderr.trim()).toBe(line);
    // The first one was not disturbed.
    expect((await first.fetch('/api/v1/health')).status).toBe(200);

    // A crash leaves the lock file behind, naming a process that no longer exists.
    first.child.kill('SIGKILL');
    await first.exited;
    expect(JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8')).pid).toBe(first.pid);
    const third = await start(dataDir);
    await third.waitForStatus('/api/v1/health', 200, 90_000);
    expect(JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8')).pid).toBe(third.pid);

    // A clean stop removes the lock.
    third.child.kill('SIGTERM');
    expect(await third.exited).toBe(0);
    expect(() => readFileSync(join(dataDir, LOCK_FILE))).toThrow(/ENOENT/);
  }, 240_000);
});

describe('start checks of the data folder', () => {
  it('a read-only data folder refuses the start in one line naming the folder', async () => {
    let dataDir: string;
    if (isRoot) {
      // Root writes through file modes; a read-only file system stops it as it stops everyone.
      dataDir = mountTmpfs(1, true);
    } else {
      dataDir = tempFolder();
      execFileSync('chmod', ['0555', dataDir]);
    }
    // Without secrets in the environment they are generated into the folder first; with them the
    // folder's own check speaks. Either way: one line.
    const secrets = { JWT_SECRET: 'j'.repeat(40), ENCRYPTION_KEY: 'e'.repeat(40) };
    for (const env of [{}, secrets]) {
      const p = await start(dataDir, env);
      expect(await p.exited).toBe(1);
      const line = p.stderr().trim();
      expect(line.split('\n')).toHaveLength(1);
      expect(line).toMatch(new RegExp(`^Data folder ${dataDir} is not writable \\((EROFS|EACCES)\\)`));
    }
  }, 60_000);

  it('a data folder with less room than DATA_DIR_MIN_FREE_MB refuses the start in one line', async () => {
    const dataDir = tempFolder();
    const s = statfsSync(dataDir);
    const freeMb = Math.floor((Number(s.bavail) * Number(s.bsize)) / 2 ** 20);
    const p = await start(dataDir, { DATA_DIR_MIN_FREE_MB: String(freeMb + 1024) });
    expect(await p.exited).toBe(1);
    const line = p.stderr().trim();
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toMatch(new RegExp(`^Data folder ${dataDir} has \\d+ MB free; the embedded database needs at least ${freeMb + 1024} MB`));
  }, 60_000);
});

describe.skipIf(!isRoot)('a disk that fills up while running (needs root to mount a small file system)', () => {
  it('answers 503 service-unavailable, health turns 503, and both recover once there is room', async () => {
    const dataDir = mountTmpfs(120);
    const p = await start(dataDir, { DATA_DIR_MIN_FREE_MB: '8', SEED_DEMO: 'structure' });
    await p.waitForStatus('/api/v1/health', 200, 120_000);
    const login = () =>
      p.fetch('/api/v1/sessions', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'coordinator@duidingspool.example', password: 'demo-duidingspool-2019' }),
      });

    // Fill the disk to the last byte.
    const filler = join(dataDir, 'filler');
    try {
      execFileSync('dd', ['if=/dev/zero', `of=${filler}`, 'bs=1M'], { stdio: 'ignore' });
    } catch {
      // dd ends with "No space left on device": the disk is full, as wanted
    }
    const health = await p.fetch('/api/v1/health');
    expect(health.status).toBe(503);
    expect(health.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(Number(health.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await health.json()).toMatchObject({ type: 'service-unavailable' });
    // A login writes (session, audit): the database cannot extend its files.
    const refused = await login();
    expect(refused.status).toBe(503);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await refused.json()).toMatchObject({ type: 'service-unavailable', status: 503 });

    rmSync(filler);
    await p.waitForStatus('/api/v1/health', 200, 10_000);
    expect((await login()).status).toBe(200);
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
  }, 240_000);
});
