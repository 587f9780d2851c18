// `pnpm soak [--minutes 30] [--users 50] [--out FILE]`: the whole product under a realistic
// mix for a long time, with its parts failing in the middle. Not part of `pnpm test`.
//
// It starts a PostgreSQL cluster of its own (initdb on a free port, in a temporary folder), a real
// SMTP server (smtp-server, in this process) and two server processes (`src/server.ts` through tsx,
// each with its own outbox worker and triage reminders) on that one database. Simulated users drive
// the main job through both instances over HTTP — requesters submit, coordinators assign and
// approve, specialists accept and log hours, finance reads the budget page and exports the
// ledger — while the script restarts PostgreSQL at 40 % of the run and stops the SMTP server from
// 55 % to 75 %. Afterwards it lets the outbox drain and checks the invariants:
//   - the budget's totals and the ledger's running totals equal a recomputation from the rows;
//   - every acknowledged write (a 2xx answer) is in the database in the state it was acknowledged;
//   - every mail the outbox marked sent was received, and no Message-ID was received twice.
// It prints the figures as JSON (also to `--out`) and exits 1 when an invariant fails or an instance
// exited on its own (a failed run keeps its folder with the logs).
// Needs the PostgreSQL server binaries (initdb, pg_ctl); run as root it runs them as `postgres`.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEMO_DOMAIN, DEMO_PASSWORD } from '@duidingspool/db';
import { amsterdamDate } from '@duidingspool/shared';
import { simpleParser } from 'mailparser';
import postgres from 'postgres';
import { SMTPServer } from 'smtp-server';

const { values: args } = parseArgs({
  options: {
    minutes: { type: 'string', default: '30' },
    users: { type: 'string', default: '50' },
    out: { type: 'string' },
    'keep-data': { type: 'boolean', default: false },
  },
});
const MINUTES = Number(args.minutes);
const USERS = Number(args.users);
if (!(MINUTES > 0) || !(USERS >= 4)) throw new Error('--minutes must be > 0 and --users ≥ 4');
const RUN_MS = MINUTES * 60_000;
const serverDir = fileURLToPath(new URL('../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'dp-soak-'));
chmodSync(work, 0o755);
const year = Number(amsterdamDate().slice(0, 4));
const started = Date.now();
const log = (msg: string) => console.error(`[soak ${((Date.now() - started) / 1000).toFixed(0).padStart(5)} s] ${msg}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL: a cluster of the soak's own, so it can be restarted without touching anything else.

function pgBin(name: string): string {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
    for (const v of versions) if (existsSync(join(root, v, 'bin', name))) return join(root, v, 'bin', name);
  }
  return name;
}
const asRoot = process.getuid?.() === 0;
const pgUser = asRoot ? Number(execFileSync('id', ['-u', 'postgres']).toString().trim()) : undefined;
function pgRun(bin: string, argv: string[]) {
  const cmd = asRoot ? 'runuser' : pgBin(bin);
  const full = asRoot ? ['-u', 'postgres', '--', pgBin(bin), ...argv] : argv;
  return execFileSync(cmd, full, { stdio: ['ignore', 'pipe', 'pipe'] }).toString();
}
const pgData = join(work, 'pg');
const pgLog = join(work, 'postgres.log');
let pgPort = 0;
function pgStart() {
  pgRun('pg_ctl', ['-D', pgData, '-l', pgLog, '-w', '-o', `-p ${pgPort} -k ${work} -c listen_addresses=127.0.0.1 -c max_connections=100`, 'start']);
}
function pgStop() {
  pgRun('pg_ctl', ['-D', pgData, '-m', 'fast', '-w', 'stop']);
}

// ---------------------------------------------------------------------------------------------
// SMTP: a real server in this process that records every message; it can be stopped and started.

const received: { messageId: string; at: number }[] = [];
let smtp: SMTPServer | null = null;
let smtpPort = 0;
async function smtpStart() {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    closeTimeout: 100,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({ messageId: mail.messageId ?? '(none)', at: Date.now() });
          callback();
        })
        .catch(callback);
    },
  });
  const server = smtp;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(smtpPort, '127.0.0.1', () => resolve());
  });
}
async function smtpStop() {
  const server = smtp;
  smtp = null;
  if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
}

// ---------------------------------------------------------------------------------------------
// The two instances.

interface Instance {
  name: string;
  port: number;
  base: string;
  child: ChildProcess;
}
const instances: Instance[] = [];
/** Instances that exited before the script stopped them (a crash), with the seconds since start. */
const exits: { name: string; at: number; code: number | null; signal: NodeJS.Signals | null }[] = [];
let stopping = false;
const sharedEnv = {
  NODE_ENV: 'development',
  HOST: '127.0.0.1',
  PUBLIC_URL: 'http://localhost:3000',
  JWT_SECRET: randomBytes(48).toString('base64url'),
  ENCRYPTION_KEY: randomBytes(48).toString('base64url'),
  SEED_DEMO: 'structure',
  MAIL_WORKER: 'true',
  RETENTION_INTERVAL_MINUTES: '0',
  LOG_LEVEL: 'warn',
};

async function waitHealthy(base: string, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(`${base}/api/v1/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return true;
    } catch {}
    await sleep(500);
  }
  return false;
}

