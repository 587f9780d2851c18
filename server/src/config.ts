import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseAllowedDomains, parseStrictAddress, sanitizeDisplayName } from './modules/notifications/addresses.ts';

/** The application's configuration; `loadConfig` is the only reader of `process.env`. */
export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** Postgres URL; unset means the embedded PGlite in `dataDir`. */
  databaseUrl: string | undefined;
  /** Folder of the embedded database and its generated secrets. */
  dataDir: string;
  /** HS256 signing key of the session JWT (≥ 32 bytes). */
  jwtSecret: string;
  /** Lifetime of one JWT, seconds (≤ 15 minutes). */
  jwtTtlSeconds: number;
  /** Session idle timeout, seconds. */
  sessionIdleSeconds: number;
  /** Absolute session lifetime, seconds. */
  sessionMaxSeconds: number;
  /** Set `Secure` on cookies (always in production). */
  secureCookies: boolean;
  /** Folder of the built SPA; unset serves no SPA. */
  webDist: string | undefined;
  /** Public base URL of the app, for links in e-mails. */
  publicUrl: string;
  /** Seed the demo data into an empty embedded database at start-up. */
  seedDemo: boolean;
  /** SMTP connection URL (`smtp://` with STARTTLS or `smtps://`); unset keeps mails in the outbox. */
  smtpUrl: string | undefined;
  /** Refuse to send over SMTP without TLS (STARTTLS required for `smtp://`); default on in production. */
  smtpRequireTls: boolean;
  /** Verify the SMTP server's certificate (`SMTP_TLS_REJECT_UNAUTHORIZED`, default true). */
  smtpTlsRejectUnauthorized: boolean;
  /** Sender of notifications: `MAIL_FROM_ADDRESS`, default `noreply@<host of PUBLIC_URL>`. */
  mailFrom: { name: string; address: string };
  /** `MAIL_ALLOWED_DOMAINS`: when set, mail only leaves for these domains (exact match). */
  mailAllowedDomains: string[] | undefined;
  /** Run the outbox worker in this process (`MAIL_WORKER`, default true). */
  mailWorker: boolean;
  logLevel: string;
  /** Trust `X-Forwarded-For` (behind a load balancer); off by default so clients cannot spoof their IP. */
  trustProxy: boolean;
}

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().optional(),
  JWT_SECRET: z.string().min(32, 'JWT_SECRET must be at least 32 characters').optional(),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 7)
    .default(12),
  COOKIE_SECURE: z.enum(['true', 'false']).optional(),
  WEB_DIST: z.string().optional(),
  PUBLIC_URL: z.string().url().optional(),
  SEED_DEMO: z.enum(['true', 'false']).optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://')
    .optional(),
  SMTP_REQUIRE_TLS: z.enum(['true', 'false']).optional(),
  SMTP_TLS_REJECT_UNAUTHORIZED: z.enum(['true', 'false']).default('true'),
  MAIL_FROM_ADDRESS: z.string().optional(),
  MAIL_FROM_NAME: z.string().max(64).default('Duidingspool Oost-Nederland'),
  MAIL_ALLOWED_DOMAINS: z.string().optional(),
  MAIL_WORKER: z.enum(['true', 'false']).default('true'),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

// Two levels up from server/src/config.ts and from the bundle server/dist/server.mjs alike.
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Secrets of the embedded default: generated at first start and kept in the data folder
 * (DESIGN.md §6). Never used in production, where the server refuses to start without them.
 */
function localSecret(dataDir: string, name: string): string {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'secrets.json');
  const secrets: Record<string, string> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  if (!secrets[name]) {
    secrets[name] = randomBytes(48).toString('base64url');
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return secrets[name];
}

/**
 * Reads and validates the environment.
 * @throws Error naming each invalid variable, or the missing `JWT_SECRET` in production
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  if (production && !e.JWT_SECRET) throw new Error('JWT_SECRET is required in production');
  const dataDir = resolve(repoRoot, e.DATA_DIR ?? '.data');
  const port = e.PORT;
  const publicUrl = e.PUBLIC_URL ?? `http://localhost:${port}`;
  const publicHost = new URL(publicUrl).hostname;
  // `localhost` has no dot, which the strict address parser refuses.
  const fromAddress = parseStrictAddress(e.MAIL_FROM_ADDRESS ?? `noreply@${publicHost.includes('.') ? publicHost : 'localhost.localdomain'}`);
  if (!fromAddress) throw new Error('Invalid configuration: MAIL_FROM_ADDRESS must be a plain address like noreply@example.nl');
  const webDist = e.WEB_DIST ? resolve(e.WEB_DIST) : resolve(repoRoot, 'web/dist');
  return {
    nodeEnv: e.NODE_ENV,
    port,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    jwtSecret: e.JWT_SECRET ?? localSecret(dataDir, 'jwtSecret'),
    jwtTtlSeconds: 15 * 60,
    sessionIdleSeconds: e.SESSION_IDLE_MINUTES * 60,
    sessionMaxSeconds: e.SESSION_MAX_HOURS * 3600,
    secureCookies: e.COOKIE_SECURE ? e.COOKIE_SECURE === 'true' : production,
    webDist: existsSync(join(webDist, 'index.html')) ? webDist : undefined,
    publicUrl,
    seedDemo: e.SEED_DEMO ? e.SEED_DEMO === 'true' : !production && !e.DATABASE_URL,
    smtpUrl: e.SMTP_URL,
    smtpRequireTls: e.SMTP_REQUIRE_TLS ? e.SMTP_REQUIRE_TLS === 'true' : production,
    smtpTlsRejectUnauthorized: e.SMTP_TLS_REJECT_UNAUTHORIZED === 'true',
    mailFrom: { name: sanitizeDisplayName(e.MAIL_FROM_NAME), address: fromAddress.address },
    mailAllowedDomains: parseAllowedDomains(e.MAIL_ALLOWED_DOMAINS),
    mailWorker: e.MAIL_WORKER === 'true',
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY === 'true',
  };
}
