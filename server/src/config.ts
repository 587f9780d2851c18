import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseClockTime, type WorkingHours } from './lib/working-time.ts';
import { parseAllowedDomains, parseStrictAddress, sanitizeDisplayName } from './modules/notifications/index.ts';

/** The application's configuration; `loadConfig` is the only reader of `process.env`. */
export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  /**
   * Address to listen on (`HOST`): `127.0.0.1` outside production, `0.0.0.0` in production
   * (decision 045). A non-loopback address with demo accounts in the database refuses to start.
   */
  host: string;
  /**
   * `ALLOW_DEMO_ON_NETWORK=true`: start on a non-loopback address although the database holds
   * active demo accounts (published password, no second factor outside production). Refused in
   * production, where demo accounts refuse the start whatever the address.
   */
  allowDemoOnNetwork: boolean;
  /** Postgres URL; unset means the embedded PGlite in `dataDir`. */
  databaseUrl: string | undefined;
  /** Folder of the embedded database and its generated secrets. */
  dataDir: string;
  /**
   * Free bytes the embedded database's folder needs (`DATA_DIR_MIN_FREE_MB`, default 64 MB): less
   * refuses the start, and the health endpoint answers 503 while less is free (decision 061).
   */
  dataDirMinFreeBytes: number;
  /**
   * Longest a request may take, seconds (`REQUEST_TIMEOUT_SECONDS`, default 20): later it answers
   * 503 `service-unavailable` (decision 060).
   */
  requestTimeoutSeconds: number;
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
  /** Seed the demo structure and accounts into an empty database at start-up (`SEED_DEMO` `true` or `structure`; default on the embedded database outside production). */
  seedDemo: boolean;
  /**
   * With `seedDemo`, also seed the demo year of fictional work (decision 087): `SEED_DEMO=true`, or
   * unset on the embedded database outside production. Unset (tests, benches): no demo year.
   */
  demoYear?: boolean;
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
  /**
   * Which proxies' `X-Forwarded-For`/`-Proto`/`-Host` to believe (`TRUST_PROXY`, Fastify's
   * `trustProxy`): `false` (default: none, so clients cannot spoof their IP), a hop count (`1`: the
   * one TLS proxy in front; the client is the address that proxy saw), a list of proxy addresses or
   * CIDR ranges, or `true` (every hop: the left-most, client-supplied address; only when the proxy
   * overwrites the header).
   */
  trustProxy: boolean | number | string[];
  /**
   * Prepare every statement on PostgreSQL (`DATABASE_PREPARE`, default true, decision 072); false
   * behind a transaction-pooling proxy such as PgBouncer in transaction mode.
   */
  databasePrepare: boolean;
  /** Key (≥ 32 characters) that encrypts TOTP secrets at rest (AES-256-GCM). */
  encryptionKey: string;
  /** Require a second factor of requesters too (coordinator, specialist, finance and admin always). */
  requireSecondFactorForRequesters: boolean;
  /** Months after closing that case content is purged (docs/design.md §6; default 12). */
  retentionCaseMonths: number;
  /** Years after closing that the financial ledger of a request is kept (docs/design.md §6; 7). */
  retentionLedgerYears: number;
  /** Minutes between runs of the retention job; 0 turns the schedule off (tests run it by hand). */
  retentionIntervalMinutes: number;
  /** Contact of `/.well-known/security.txt` (mailto: or https: URI). */
  securityContact: string;
  /**
   * The pool's contact for users, shown on every page and in the statements
   * (`POOL_CONTACT_NAME`, `POOL_CONTACT_EMAIL`, `POOL_CONTACT_PHONE`; reachable during the working day).
   */
  poolContact: { name: string; email: string; phone: string | undefined };
  /**
   * The working day in Europe/Amsterdam (`WORKING_DAY_START`, `WORKING_DAY_END`; default
   * 08:30–17:00): deadlines counted in working days start at the next start when an event happens
   * outside it, and the daily digest goes out at its start.
   */
  workingHours: WorkingHours;
  /**
   * Prometheus metrics (decision 084): served at `/metrics` on a listener of their own at
   * `METRICS_HOST:METRICS_PORT` (host default `127.0.0.1`), never on the API's port; unset
   * `METRICS_PORT` serves no metrics. `METRICS_TOKEN`, when set, is the bearer token a scrape must
   * send; it is required when the host is not loopback.
   */
  metrics?: { port: number; host: string; token: string | undefined } | undefined;
}