async function startInstance(name: string, databaseUrl: string): Promise<Instance> {
  const port = await freePort();
  const dataDir = join(work, name);
  mkdirSync(dataDir, { recursive: true });
  const out = openSync(join(work, `${name}.log`), 'a');
  const child = spawn(join(serverDir, 'node_modules/.bin/tsx'), ['src/server.ts'], {
    cwd: serverDir,
    env: { ...process.env, ...sharedEnv, PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: databaseUrl, SMTP_URL: `smtp://127.0.0.1:${smtpPort}` },
    stdio: ['ignore', out, out],
  });
  const instance = { name, port, base: `http://127.0.0.1:${port}`, child };
  child.once('exit', (code, signal) => {
    if (!stopping) exits.push({ name, at: Math.round((Date.now() - started) / 1000), code, signal });
  });
  if (!(await waitHealthy(instance.base, 120_000))) throw new Error(`${name} did not become healthy; see ${join(work, `${name}.log`)}`);
  return instance;
}

// ---------------------------------------------------------------------------------------------
// Simulated users.

type Kind =
  | 'login'
  | 'create-request'
  | 'triage-list'
  | 'assign'
  | 'assignment-list'
  | 'accept'
  | 'log-time'
  | 'approval-list'
  | 'approve'
  | 'budget-page'
  | 'ledger-export';
const figures = new Map<Kind, { statuses: Record<string, number>; ms: number[] }>();
/** Answers that are no rule's refusal (5xx, timeouts, network errors), with when they came. */
const serverErrors: { at: number; kind: Kind; status: number | string }[] = [];
/** The PostgreSQL outage: from the stop until both instances are healthy again (ms since start). */
const pgWindow = { from: Number.POSITIVE_INFINITY, to: Number.POSITIVE_INFINITY };
function record(kind: Kind, status: number | string, ms: number) {
  if (typeof status === 'string' || status >= 500) serverErrors.push({ at: Date.now() - started, kind, status });
  const f = figures.get(kind) ?? { statuses: {}, ms: [] };
  figures.set(kind, f);
  f.statuses[String(status)] = (f.statuses[String(status)] ?? 0) + 1;
  f.ms.push(ms);
}

/** Acknowledged writes (2xx answers), checked against the database at the end. */
const acked = {
  requests: new Set<string>(),
  assignments: new Set<string>(),
  accepted: new Set<string>(),
  entries: new Set<string>(),
  approved: new Set<string>(),
};

class User {
  private cookie = '';
  constructor(
    readonly role: 'requester' | 'coordinator' | 'specialist' | 'finance',
    readonly account: string,
    private instance: Instance,
  ) {}

