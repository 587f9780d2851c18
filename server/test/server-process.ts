// The real server as a child process (the sources through tsx, as `pnpm dev` runs them), for the
// rules that are about processes: the data folder's lock, start-up checks, waiting for the
// database and shutdown on SIGTERM.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));

export interface ServerProcess {
  child: ChildProcess;
  pid: number;
  port: number;
  /** Everything the process wrote to stdout and stderr so far. */
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited: Promise<number | string>;
  /** `fetch` of a path on this server. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** Polls `path` until it answers `status`; rejects after `timeoutMs` or when the process ends. */
  waitForStatus(path: string, status: number, timeoutMs: number): Promise<Response>;
  /** Waits until stdout+stderr matches `pattern` `count` times. */
  waitForOutput(pattern: RegExp, count: number, timeoutMs: number): Promise<void>;
}

/** Starts `src/server.ts` on `port` with a quiet test environment plus `env`. */
export function spawnServer(port: number, env: Record<string, string>): ServerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: SERVER_DIR,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'info',
      MAIL_WORKER: 'false',
      SEED_DEMO: 'false',
      RETENTION_INTERVAL_MINUTES: '0',
      WEB_DIST: '/nonexistent',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    err += d;
  });
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  let ended = false;
  void exited.then(() => {
    ended = true;
  });
  const base = `http://127.0.0.1:${port}`;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const proc: ServerProcess = {
    child,
    pid: child.pid ?? -1,
    port,
    stdout: () => out,
    stderr: () => err,
    exited,
    fetch: (path, init) => fetch(`${base}${path}`, init),
    waitForStatus: async (path, status, timeoutMs) => {
      const until = Date.now() + timeoutMs;
      let last = 'no answer';
      while (Date.now() < until) {
        if (ended) throw new Error(`server ended before ${path} answered ${status}; stderr: ${err.slice(-2000)} stdout: ${out.slice(-2000)}`);
        try {
          const res = await fetch(`${base}${path}`, { signal: AbortSignal.timeout(10_000) });
          if (res.status === status) return res;
          last = `${res.status}`;
          await res.arrayBuffer();
        } catch (error) {
          last = String(error);
        }
        await sleep(100);
      }
      throw new Error(`${path} did not answer ${status} within ${timeoutMs} ms (last: ${last}); stderr: ${err.slice(-2000)}`);
    },
    waitForOutput: async (pattern, count, timeoutMs) => {
      const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
      const until = Date.now() + timeoutMs;
      while (Date.now() < until) {
        if ((`${out}${err}`.match(global) ?? []).length >= count) return;
        if (ended) break;
        await sleep(100);
      }
      throw new Error(`output did not match ${pattern} ${count} times within ${timeoutMs} ms; stdout: ${out.slice(-3000)} stderr: ${err.slice(-2000)}`);
    },
  };
  return proc;
}
