// A test app on a database of its own, and helpers to call it as each demo role.
import { randomBytes } from 'node:crypto';
import { type DatabaseHandle, DEMO_DOMAIN, DEMO_PASSWORD, openDatabase } from '@duidingspool/db';
import type { FastifyInstance, InjectOptions } from 'fastify';
import postgres from 'postgres';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../src/app.ts';
import type { AppConfig } from '../src/config.ts';
import { DEFAULT_WORKING_HOURS } from '../src/lib/working-time.ts';
import { adminUrl, databaseUrl, TEMPLATE_DATABASE } from './database-urls.ts';

export const testConfig: AppConfig = {
  nodeEnv: 'test',
  port: 0,
  host: '127.0.0.1',
  allowDemoOnNetwork: false,
  databaseUrl: undefined,
  dataDir: '/nonexistent',
  dataDirMinFreeBytes: 0,
  requestTimeoutSeconds: 20,
  jwtSecret: randomBytes(48).toString('base64url'),
  jwtTtlSeconds: 15 * 60,
  sessionIdleSeconds: 30 * 60,
  sessionMaxSeconds: 12 * 3600,
  secureCookies: false,
  webDist: undefined,
  publicUrl: 'http://localhost:3000',
  seedDemo: false,
  smtpUrl: undefined,
  smtpRequireTls: false,
  smtpTlsRejectUnauthorized: true,
  mailFrom: { name: 'Duidingspool Oost-Nederland', address: 'noreply@duidingspool.example' },
  mailAllowedDomains: undefined,
  mailWorker: false,
  logLevel: 'silent',
  trustProxy: false,
  databasePrepare: true,
  encryptionKey: randomBytes(48).toString('base64url'),
  requireSecondFactorForRequesters: false,
  retentionCaseMonths: 12,
  retentionLedgerYears: 7,
  retentionIntervalMinutes: 0,
  securityContact: 'mailto:security@duidingspool.example',
  workingHours: DEFAULT_WORKING_HOURS,
  metrics: undefined,
};

/** A response with the parsed JSON body. */
export interface CallResult {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: any;
}

export interface Caller {
  (method: InjectOptions['method'], url: string, payload?: unknown, headers?: Record<string, string>): Promise<CallResult>;
  cookie: string;
}

export interface TestApp {
  app: FastifyInstance;
  handle: DatabaseHandle;
  /** Logs in as `local@duidingspool.example` and returns a caller carrying the session cookie. */
  as(local: string): Promise<Caller>;
  /** A caller without a session. */
  anonymous: Caller;
  /** Makes a fresh database for this file; returns its name. */
  databaseName: string;
}

async function createDatabase(): Promise<string> {
  const name = `dp_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name} template ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  return name;
}

async function dropDatabase(name: string): Promise<void> {
  const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
  } finally {
    await admin.end();
  }
}

/** A caller on `app` carrying `cookie` (empty: anonymous). */
export function makeCaller(app: FastifyInstance, cookie: string): Caller {
  const call = (async (method, url, payload, headers = {}) => {
    const response = await app.inject({
      method,
      url,
      headers: { ...(cookie ? { cookie } : {}), ...(payload !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(payload !== undefined ? { payload: typeof payload === 'string' || Buffer.isBuffer(payload) ? payload : JSON.stringify(payload) } : {}),
    });
    let body: unknown;
    try {
      body = response.body ? JSON.parse(response.body) : undefined;
    } catch {
      body = response.body;
    }
    return { status: response.statusCode, headers: response.headers, body };
  }) as Caller;
  call.cookie = cookie;
  return call;
}

/**
 * Registers beforeAll/afterAll hooks that give the test file an app on a fresh copy of the seeded
 * template database (real Postgres), and returns a handle filled in before the first test.
 * `config` changes the test configuration; it is read when the app is built (in beforeAll).
 */
export function useTestApp(options: { now?: () => Date; maxConnections?: number; config?: () => Partial<AppConfig> } = {}): TestApp {
  const ctx = {} as TestApp;
  beforeAll(async () => {
    ctx.databaseName = await createDatabase();
    ctx.handle = await openDatabase({ url: databaseUrl(ctx.databaseName), maxConnections: options.maxConnections ?? 10 });
    const config = options.config ? { ...testConfig, ...options.config() } : testConfig;
    ctx.app = await buildApp({ config, db: ctx.handle.db, ...(options.now ? { now: options.now } : {}) });
    await ctx.app.ready();
    ctx.anonymous = makeCaller(ctx.app, '');
    ctx.as = async (local: string) => {
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/sessions',
        payload: { email: `${local}@${DEMO_DOMAIN}`, password: DEMO_PASSWORD },
      });
      if (res.statusCode !== 200) throw new Error(`login ${local} failed: ${res.statusCode} ${res.body}`);
      const setCookie = res.cookies.find((c) => c.name === 'dp_session');
      if (!setCookie) throw new Error('no session cookie');
      return makeCaller(ctx.app, `dp_session=${setCookie.value}`);
    };
  });
  afterAll(async () => {
    await ctx.app?.close();
    await ctx.handle?.close();
    if (ctx.databaseName) await dropDatabase(ctx.databaseName);
  });
  return ctx;
}
