// The product side of `pnpm bench`: the app as `buildApp` assembles it for production (every
// plugin, validation, audit, OpenAPI), on its own process and database pool, with the session
// secret the benchmark shares with the bare server so one login cookie serves both.
//
// Env: BENCH_DB_URL, BENCH_JWT_SECRET, BENCH_ENCRYPTION_KEY. Prints `port <n>` on stdout when listening.
import { openDatabase } from '@duidingspool/db';
import { buildApp } from '../src/app.ts';
import type { AppConfig } from '../src/config.ts';
import { DEFAULT_WORKING_HOURS } from '../src/lib/working-time.ts';

const config: AppConfig = {
  // Outside production the demo accounts need no second factor (sessions.routes.ts); nothing else on the measured path differs.
  nodeEnv: 'test',
  port: 0,
  host: '127.0.0.1',
  allowDemoOnNetwork: false,
  databaseUrl: process.env.BENCH_DB_URL,
  dataDir: '/nonexistent',
  dataDirMinFreeBytes: 0,
  requestTimeoutSeconds: 60,
  jwtSecret: process.env.BENCH_JWT_SECRET ?? '',
  jwtTtlSeconds: 3600,
  sessionIdleSeconds: 3600,
  sessionMaxSeconds: 12 * 3600,
  secureCookies: false,
  webDist: undefined,
  publicUrl: 'http://localhost',
  seedDemo: false,
  smtpUrl: undefined,
  logLevel: 'silent',
  trustProxy: false,
  smtpRequireTls: false,
  smtpTlsRejectUnauthorized: true,
  mailFrom: { name: 'Duidingspool Oost-Nederland', address: 'noreply@duidingspool.example' },
  mailAllowedDomains: undefined,
  mailWorker: false,
  encryptionKey: process.env.BENCH_ENCRYPTION_KEY ?? '',
  requireSecondFactorForRequesters: false,
  retentionCaseMonths: 12,
  retentionLedgerYears: 7,
  retentionIntervalMinutes: 0,
  securityContact: 'mailto:security@duidingspool.example',
  workingHours: DEFAULT_WORKING_HOURS,
};

const handle = await openDatabase({ url: config.databaseUrl ?? '', maxConnections: 10 });
const app = await buildApp({ config, db: handle.db });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
console.log(`port ${typeof address === 'object' && address ? address.port : 0}`);
const stop = async () => {
  await app.close();
  await handle.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
