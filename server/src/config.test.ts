import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

const secret = (c: string) => c.repeat(40);

describe('configuration in production (DESIGN.md §6)', () => {
  const base = { NODE_ENV: 'production', DATABASE_URL: 'postgres://u@localhost/db', JWT_SECRET: secret('j'), ENCRYPTION_KEY: secret('e') };
  it('starts with its signing and encryption keys', () => {
    const config = loadConfig(base);
    expect(config).toMatchObject({ secureCookies: true, seedDemo: false, retentionCaseMonths: 12, retentionLedgerYears: 7 });
  });
  it('refuses to start without a signing key, without an encryption key, or with one key for both', () => {
    expect(() => loadConfig({ ...base, JWT_SECRET: undefined })).toThrow(/JWT_SECRET/);
    expect(() => loadConfig({ ...base, ENCRYPTION_KEY: undefined })).toThrow(/ENCRYPTION_KEY/);
    expect(() => loadConfig({ ...base, ENCRYPTION_KEY: base.JWT_SECRET })).toThrow(/differ/);
  });
  it('never seeds demo accounts in production', () => {
    expect(() => loadConfig({ ...base, SEED_DEMO: 'true' })).toThrow(/SEED_DEMO/);
  });
  it('keeps the ledger at least 7 years', () => {
    expect(() => loadConfig({ ...base, RETENTION_LEDGER_YEARS: '5' })).toThrow();
  });
});