  /** One HTTP call, timed and counted; network errors count as `network`. */
  async call(kind: Kind, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
    const t0 = performance.now();
    try {
      const res = await fetch(`${this.instance.base}/api/v1${path}`, {
        method,
        headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(this.cookie ? { cookie: this.cookie } : {}) },
        body: body !== undefined ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(30_000),
      });
      const text = await res.text();
      record(kind, res.status, performance.now() - t0);
      if (res.status === 401) this.cookie = '';
      let parsed: any = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {}
      return { status: res.status, body: parsed };
    } catch (error) {
      record(kind, (error as Error).name === 'TimeoutError' ? 'timeout' : 'network', performance.now() - t0);
      return { status: 0, body: undefined };
    }
  }

  async login(): Promise<boolean> {
    const t0 = performance.now();
    try {
      const res = await fetch(`${this.instance.base}/api/v1/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: `${this.account}@${DEMO_DOMAIN}`, password: DEMO_PASSWORD }),
        signal: AbortSignal.timeout(30_000),
      });
      record('login', res.status, performance.now() - t0);
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith('dp_session='));
      if (res.ok && cookie) this.cookie = cookie.split(';')[0] as string;
      await res.arrayBuffer();
      return res.ok;
    } catch {
      record('login', 'network', performance.now() - t0);
      return false;
    }
  }

  private caseTable: { id: string; municipalities: { id: string }[] } | undefined;
  private specialists: { id: string }[] = [];

  /** One step of this user's part of the main job. */
  async step(): Promise<void> {
    if (!this.cookie && !(await this.login())) return;
    switch (this.role) {
      case 'requester': {
        if (!this.caseTable) {
          const tables = await this.call('triage-list', 'GET', '/case-tables');
          this.caseTable = tables.body?.items?.[0];
          if (!this.caseTable) return;
        }
        const res = await this.call('create-request', 'POST', '/interpretation-requests', {
          caseTableId: this.caseTable.id,
          municipalityId: this.caseTable.municipalities[0]?.id,
          caseReference: `SOAK-${randomBytes(3).toString('hex')}`,
          question: 'Hoe duiden wij de uitingen van betrokkene op sociale media?',
          context: 'Signalen van school en wijkagent.',
          expertiseAreaCodes: ['right-wing-extremism'],
          urgency: Math.random() < 0.2 ? 'urgent' : 'regular',
          deliverable: 'written-advice',
          submit: true,
        });
        if (res.status === 201) acked.requests.add(res.body.id);
        return;
      }
      case 'coordinator': {
        if (Math.random() < 0.5) {
          if (this.specialists.length === 0) {
            const list = await this.call('triage-list', 'GET', '/specialists?pageSize=100');
            this.specialists = (list.body?.items ?? []).filter((s: { currentRateCents: number | null }) => (s.currentRateCents ?? 0) > 0);
            if (this.specialists.length === 0) return;
          }
          const queue = await this.call('triage-list', 'GET', '/interpretation-requests?status=submitted&pageSize=20');
          const items = queue.body?.items ?? [];
          if (items.length === 0) return;
          const request = items[Math.floor(Math.random() * items.length)];
          const sp = this.specialists[Math.floor(Math.random() * this.specialists.length)] as { id: string };
          const res = await this.call('assign', 'POST', `/interpretation-requests/${request.id}/assignments`, { specialistId: sp.id, estimatedMinutes: 240 });
          if (res.status === 201) acked.assignments.add(res.body.id);
        } else {
          const list = await this.call('approval-list', 'GET', '/time-entries?status=submitted&pageSize=50');
          const ids = (list.body?.items ?? []).map((e: { id: string }) => e.id).slice(0, 10);
          if (ids.length === 0) return;
          const res = await this.call('approve', 'POST', '/time-entry-reviews', { entryIds: ids, status: 'approved' });
          // The review answers how many it decided; when that is all of them, each is acknowledged.
          if (res.status === 200 && res.body?.reviewed === ids.length) for (const id of ids) acked.approved.add(id);
        }
        return;
      }
      case 'specialist': {
        const proposed = await this.call('assignment-list', 'GET', '/assignments?status=proposed&open=true&pageSize=20');
        const toAccept = (proposed.body?.items ?? []).find((a: { allowedActions?: string[] }) => a.allowedActions?.includes('accept'));
        if (toAccept) {
          const res = await this.call('accept', 'PATCH', `/assignments/${toAccept.id}`, { status: 'accepted' });
          if (res.status === 200) acked.accepted.add(toAccept.id);
          return;
        }
        const open = await this.call('assignment-list', 'GET', '/assignments?status=accepted&open=true&pageSize=50');
        const loggable = (open.body?.items ?? []).filter((a: { allowedActions?: string[] }) => a.allowedActions?.includes('log-time'));
        if (loggable.length === 0) return;
        const a = loggable[Math.floor(Math.random() * loggable.length)];
        const res = await this.call('log-time', 'POST', `/assignments/${a.id}/time-entries`, {
          workedOn: amsterdamDate(),
          minutes: 15,
          activity: 'case-file-study',
          description: 'Dossierstudie',
        });
        if (res.status === 201) acked.entries.add(res.body.id);
        return;
      }
      case 'finance': {
        if (Math.random() < 0.7) {
          await this.call('budget-page', 'GET', `/budgets/${year}`);
          await this.call('budget-page', 'GET', `/budgets/${year}/breakdowns?dimension=specialist`);
        } else {
          await this.call('ledger-export', 'GET', `/budgets/${year}/ledger-export?format=csv`);
        }
        return;
      }
    }
  }
}

function makeUsers(): User[] {
  const requesters = ['requester.arnhem', 'requester.ede', 'requester.nijmegen', 'requester.apeldoorn', 'requester.zwolle', 'requester.hengelo'];
  const users: User[] = [];
  // The mix of the pool's working day: about 30 % requesters, 16 % coordinators, 40 % specialists,
  // 14 % finance; each user is bound to one instance, alternating.
  const counts = {
    requester: Math.max(1, Math.round(USERS * 0.3)),
    coordinator: Math.max(1, Math.round(USERS * 0.16)),
    finance: Math.max(1, Math.round(USERS * 0.14)),
    specialist: 0,
  };
  counts.specialist = Math.max(1, USERS - counts.requester - counts.coordinator - counts.finance);
  let i = 0;
  const next = () => instances[i++ % instances.length] as Instance;
  for (let k = 0; k < counts.requester; k++) users.push(new User('requester', requesters[k % requesters.length] as string, next()));
  for (let k = 0; k < counts.coordinator; k++) users.push(new User('coordinator', 'coordinator', next()));
  for (let k = 0; k < counts.specialist; k++) users.push(new User('specialist', `specialist${(k % 6) + 1}`, next()));
  for (let k = 0; k < counts.finance; k++) users.push(new User('finance', 'finance', next()));
  return users;
}

// ---------------------------------------------------------------------------------------------
// The invariants.

async function invariants(sql: postgres.Sql) {
  const failures: string[] = [];
  const rows = async (text: string) => (await sql.unsafe(text)) as unknown as Record<string, unknown>[];
  // Budget totals and running totals equal a recomputation from the rows.
  const checks: [string, string][] = [
    [
      'budgets',
      `select b.year from budgets b
       where b.reserved_cents <> coalesce((select sum(reserved_cents) from assignments a where a.budget_year = b.year), 0)
          or b.pending_cents <> coalesce((select sum(amount_cents) from time_entries e where e.budget_year = b.year and e.status = 'submitted' and e.corrects_entry_id is null), 0)
          or b.spent_cents <> coalesce((select sum(amount_cents) from time_entries e where e.budget_year = b.year and e.status = 'approved'), 0)
          or b.allocated_cents - b.reserved_cents - b.pending_cents - b.spent_cents < 0`,
    ],
    [
      'ledger_day_totals',
      `with r as (select budget_year, worked_on, sum(ledger_entry_pending(status, corrects_entry_id, amount_cents)) p, sum(ledger_entry_spent(status, amount_cents)) s
                  from time_entries group by 1, 2)
       select * from r full join ledger_day_totals t using (budget_year, worked_on)
       where coalesce(r.p, 0) <> coalesce(t.pending_cents, 0) or coalesce(r.s, 0) <> coalesce(t.spent_cents, 0)`,
    ],
    [
      'specialist_day_minutes',
      `with r as (select specialist_id, worked_on, sum(minutes) m from time_entries
                  where (corrects_entry_id is null and status <> 'rejected') or (corrects_entry_id is not null and status = 'approved') group by 1, 2)
       select * from r full join specialist_day_minutes t using (specialist_id, worked_on)
       where coalesce(r.m, 0) <> coalesce(t.minutes, 0)`,
    ],
  ];
  for (const [name, text] of checks) {
    const found = await rows(text);
    if (found.length > 0) failures.push(`${name} differs from the recomputation: ${JSON.stringify(found.slice(0, 3))}`);
  }
  const [budget] = await sql`select allocated_cents, reserved_cents, pending_cents, spent_cents from budgets where year = ${year}`;
  // Every acknowledged write is there, in the state it was acknowledged in (or a later one).
  const missing = async (label: string, ids: Set<string>, query: (ids: string[]) => Promise<{ id: string }[]>) => {
    if (ids.size === 0) return 0;
    const found = new Set((await query([...ids])).map((r) => r.id));
    const lost = [...ids].filter((id) => !found.has(id));
    if (lost.length > 0) failures.push(`${lost.length} acknowledged ${label} missing, e.g. ${lost.slice(0, 3).join(', ')}`);
    return lost.length;
  };
  const lost = {
    requests: await missing('requests', acked.requests, (ids) => sql`select id from interpretation_requests where id = any(${ids}::uuid[])`),
    assignments: await missing('assignments', acked.assignments, (ids) => sql`select id from assignments where id = any(${ids}::uuid[])`),
    accepted: await missing('acceptances', acked.accepted, (ids) => sql`select id from assignments where id = any(${ids}::uuid[]) and status = 'accepted'`),
    entries: await missing('time entries', acked.entries, (ids) => sql`select id from time_entries where id = any(${ids}::uuid[])`),
    approved: await missing('approvals', acked.approved, (ids) => sql`select id from time_entries where id = any(${ids}::uuid[]) and status = 'approved'`),
  };
  // Every mail once: each sent row was received, no Message-ID twice.
  const counts = new Map<string, number>();
  for (const r of received) counts.set(r.messageId, (counts.get(r.messageId) ?? 0) + 1);
  const twice = [...counts].filter(([, c]) => c > 1);
  if (twice.length > 0)
    failures.push(
      `${twice.length} Message-IDs received more than once, e.g. ${twice
        .slice(0, 3)
        .map(([m, c]) => `${m}×${c}`)
        .join(', ')}`,
    );
  const sent = await sql<{ message_id: string }[]>`select message_id from notifications where status = 'sent'`;
  const notReceived = sent.filter((s) => !counts.has(s.message_id));
  if (notReceived.length > 0) failures.push(`${notReceived.length} mails marked sent were never received`);
  const outbox = await sql<{ status: string; n: number }[]>`select status, count(*)::int as n from notifications group by status order by status`;
  return {
    failures,
    budget,
    lostWrites: lost,
    mail: {
      outbox: Object.fromEntries(outbox.map((o) => [o.status, o.n])),
      received: received.length,
      distinctReceived: counts.size,
      receivedTwice: twice.length,
      sentNotReceived: notReceived.length,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The run.

const percentile = (xs: number[], p: number) => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] as number);
};

async function main() {
  pgPort = await freePort();
  smtpPort = await freePort();
  log(`work folder ${work}; PostgreSQL on ${pgPort}, SMTP on ${smtpPort}; ${MINUTES} min, ${USERS} users`);
  if (pgUser !== undefined) chownSync(work, pgUser, 0);
  pgRun('initdb', ['-D', pgData, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale', 'C']);
  pgStart();
  const adminUrl = `postgres://postgres@127.0.0.1:${pgPort}/postgres`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe('create database duidingspool');
  await admin.end();
  const databaseUrl = `postgres://postgres@127.0.0.1:${pgPort}/duidingspool`;
  await smtpStart();
  instances.push(await startInstance('instance-a', databaseUrl));
  instances.push(await startInstance('instance-b', databaseUrl));
  log('two instances healthy');

  const events: { at: number; what: string }[] = [];
  const event = (what: string) => {
    events.push({ at: Math.round((Date.now() - loadStart) / 1000), what });
    log(what);
  };
  const users = makeUsers();
  const loadStart = Date.now();
  const until = loadStart + RUN_MS;
  let running = true;
  const loops = users.map(async (u, k) => {
    await sleep((k * 1000) / users.length);
    while (running && Date.now() < until) {
      await u.step();
      await sleep(1000 + Math.random() * 2000); // think time
    }
  });

  // Faults: PostgreSQL restart at 40 %, SMTP outage from 55 % to 75 %.
  const outage = { pgDownMs: 0, pgBackToHealthyMs: 0, smtpDownMs: 0, notHealthyAgain: [] as string[] };
  const faults = (async () => {
    await sleep(RUN_MS * 0.4);
    event('stopping PostgreSQL');
    const down = Date.now();
    pgWindow.from = down - started;
    pgStop();
    await sleep(Math.min(20_000, RUN_MS * 0.05));
    pgStart();
    outage.pgDownMs = Date.now() - down;
    event('PostgreSQL started again');
    const back = Date.now();
    const healthy = await Promise.all(instances.map((i) => waitHealthy(i.base, 60_000)));
    outage.pgBackToHealthyMs = Date.now() - back;
    outage.notHealthyAgain = instances.filter((_, k) => !healthy[k]).map((i) => i.name);
    pgWindow.to = Date.now() - started;
    event(`both instances healthy again after ${outage.pgBackToHealthyMs} ms`);
    await sleep(Math.max(0, loadStart + RUN_MS * 0.55 - Date.now()));
    event('stopping SMTP');
    const smtpDown = Date.now();
    await smtpStop();
    await sleep(Math.max(0, loadStart + RUN_MS * 0.75 - Date.now()));
    await smtpStart();
    outage.smtpDownMs = Date.now() - smtpDown;
    event('SMTP started again');
  })();
  const loadSamples: number[] = [];
  const sampler = setInterval(() => loadSamples.push(loadavg()[0] ?? 0), 10_000);
  await Promise.all(loops);
  await faults;
  running = false;
  clearInterval(sampler);
  event('load stopped; letting the outbox drain');

  const sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
  const drainUntil = Date.now() + Math.max(5 * 60_000, RUN_MS * 0.2);
  let unsent = -1;
  while (Date.now() < drainUntil) {
    const [row] = await sql<{ n: number }[]>`select count(*)::int as n from notifications where status in ('pending', 'sending')`;
    unsent = row?.n ?? 0;
    if (unsent === 0 || exits.length === instances.length) break; // nobody left to send
    await sleep(5_000);
  }
  event(`outbox drained: ${unsent} unsent left`);
  // Stop the instances first (their workers hand back what they hold), then check.
  stopping = true;
  for (const i of instances) i.child.kill('SIGTERM');
  await Promise.all(instances.map((i) => new Promise((r) => (i.child.exitCode !== null ? r(null) : i.child.once('exit', r)))));
  const result = await invariants(sql);
  if (unsent > 0) result.failures.push(`${unsent} mails still unsent after the drain`);
  for (const e of exits) result.failures.push(`${e.name} exited at ${e.at} s (code ${e.code}, signal ${e.signal}); see its log`);
  for (const name of outage.notHealthyAgain) result.failures.push(`${name} was not healthy within 60 s after PostgreSQL came back`);
  await sql.end();

  const byKind = Object.fromEntries(
    [...figures].map(([kind, f]) => [
      kind,
      { count: f.ms.length, statuses: f.statuses, p50ms: percentile(f.ms, 50), p95ms: percentile(f.ms, 95), p99ms: percentile(f.ms, 99) },
    ]),
  );
  const total = [...figures.values()].reduce((s, f) => s + f.ms.length, 0);
  const report = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
    minutes: MINUTES,
    users: USERS,
    instances: instances.length,
    requests: total,
    requestsPerSecond: Math.round((total / (RUN_MS / 1000)) * 10) / 10,
    loadAverage: { mean: Math.round((loadSamples.reduce((s, x) => s + x, 0) / Math.max(1, loadSamples.length)) * 100) / 100, max: Math.max(0, ...loadSamples) },
    events,
    outage,
    exits,
    byKind,
    // A call that started in the outage may answer up to its 30 s timeout later.
    serverErrors: (() => {
      const during = serverErrors.filter((e) => e.at >= pgWindow.from && e.at <= pgWindow.to + 30_000);
      const outside = serverErrors.filter((e) => !during.includes(e));
      return { total: serverErrors.length, duringPostgresOutage: during.length, outside: outside.length, outsideFirst: outside.slice(0, 10) };
    })(),
    acknowledged: Object.fromEntries(Object.entries(acked).map(([k, v]) => [k, v.size])),
    ...result,
    ok: result.failures.length === 0,
  };
  const text = JSON.stringify(report, null, 2);
  console.log(text);
  if (args.out) writeFileSync(args.out, `${text}\n`);
  return report.ok;
}

let ok = false;
try {
  ok = await main();
} catch (error) {
  console.error(error);
} finally {
  for (const i of instances) if (i.child.exitCode === null) i.child.kill('SIGKILL');
  await smtpStop().catch(() => {});
  try {
    pgStop();
  } catch {}
  // A failed run keeps its folder: the instances' and PostgreSQL's logs say what happened.
  if (ok && !args['keep-data']) rmSync(work, { recursive: true, force: true });
  else log(`kept ${work}`);
}
process.exit(ok ? 0 : 1);
