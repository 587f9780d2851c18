// The embedded default's memory and first start (decision 074), part of `pnpm bench` and runnable
// alone (`pnpm --filter @duidingspool/server bench:memory`, after `pnpm build`). It starts the built
// server (`dist/server.mjs`, with the Node flags of `pnpm start`) as an operator's first `pnpm start` does — no DATABASE_URL, a new empty
// DATA_DIR, so PGlite, the migrations, the demo accounts and the demo year — and measures:
// - first start: wall time from spawning the process to GET /api/v1/health answering 200, and the
//   process's CPU time (user + system, from /proc) over the same span: on a shared machine the wall
//   time grows with the other work, the CPU time much less;
// - RSS (resident set, from /proc) once ready, its highest value while autocannon drives the
//   benchmark's calls (the lists, the approvals queue, the ledger drill-down, the audit log and the
//   budget page, 10 connections, each call in turn), and once the load has stopped;
// and compares them with the goals of issue 16: RSS under load ≤ 300 MiB, first start ≤ 5 s.
// Linux only (/proc).
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_DOMAIN, DEMO_PASSWORD } from '@duidingspool/db';
import { amsterdamDate } from '@duidingspool/shared';
import autocannon from 'autocannon';

/** Highest RSS under the benchmark load, MiB (issue 16). */
export const RSS_GOAL_MIB = 300;
/** Longest first start, seconds (issue 16). */
export const FIRST_START_GOAL_SECONDS = 5;

/** What one measurement of the embedded default found. */
export interface EmbeddedFigures {
  /** Spawn to the first 200 of GET /api/v1/health, seconds. */
  firstStartSeconds: number;
  /** CPU time of the server process over the first start, seconds (user + system). */
  firstStartCpuSeconds: number;
  firstStartUserSeconds: number;
  firstStartSystemSeconds: number;
  /** RSS once ready, MiB. */
  rssReadyMib: number;
  /** Highest RSS during the first start (the kernel's high-water mark when ready), MiB. */
  rssPeakStartMib: number;
  /** Highest RSS sampled under load, MiB. */
  rssUnderLoadMib: number;
  /** RSS after the load, MiB. */
  rssAfterMib: number;
  /** Requests answered under load, and the ones that failed. */
  requests: number;
  errors: number;
  /** Load average (1/5/15 min) at the start. */
  loadAverage: number[];
  /** The Node flags the server ran with (those of `pnpm start`). */
  nodeFlags: string[];
}

const serverDir = fileURLToPath(new URL('../', import.meta.url));
const MIB = 1024;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

/** User and system CPU seconds of process `pid` (/proc/<pid>/stat, clock ticks of 1/100 s). */
function cpuOf(pid: number): { user: number; system: number } {
  const fields = (readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1] ?? '').split(' ');
  return { user: Number(fields[11]) / 100, system: Number(fields[12]) / 100 };
}

/** `VmRSS` and `VmHWM` of process `pid`, MiB. */
function rssOf(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kib('VmRSS') / MIB, hwm: kib('VmHWM') / MIB };
}

async function login(base: string, local: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `${local}@${DEMO_DOMAIN}`, password: DEMO_PASSWORD }),
  });
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('dp_session='))
    ?.split(';')[0];
  if (!cookie) throw new Error(`login of ${local} failed: ${res.status} ${await res.text()}`);
  return cookie;
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/**
 * Starts the built server on a new embedded database, waits for it to be ready, drives the
 * benchmark's calls for `seconds` each and samples its RSS every 100 ms.
 * @throws Error when `dist/server.mjs` is missing (run `pnpm build`), the server exits or does not
 *   get ready within 5 minutes, or a demo login fails
 */
