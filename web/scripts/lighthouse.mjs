#!/usr/bin/env node
// Lighthouse (mobile preset: its default form factor, simulated throttling) on the login page and
// three signed-in pages of a running app, printing the performance and accessibility score of each.
// Starts no app: give the base URL of one that runs (README: `pnpm start`; the demo accounts must
// exist, as in the embedded default), e.g.
//   DATA_DIR=/tmp/spa-lh PORT=3400 pnpm start
//   pnpm --filter @duidingspool/web lighthouse http://127.0.0.1:3400
// Signs in through the API as the demo accounts (`/requests` is the requester's list, triage and
// budget the coordinator's) and hands Lighthouse the session cookie as a request header. Chromium
// from CHROME_PATH (default /usr/bin/chromium), headless, in Dutch (`--lang`). `--runs N` runs each
// page N times and prints the median; `--json DIR` keeps each report. The load average is printed with the scores:
// simulated throttling still depends on the machine's CPU.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  if (i === -1) return fallback;
  const [value] = args.splice(i, 2).slice(1);
  return value;
};
const runs = Number(option('--runs', '1'));
const jsonDir = option('--json', undefined);
// The browser's language: Dutch, as the users of a Dutch regional pool have it (`--lang en` measures
// an English browser, which also loads the English texts and switches back to the account's language).
const lang = option('--lang', 'nl-NL');
const base = (args[0] ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
const chrome = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const lighthouse = join(import.meta.dirname, '..', 'node_modules', '.bin', 'lighthouse');
const DEMO_PASSWORD = 'demo-duidingspool-2019';

/** The `Cookie` header of a fresh session of the demo account `email`. */
async function sessionCookie(email) {
  const res = await fetch(`${base}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login as ${email}: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

const pages = [
  { name: 'login', path: '/login' },
  { name: 'requests', path: '/requests', account: 'requester.arnhem@duidingspool.example' },
  { name: 'triage', path: '/triage', account: 'coordinator@duidingspool.example' },
  { name: 'budget', path: '/budget', account: 'coordinator@duidingspool.example' },
];

/** One Lighthouse run of `page`: its report (JSON). */
async function run(page) {
  const headers = page.account ? { Cookie: await sessionCookie(page.account) } : {};
  const out = execFileSync(
    lighthouse,
    [
      `${base}${page.path}`,
      '--only-categories=performance,accessibility',
      '--output=json',
      '--output-path=stdout',
      '--quiet',
      `--chrome-flags=--headless=new --no-sandbox --accept-lang=${lang}`,
      `--extra-headers=${JSON.stringify(headers)}`,
    ],
    { env: { ...process.env, CHROME_PATH: chrome }, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' },
  );
  return JSON.parse(out);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const score = (report, category) => Math.round((report.categories[category]?.score ?? 0) * 100);
const ms = (report, audit) => Math.round(report.audits[audit]?.numericValue ?? 0);

console.log(
  `Lighthouse ${base}, ${runs} run(s) per page, load average at start ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
console.log('| page     | performance | accessibility | FCP ms | LCP ms | TBT ms |   CLS |');
console.log('| -------- | ----------: | ------------: | -----: | -----: | -----: | ----: |');
const notes = [];
for (const page of pages) {
  const reports = [];
  for (let i = 0; i < runs; i++) {
    let report;
    // A trace Lighthouse could not read (NO_NAVSTART, NO_FCP on a busy machine) is retried twice.
    for (let attempt = 0; attempt < 3 && !report; attempt++) {
      try {
        report = await run(page);
      } catch (error) {
        if (attempt === 2) throw error;
        console.error(
          `${page.name}: Lighthouse failed (${String(error.stderr ?? error.message)
            .trim()
            .split('\n')
            .at(-1)}), running again`,
        );
      }
    }
    if (report.runtimeError) throw new Error(`${page.name}: ${report.runtimeError.message}`);
    const landed = new URL(report.finalDisplayedUrl).pathname;
    if (landed !== page.path) throw new Error(`${page.name}: landed on ${landed}, not ${page.path} (not signed in?)`);
    if (jsonDir) {
      mkdirSync(jsonDir, { recursive: true });
      writeFileSync(join(jsonDir, `${page.name}-${i + 1}.json`), JSON.stringify(report));
    }
    reports.push(report);
  }
  const m = (f) => median(reports.map(f));
  console.log(
    `| ${page.name.padEnd(8)} | ${String(m((r) => score(r, 'performance'))).padStart(11)} | ${String(m((r) => score(r, 'accessibility'))).padStart(13)} | ${String(m((r) => ms(r, 'first-contentful-paint'))).padStart(6)} | ${String(m((r) => ms(r, 'largest-contentful-paint'))).padStart(6)} | ${String(m((r) => ms(r, 'total-blocking-time'))).padStart(6)} | ${m(
      (r) => r.audits['cumulative-layout-shift']?.numericValue ?? 0,
    )
      .toFixed(3)
      .padStart(5)} |`,
  );
  // What Lighthouse says is worth fixing, for the reader of the run.
  const last = reports.at(-1);
  const failing = Object.values(last.audits).filter(
    (a) =>
      a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'notApplicable' && a.scoreDisplayMode !== 'manual',
  );
  for (const a of failing) notes.push(`${page.name}: ${a.id} (${Math.round(a.score * 100)})${a.displayValue ? ` ${a.displayValue}` : ''}`);
}
if (notes.length) console.log(`\nAudits below 90 (last run of each page):\n${notes.map((n) => `  ${n}`).join('\n')}`);
console.log(
  `load average at end ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