/** A `HH:MM` between 05:00 and 22:00: clear of the night hour that summer time skips or repeats. */
const ClockTimeSchema = z
  .string()
  .refine((v) => {
    const m = parseClockTime(v);
    return m !== undefined && m >= 5 * 60 && m <= 22 * 60;
  }, 'expected a time HH:MM between 05:00 and 22:00')
  .transform((v) => parseClockTime(v) as number);

/** zod's English messages, for the operator's start-up lines. */
const ENGLISH = z.locales.en();

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).optional(),
  ALLOW_DEMO_ON_NETWORK: z.enum(['true', 'false']).default('false'),
  DATABASE_URL: z
    .string()
    .refine(
      (v) => databaseHosts(v) !== undefined,
      'DATABASE_URL must be postgres://user@host:port/db, or with several hosts postgres://user@host1:port1,host2:port2/db?target_session_attrs=primary',
    )
    .optional(),
  DATA_DIR: z.string().optional(),
  DATA_DIR_MIN_FREE_MB: z.coerce.number().int().min(0).max(1_000_000).default(64),
  REQUEST_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(20),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
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
  SEED_DEMO: z.enum(['true', 'structure', 'false']).optional(),
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
  TRUST_PROXY: z
    .string()
    .default('false')
    .refine(isTrustProxySetting, 'TRUST_PROXY must be true, false, a hop count (1–9) or a comma-separated list of proxy addresses or CIDR ranges'),
  DATABASE_PREPARE: z.enum(['true', 'false']).default('true'),
  ENCRYPTION_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  REQUIRE_2FA_FOR_REQUESTERS: z.enum(['true', 'false']).default('false'),
  RETENTION_CASE_MONTHS: z.coerce.number().int().min(1).max(120).default(12),
  RETENTION_LEDGER_YEARS: z.coerce.number().int().min(7).max(30).default(7),
  RETENTION_INTERVAL_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .default(60),
  SECURITY_CONTACT: z
    .string()
    .regex(/^(mailto:|https:\/\/)\S+$/)
    .default('mailto:security@duidingspool.example'),
  POOL_CONTACT_NAME: z.string().trim().min(1).max(120).default('Duidingspool Oost-Nederland'),
  POOL_CONTACT_EMAIL: z.email().max(254).optional(),
  POOL_CONTACT_PHONE: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{6,20}$/, 'expected a phone number such as 026 123 45 67')
    .optional(),
  WORKING_DAY_START: z.string().default('08:30').pipe(ClockTimeSchema),
  WORKING_DAY_END: z.string().default('17:00').pipe(ClockTimeSchema),
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  METRICS_TOKEN: z.string().min(32, 'must be at least 32 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

// Two levels up from server/src/config.ts and from the bundle server/dist/server.mjs alike.
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The secrets the embedded default generates, by name. */
const LOCAL_SECRET_NAMES = ['jwtSecret', 'encryptionKey'] as const;

/**
 * Secrets of the embedded default: generated at first start and kept in the data folder
 * (docs/design.md §6). Never used in production, where the server refuses to start without them.
 * All are generated together and the file is created exclusively, so two processes starting at
 * once on a new folder read the same secrets.
 * @throws Error with one line naming the folder when it cannot be written, or the file when it is
 *   not JSON
 */
function localSecret(dataDir: string, name: (typeof LOCAL_SECRET_NAMES)[number]): string {
  const file = join(dataDir, 'secrets.json');
  try {
    mkdirSync(dataDir, { recursive: true });
    const secrets: Record<string, string> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
    if (!secrets[name]) {
      for (const n of LOCAL_SECRET_NAMES) secrets[n] ??= randomBytes(48).toString('base64url');
      const temporary = `${file}.${process.pid}`;
      writeFileSync(temporary, JSON.stringify(secrets, null, 2), { mode: 0o600 });
      try {
        // Created only when missing; when another process created it meanwhile, its secrets win.
        if (existsSync(file)) renameSync(temporary, file);
        else linkSync(temporary, file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      } finally {
        rmSync(temporary, { force: true });
      }
      return JSON.parse(readFileSync(file, 'utf8'))[name];
    }
    return secrets[name];
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw new Error(`${file} cannot be read (${error instanceof Error ? error.message : String(error)})`);
    throw new Error(`Data folder ${dataDir} is not writable (${code}); set DATA_DIR to a folder this process may write to.`);
  }
}

/** Shortest accepted `JWT_SECRET` / `ENCRYPTION_KEY`, characters. */
export const MIN_SECRET_LENGTH = 32;
/**
 * Least Shannon entropy of a production secret's character frequencies, bits per character. A
 * random hex string of 32 or more characters has about 3.7, base64 about 5; `xxxx…`, `abab…` or a
 * short word repeated have 0–2.
 */
export const MIN_SECRET_BITS_PER_CHARACTER = 3;
/** Words that mark a value copied from an example instead of generated. */
const PLACEHOLDER_WORDS = ['changeme', 'change-me', 'change_me', 'example', 'placeholder', 'secret'];

/**
 * Shannon entropy of the character frequencies of `value`, bits per character (0 for one
 * repeated character, log2 of the alphabet for a uniform spread).
 */
export function bitsPerCharacter(value: string): number {
  const chars = [...value];
  const counts = new Map<string, number>();
  for (const c of chars) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / chars.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/**
 * The length of the shortest block that `value` is made of, repeated (`abcabcabc` → 3), or
 * undefined when it is no repetition. A repeated block is as guessable as the block alone.
 */
export function repeatedBlock(value: string): number | undefined {
  const chars = [...value];
  for (let size = 1; size <= chars.length / 2; size++) {
    if (chars.length % size !== 0) continue;
    if (chars.every((c, i) => c === chars[i % size])) return size;
  }
  return undefined;
}

/**
 * Why `value` is not a strong production secret, or undefined when it is (decision 083): at least
 * `MIN_SECRET_LENGTH` characters, at least `MIN_SECRET_BITS_PER_CHARACTER` bits per character, and
 * no placeholder word. `openssl rand -base64 48` always passes.
 */
export function weakSecretReason(value: string): string | undefined {
  if ([...value].length < MIN_SECRET_LENGTH) return `is shorter than ${MIN_SECRET_LENGTH} characters`;
  const lower = value.toLowerCase();
  const word = PLACEHOLDER_WORDS.find((w) => lower.includes(w));
  if (word) return `contains the placeholder word "${word}"`;
  const bits = bitsPerCharacter(value);
  if (bits < MIN_SECRET_BITS_PER_CHARACTER)
    return `is too predictable (${bits.toFixed(1)} bits per character, at least ${MIN_SECRET_BITS_PER_CHARACTER} needed)`;
  const block = repeatedBlock(value);
  if (block !== undefined) return `repeats the same ${block} characters over and over`;
  return undefined;
}

/** Whether `host` is a loopback address or `localhost` (the metrics listener's safe default). */
function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * The settings production needs to be explicit about (decision 083), one line per variable that is
 * missing or bad, each naming the variable and how to fix it. Reads the raw environment so that it
 * reports every variable, also when others fail to parse.
 */
export function productionProblems(env: NodeJS.ProcessEnv): Map<string, string> {
  const problems = new Map<string, string>();
  const generate = 'generate one with: openssl rand -base64 48';
  if (env.COOKIE_SECURE === undefined || env.COOKIE_SECURE === '') {
    problems.set('COOKIE_SECURE', 'COOKIE_SECURE is not set; set COOKIE_SECURE=true (the browser reaches the app over https, through the TLS proxy)');
  } else if (env.COOKIE_SECURE !== 'true') {
    problems.set('COOKIE_SECURE', `COOKIE_SECURE is "${env.COOKIE_SECURE}"; production sends its session cookie over https only: set COOKIE_SECURE=true`);
  }
  const publicUrl = env.PUBLIC_URL;
  if (!publicUrl) {
    problems.set('PUBLIC_URL', 'PUBLIC_URL is not set; set it to the https address users open, e.g. PUBLIC_URL=https://duidingspool.gemeente.nl');
  } else if (!URL.canParse(publicUrl) || new URL(publicUrl).protocol !== 'https:') {
    problems.set('PUBLIC_URL', 'PUBLIC_URL must be an https:// address (links in e-mails and the session cookie depend on it)');
  } else {
    const url = new URL(publicUrl);
    if (url.username || url.password || url.search || url.hash || /[?#@]/.test(publicUrl.slice(url.protocol.length + 2)) || !['', '/'].includes(url.pathname))
      problems.set('PUBLIC_URL', `PUBLIC_URL must be the bare address users open, like https://${url.host}, without a path, query, fragment or user name`);
  }
  for (const name of ['JWT_SECRET', 'ENCRYPTION_KEY'] as const) {
    const value = env[name];
    if (!value) {
      problems.set(name, `${name} is not set; ${generate}`);
      continue;
    }
    const weak = weakSecretReason(value);
    if (weak) problems.set(name, `${name} ${weak}; ${generate}`);
  }
  // Equal also when they differ only in letter case or surrounding spaces.
  const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
  if (env.JWT_SECRET && env.ENCRYPTION_KEY && same(env.JWT_SECRET, env.ENCRYPTION_KEY) && !problems.has('ENCRYPTION_KEY')) {
    problems.set('ENCRYPTION_KEY', `ENCRYPTION_KEY is the same as JWT_SECRET; JWT_SECRET and ENCRYPTION_KEY must differ: ${generate}`);
  }
  // Demo accounts (with a published password and no second factor) never reach production.
  if (env.SEED_DEMO === 'true' || env.SEED_DEMO === 'structure') problems.set('SEED_DEMO', `SEED_DEMO cannot be ${env.SEED_DEMO} in production; remove it`);
  if (env.ALLOW_DEMO_ON_NETWORK === 'true') problems.set('ALLOW_DEMO_ON_NETWORK', 'ALLOW_DEMO_ON_NETWORK cannot be true in production; remove it');
  return problems;
}

/** The configuration is invalid: one line per variable in `problems`, also the message's lines. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

/**
 * Reads and validates the environment.
 * @throws ConfigError with one line per missing or invalid variable, all of them at once: values
 *   that do not parse; in production (decision 083) `COOKIE_SECURE` not `true`, `PUBLIC_URL` not
 *   https, `JWT_SECRET` / `ENCRYPTION_KEY` missing, weak (`weakSecretReason`) or equal, and
 *   `SEED_DEMO` set to true or structure, `ALLOW_DEMO_ON_NETWORK` set to true; anywhere, equal keys, a working day that
 *   ends before it starts, a sender address that is not plain, a metrics listener off loopback
 *   without `METRICS_TOKEN`
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems = new Map<string, string>();
  // Start-up speaks English (the operator's log), also where the app set zod's Dutch locale.
  const parsed = EnvSchema.safeParse(env, { error: ENGLISH.localeError });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? '');
      if (!problems.has(name)) problems.set(name, `${name}: ${issue.message}`);
    }
  }
  const production = env.NODE_ENV === 'production';
  if (production) {
    for (const [name, line] of productionProblems(env)) if (!problems.has(name)) problems.set(name, line);
  } else if (env.JWT_SECRET && env.ENCRYPTION_KEY && env.JWT_SECRET === env.ENCRYPTION_KEY) {
    problems.set('ENCRYPTION_KEY', 'ENCRYPTION_KEY is the same as JWT_SECRET; JWT_SECRET and ENCRYPTION_KEY must differ');
  }
  if (parsed.success) {
    const e = parsed.data;
    if (e.WORKING_DAY_END <= e.WORKING_DAY_START) problems.set('WORKING_DAY_END', 'WORKING_DAY_END must be later than WORKING_DAY_START');
    if (e.METRICS_PORT !== undefined && !isLoopbackHost(e.METRICS_HOST) && !e.METRICS_TOKEN) {
      problems.set(
        'METRICS_TOKEN',
        `METRICS_TOKEN is required when METRICS_HOST (${e.METRICS_HOST}) is not a loopback address; generate one with: openssl rand -base64 48`,
      );
    }
    if (e.MAIL_FROM_ADDRESS !== undefined && !parseStrictAddress(e.MAIL_FROM_ADDRESS)) {
      problems.set('MAIL_FROM_ADDRESS', 'MAIL_FROM_ADDRESS must be a plain address like noreply@example.nl');
    }
  }
  if (problems.size > 0 || !parsed.success) throw new ConfigError([...problems.values()]);
  const e = parsed.data;
  const dataDir = resolve(repoRoot, e.DATA_DIR ?? '.data');
  const port = e.PORT;
  // Without a trailing slash: links are the address followed by their path.
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, '');
  const publicHost = new URL(publicUrl).hostname;
  // `localhost` has no dot, which the strict address parser refuses.
  const fromAddress = parseStrictAddress(e.MAIL_FROM_ADDRESS ?? `noreply@${publicHost.includes('.') ? publicHost : 'localhost.localdomain'}`);
  if (!fromAddress) throw new ConfigError([`MAIL_FROM_ADDRESS is not set and noreply@${publicHost} is no plain address; set MAIL_FROM_ADDRESS`]);
  const webDist = e.WEB_DIST ? resolve(e.WEB_DIST) : resolve(repoRoot, 'web/dist');
  return {
    nodeEnv: e.NODE_ENV,
    port,
    // Outside production only this machine reaches the server unless the operator says otherwise.
    host: e.HOST ?? (production ? '0.0.0.0' : '127.0.0.1'),
    allowDemoOnNetwork: e.ALLOW_DEMO_ON_NETWORK === 'true',
    databaseUrl: e.DATABASE_URL,
    dataDir,
    dataDirMinFreeBytes: e.DATA_DIR_MIN_FREE_MB * 1024 * 1024,
    requestTimeoutSeconds: e.REQUEST_TIMEOUT_SECONDS,
    jwtSecret: e.JWT_SECRET ?? localSecret(dataDir, 'jwtSecret'),
    jwtTtlSeconds: 15 * 60,
    sessionIdleSeconds: e.SESSION_IDLE_MINUTES * 60,
    sessionMaxSeconds: e.SESSION_MAX_HOURS * 3600,
    secureCookies: e.COOKIE_SECURE ? e.COOKIE_SECURE === 'true' : production,
    webDist: existsSync(join(webDist, 'index.html')) ? webDist : undefined,
    publicUrl,
    seedDemo: e.SEED_DEMO ? e.SEED_DEMO !== 'false' : !production && !e.DATABASE_URL,
    demoYear: e.SEED_DEMO ? e.SEED_DEMO === 'true' : !production && !e.DATABASE_URL,
    smtpUrl: e.SMTP_URL,
    smtpRequireTls: e.SMTP_REQUIRE_TLS ? e.SMTP_REQUIRE_TLS === 'true' : production,
    smtpTlsRejectUnauthorized: e.SMTP_TLS_REJECT_UNAUTHORIZED === 'true',
    mailFrom: { name: sanitizeDisplayName(e.MAIL_FROM_NAME), address: fromAddress.address },
    mailAllowedDomains: parseAllowedDomains(e.MAIL_ALLOWED_DOMAINS),
    mailWorker: e.MAIL_WORKER === 'true',
    logLevel: e.LOG_LEVEL,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    databasePrepare: e.DATABASE_PREPARE === 'true',
    encryptionKey: e.ENCRYPTION_KEY ?? localSecret(dataDir, 'encryptionKey'),
    requireSecondFactorForRequesters: e.REQUIRE_2FA_FOR_REQUESTERS === 'true',
    retentionCaseMonths: e.RETENTION_CASE_MONTHS,
    retentionLedgerYears: e.RETENTION_LEDGER_YEARS,
    retentionIntervalMinutes: e.RETENTION_INTERVAL_MINUTES,
    securityContact: e.SECURITY_CONTACT,
    poolContact: {
      name: e.POOL_CONTACT_NAME,
      // Like the sender, an address on the host users open until the operator names the pool's own.
      email: e.POOL_CONTACT_EMAIL ?? `duidingspool@${publicHost.includes('.') ? publicHost : 'localhost.localdomain'}`,
      phone: e.POOL_CONTACT_PHONE,
    },
    workingHours: { startMinute: e.WORKING_DAY_START, endMinute: e.WORKING_DAY_END },
    metrics: e.METRICS_PORT === undefined ? undefined : { port: e.METRICS_PORT, host: e.METRICS_HOST, token: e.METRICS_TOKEN },
  };
}

/** What the admin CLI needs: the database and the base of the link it prints. */
export interface AdminCliConfig {
  databaseUrl: string | undefined;
  /** Folder of the embedded database (`DATA_DIR`). */
  dataDir: string;
  publicUrl: string;
}

/**
 * Reads the admin CLI's configuration (`DATABASE_URL`, `DATA_DIR`, `PUBLIC_URL`, `PORT`). It needs
 * no signing or encryption key: it only writes a user and an invitation link.
 */
export function loadAdminCliConfig(env: NodeJS.ProcessEnv = process.env): AdminCliConfig {
  const e = EnvSchema.pick({ DATABASE_URL: true, DATA_DIR: true, PUBLIC_URL: true, PORT: true }).parse(env, { error: ENGLISH.localeError });
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir: resolve(repoRoot, e.DATA_DIR ?? '.data'),
    publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
  };
}

/** One address (`10.0.0.5`, `::1`) or CIDR range (`10.0.0.0/8`, `fd00::/8`). */
function isAddressOrRange(part: string): boolean {
  const slash = part.indexOf('/');
  const address = slash === -1 ? part : part.slice(0, slash);
  const family = isIP(address);
  if (family === 0) return false;
  if (slash === -1) return true;
  const bits = part.slice(slash + 1);
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

/** Whether `value` is a valid `TRUST_PROXY`: `true`, `false`, a hop count 1–9, or addresses/ranges. */
function isTrustProxySetting(value: string): boolean {
  if (value === 'true' || value === 'false' || /^[1-9]$/.test(value)) return true;
  const parts = value.split(',').map((p) => p.trim());
  return parts.length <= 64 && parts.every(isAddressOrRange);
}

/**
 * `TRUST_PROXY` (already validated) as Fastify's `trustProxy`: a boolean, a hop count, or the list
 * of trusted proxy addresses/ranges.
 */
export function parseTrustProxy(value: string): boolean | number | string[] {
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (/^[1-9]$/.test(value)) return Number(value);
  return value.split(',').map((p) => p.trim());
}

const DATABASE_URL_SHAPE = /^postgres(?:ql)?:\/\/(?:([^@/?#]*)@)?([^/?#]*)(.*)$/s;

/**
 * The `host:port` entries of a PostgreSQL URL, also the multi-host form postgres.js and libpq take
 * (`postgres://user@host1:5432,host2:5432/db?target_session_attrs=primary`, docs/operations.md
 * "Scale-out and failover"); `undefined` when it is not such a URL.
 */
export function databaseHosts(url: string): string[] | undefined {
  const m = DATABASE_URL_SHAPE.exec(url);
  if (!m) return undefined;
  const hosts = (m[2] ?? '').split(',');
  if (hosts.some((h) => h === '')) return undefined;
  // Each host with the rest of the URL must parse as a URL of its own.
  const user = m[1] === undefined ? '' : `${m[1]}@`;
  return hosts.every((h) => URL.canParse(`postgres://${user}${h}${m[3] ?? ''}`)) ? hosts : undefined;
}