export async function measureEmbedded(options: { seconds: number; connections?: number }): Promise<EmbeddedFigures> {
  const bundle = join(serverDir, 'dist/server.mjs');
  if (!existsSync(bundle)) throw new Error('dist/server.mjs is missing: run `pnpm build` first');
  const dataDir = mkdtempSync(join(tmpdir(), 'dp-bench-embedded-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const loadAverage = loadavg();
  const begun = performance.now();
  // The Node flags of `pnpm start` (decision 074), so the figures are those of the documented start.
  const startScript = (JSON.parse(readFileSync(join(serverDir, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  const nodeFlags = startScript.split(/\s+/).filter((word) => word.startsWith('--'));
  const child = spawn(process.execPath, [...nodeFlags, bundle], {
    cwd: serverDir,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let output = '';
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const pid = child.pid as number;
  try {
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the server exited (${child.exitCode ?? child.signalCode}):\n${output}`);
      if (performance.now() - begun > 300_000) throw new Error(`the server was not ready within 5 minutes:\n${output}`);
      const ok = await fetch(`${base}/api/v1/health`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    const firstStartSeconds = (performance.now() - begun) / 1000;
    const cpu = cpuOf(pid);
    const ready = rssOf(pid);

    const cookies: Record<string, string> = {};
    for (const user of ['coordinator', 'finance', 'admin']) cookies[user] = await login(base, user);
    const year = amsterdamDate().slice(0, 4);
    const calls = [
      { path: '/api/v1/interpretation-requests?pageSize=20', user: 'coordinator' },
      { path: '/api/v1/time-entries?status=submitted&pageSize=20', user: 'coordinator' },
      { path: `/api/v1/budgets/${year}/ledger-entries?pageSize=50`, user: 'finance' },
      { path: '/api/v1/audit-events?pageSize=20', user: 'admin' },
      { path: `/api/v1/budgets/${year}`, user: 'finance' },
      { path: `/api/v1/budgets/${year}/burn-up`, user: 'finance' },
    ];
    let peak = rssOf(pid).rss;
    const sampler = setInterval(() => {
      peak = Math.max(peak, rssOf(pid).rss);
    }, 100);
    let requests = 0;
    let errors = 0;
    try {
      for (const call of calls) {
        const r = await autocannon({
          url: `${base}${call.path}`,
          connections: options.connections ?? 10,
          duration: options.seconds,
          headers: { cookie: cookies[call.user] as string },
        });
        requests += r.requests.total;
        errors += r.errors + r.non2xx;
      }
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, rssOf(pid).rss);
    await new Promise((r) => setTimeout(r, 2000));
    return {
      firstStartSeconds,
      firstStartCpuSeconds: cpu.user + cpu.system,
      firstStartUserSeconds: cpu.user,
      firstStartSystemSeconds: cpu.system,
      rssReadyMib: ready.rss,
      rssPeakStartMib: ready.hwm,
      rssUnderLoadMib: peak,
      rssAfterMib: rssOf(pid).rss,
      requests,
      errors,
      loadAverage,
      nodeFlags,
    };
  } finally {
    await stop(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The report's lines for `f`: a table with each figure and, for the two goals, its ratio to the
 * goal with ✓ or ✗; `met` says whether both goals are met.
 */
export function embeddedReport(f: EmbeddedFigures): { lines: string[]; met: boolean } {
  const rssMet = f.rssUnderLoadMib <= RSS_GOAL_MIB;
  const startMet = f.firstStartSeconds <= FIRST_START_GOAL_SECONDS;
  const mark = (met: boolean) => (met ? '✓' : '✗');
  const lines = [
    `Embedded default (PGlite, new DATA_DIR, demo accounts and demo year), \`pnpm start\` (\`node ${[...f.nodeFlags, 'dist/server.mjs'].join(' ')}\`); load average at the start ${f.loadAverage.map((l) => l.toFixed(2)).join(' / ')}.`,
    '',
    '| figure | value | goal | ratio to goal |',
    '| --- | ---: | ---: | ---: |',
    `| first start, wall (spawn → health 200) | ${f.firstStartSeconds.toFixed(1)} s | ≤ ${FIRST_START_GOAL_SECONDS} s | ${(f.firstStartSeconds / FIRST_START_GOAL_SECONDS).toFixed(2)} ${mark(startMet)} |`,
    `| first start, CPU (user + sys) | ${f.firstStartCpuSeconds.toFixed(1)} s (${f.firstStartUserSeconds.toFixed(1)} + ${f.firstStartSystemSeconds.toFixed(1)}) | | |`,
    `| RSS once ready | ${f.rssReadyMib.toFixed(0)} MiB | | |`,
    `| RSS peak during the first start | ${f.rssPeakStartMib.toFixed(0)} MiB | | |`,
    `| RSS under load (highest sample; ${f.requests.toLocaleString('en')} requests, ${f.errors} errors) | ${f.rssUnderLoadMib.toFixed(0)} MiB | ≤ ${RSS_GOAL_MIB} MiB | ${(f.rssUnderLoadMib / RSS_GOAL_MIB).toFixed(2)} ${mark(rssMet)} |`,
    `| RSS after the load | ${f.rssAfterMib.toFixed(0)} MiB | | |`,
  ];
  return { lines, met: rssMet && startMet && f.errors === 0 };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const quick = process.argv.includes('--quick');
  const figures = await measureEmbedded({ seconds: quick ? 1 : Number(process.env.BENCH_SECONDS ?? 5) });
  const { lines, met } = embeddedReport(figures);
  console.log([`Run ${new Date().toISOString()}${quick ? ' (--quick)' : ''} · Node ${process.version}`, ...lines].join('\n'));
  process.exitCode = met || quick ? 0 : 1;
}
