// The configuration every benchmark process builds its app with: a test-mode app (the demo
// accounts log in without a second factor; nothing else on the measured path differs), no mail,
// no retention job, silent logs. Each benchmark passes what is its own (database, secrets,
// request deadline).
import type { AppConfig } from '../src/config.ts';
import { DEFAULT_WORKING_HOURS } from '../src/lib/working-time.ts';

/**
 * A full `AppConfig` for a benchmark, with `own` laid over the shared defaults.
 *
 * @param own the benchmark's own settings, at least the session and encryption secrets
 */
export function benchConfig(own: Pick<AppConfig, 'jwtSecret' | 'encryptionKey'> & Partial<AppConfig>): AppConfig {
  return {
    nodeEnv: 'test',
    port: 0,
    host: '127.0.0.1',
    allowDemoOnNetwork: false,
    databaseUrl: undefined,
    dataDir: '/nonexistent',
    dataDirMinFreeBytes: 0,
    requestTimeoutSeconds: 60,
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
    databasePrepare: true,
    smtpRequireTls: false,
    smtpTlsRejectUnauthorized: true,
    mailFrom: { name: 'Duidingspool Oost-Nederland', address: 'noreply@duidingspool.example' },
    mailAllowedDomains: undefined,
    mailWorker: false,
    requireSecondFactorForRequesters: false,
    retentionCaseMonths: 12,
    retentionLedgerYears: 7,
    retentionIntervalMinutes: 0,
    securityContact: 'mailto:security@duidingspool.example',
    poolContact: { name: 'Duidingspool Oost-Nederland', email: 'duidingspool@duidingspool.example', phone: undefined },
    workingHours: DEFAULT_WORKING_HOURS,
    ...own,
  };
}
