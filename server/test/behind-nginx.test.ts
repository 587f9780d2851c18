// The TLS proxy of docs/operations/nginx.conf.example, for real: nginx from Debian's package on
// loopback with that very file (only its ports and paths replaced), two app instances on one
// PostgreSQL database behind it, and the API smoke test (scripts/api-smoke.mjs) through it over
// https. Also what the proxy headers must achieve with TRUST_PROXY=1: the client address is the one
// nginx saw (not a forged X-Forwarded-For), https is known (HSTS, Secure cookies), /metrics is closed.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminUrl, databaseUrl } from './database-urls.ts';
import { type ServerProcess, spawnServer } from './server-process.ts';
import { freePort } from './smtp.ts';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const EXAMPLE = join(ROOT, 'docs/operations/nginx.conf.example');
const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));
if (!NGINX) console.warn('behind-nginx: skipped, nginx is not installed (apt-get install nginx-light; .ci/run installs it)');

/**
 * The example configuration with the test's ports, certificate and listen addresses; throws when
 * a line it replaces is no longer in the example (the test would otherwise drift from the doc).
 */
function templateExample(example: string, v: { appPorts: [number, number]; http: number; https: number; cert: string; key: string }): string {
  const replacements: [string, string][] = [
    ['server 127.0.0.1:3000 ', `server 127.0.0.1:${v.appPorts[0]} `],
    ['server 127.0.0.1:3001 ', `server 127.0.0.1:${v.appPorts[1]} `],
    ['listen 80;', `listen 127.0.0.1:${v.http};`],
    ['listen 443 ssl;', `listen 127.0.0.1:${v.https} ssl;`],
    ['/etc/ssl/duidingspool/fullchain.pem', v.cert],
    ['/etc/ssl/duidingspool/privkey.pem', v.key],
  ];
  let out = example;
  for (const [from, to] of replacements) {
    if (!out.includes(from)) throw new Error(`nginx.conf.example no longer contains "${from}"`);
    out = out.replaceAll(from, to);
  }
  return out;
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

describe.skipIf(!NGINX)('behind the nginx example over https', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dp-nginx-'));
  const dbName = `dp_test_nginx_${randomBytes(4).toString('hex')}`;
  const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
  const apps: ServerProcess[] = [];
  const metricsPorts: number[] = [];
  let nginx: ChildProcess | undefined;
  let nginxExited: Promise<unknown> = Promise.resolve();
  let httpsPort = 0;
  let httpPort = 0;
  let ca = '';

  /** A request to nginx over https (trusting the test's certificate), optionally from another loopback address. */
  const viaProxy = (path: string, init: { method?: string; headers?: Record<string, string>; body?: string; localAddress?: string } = {}) =>
    new Promise<Answer>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: httpsPort, path, method: init.method ?? 'GET', headers: init.headers, ca, localAddress: init.localAddress, timeout: 10_000 },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (d) => {
            body += d;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        },
      );
      req.on('error', reject);
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.end(init.body);
    });

  beforeAll(async () => {
    chmodSync(dir, 0o755); // nginx's workers (nobody when started as root) create temp folders here
    const cert = join(dir, 'cert.pem');
    const key = join(dir, 'key.pem');
    await run('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '2',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ]);
    ca = readFileSync(cert, 'utf8');

    await admin.unsafe(`create database ${dbName}`);
    const appPorts: [number, number] = [await freePort(), await freePort()];
    httpsPort = await freePort();
    httpPort = await freePort();
    metricsPorts.push(await freePort(), await freePort());
    const secret = () => randomBytes(48).toString('base64url');
    const env = {
      DATABASE_URL: databaseUrl(dbName),
      JWT_SECRET: secret(),
      ENCRYPTION_KEY: secret(),
      TRUST_PROXY: '1',
      COOKIE_SECURE: 'true',
      PUBLIC_URL: `https://127.0.0.1:${httpsPort}`,
      LOG_LEVEL: 'warn',
    };
    // The first instance migrates and seeds the demo data (the smoke test logs in as demo people);
    // the second starts on the ready database.
    const first = spawnServer(appPorts[0], { ...env, SEED_DEMO: 'true', METRICS_PORT: String(metricsPorts[0]) });
    apps.push(first);
    await first.waitForStatus('/api/v1/health/ready', 200, 120_000);
    const second = spawnServer(appPorts[1], { ...env, SEED_DEMO: 'false', METRICS_PORT: String(metricsPorts[1]) });
    apps.push(second);
    await second.waitForStatus('/api/v1/health/ready', 200, 120_000);

    const site = templateExample(readFileSync(EXAMPLE, 'utf8'), { appPorts, http: httpPort, https: httpsPort, cert, key });
    writeFileSync(join(dir, 'duidingspool.conf'), site);
    const temp = (name: string) => `${name}_temp_path ${join(dir, name)};`;
    writeFileSync(
      join(dir, 'nginx.conf'),
      [
        'daemon off;',
        'worker_processes 1;',
        `pid ${join(dir, 'nginx.pid')};`,
        `error_log ${join(dir, 'error.log')} warn;`,
        'events { worker_connections 256; }',
        'http {',
        `  access_log ${join(dir, 'access.log')};`,
        `  ${temp('client_body')} ${temp('proxy')} ${temp('fastcgi')} ${temp('uwsgi')} ${temp('scgi')}`,
        `  include ${join(dir, 'duidingspool.conf')};`,
        '}',
      ].join('\n'),
    );
    const args = ['-p', dir, '-e', join(dir, 'error.log'), '-c', join(dir, 'nginx.conf')];
    await run(NGINX as string, ['-t', ...args]);
    let nginxErr = '';
    nginx = spawn(NGINX as string, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    nginx.stderr?.on('data', (d) => {
      nginxErr += d;
    });
    const proc = nginx;
    nginxExited = new Promise((r) => proc.once('exit', r));
    const until = Date.now() + 20_000;
    for (;;) {
      try {
        if ((await viaProxy('/api/v1/health/live')).status === 200) break;
      } catch (error) {
        if (Date.now() > until || proc.exitCode !== null) throw new Error(`nginx did not answer: ${error} ${nginxErr}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }, 300_000);

  afterAll(async () => {
    if (nginx && nginx.exitCode === null) nginx.kill('SIGTERM');
    await nginxExited;
    for (const p of apps) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGTERM');
    await Promise.all(apps.map((p) => p.exited));
    await admin.unsafe(`drop database if exists ${dbName} with (force)`);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('runs the API smoke test through nginx over https, spread over both instances', async () => {
    const smoke = await run(process.execPath, [join(ROOT, 'scripts/api-smoke.mjs')], {
      env: { PATH: process.env.PATH ?? '', BASE: `https://127.0.0.1:${httpsPort}`, NODE_EXTRA_CA_CERTS: join(dir, 'cert.pem') },
      timeout: 120_000,
    }).catch((error: { stdout?: string; stderr?: string }) => {
      throw new Error(`api-smoke failed:\n${error.stdout ?? ''}\n${error.stderr ?? ''}`);
    });
    expect(smoke.stdout).toMatch(/^\d+ passed, 0 failed$/m);
    expect(smoke.stdout).not.toMatch(/^FAIL/m);

    // Round robin: each instance answered part of it (its own request counter, on its metrics port).
    for (const port of metricsPorts) {
      const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      const answered = [...text.matchAll(/^duidingspool_http_requests_total\{[^}]*route="\/api\/v1\/[^"]*"[^}]*\} (\d+)/gm)].reduce(
        (sum, m) => sum + Number(m[1]),
        0,
      );
      expect(answered).toBeGreaterThan(3);
    }
  }, 150_000);

  it('takes the client address and https from the proxy: a forged X-Forwarded-For is ignored, cookies are Secure, HSTS is sent', async () => {
    const userAgent = `nginx-test-${randomBytes(4).toString('hex')}`;
    const login = await viaProxy('/api/v1/sessions', {
      method: 'POST',
      localAddress: '127.0.0.2',
      headers: {
        'content-type': 'application/json',
        origin: `https://127.0.0.1:${httpsPort}`,
        'user-agent': userAgent,
        'x-forwarded-for': '203.0.113.9',
      },
      body: JSON.stringify({ email: 'requester.hengelo@duidingspool.example', password: 'demo-duidingspool-2019' }),
    });
    expect(login.status).toBe(200);
    const cookies = (login.headers['set-cookie'] as string[] | undefined) ?? [];
    expect(cookies.length).toBeGreaterThan(0);
    for (const c of cookies) expect(c).toMatch(/;\s*Secure/i);
    expect(login.headers['strict-transport-security']).toMatch(/max-age=\d+/);

    const db = postgres(databaseUrl(dbName), { max: 1, onnotice: () => {} });
    try {
      const rows = await db<{ ip: string }[]>`select host(ip) as ip from sessions where user_agent = ${userAgent}`;
      expect(rows).toEqual([{ ip: '127.0.0.2' }]);
    } finally {
      await db.end();
    }

    // Straight to an instance over http, no proxy headers: no HSTS (the app knows it is not https).
    const direct = await apps[0]?.fetch('/api/v1/health/live');
    expect(direct?.headers.get('strict-transport-security')).toBeNull();
  });

  it('does not forward /metrics, and redirects plain http to https', async () => {
    expect((await viaProxy('/metrics')).status).toBe(404);
    const plain = await fetch(`http://127.0.0.1:${httpPort}/api/v1/health`, { redirect: 'manual' });
    expect(plain.status).toBe(301);
    expect(plain.headers.get('location')).toMatch(/^https:\/\//);
  });
});
