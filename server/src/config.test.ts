import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

const secret = (c: string) => c.repeat(40);

describe('configuration in production (docs/design.md §6)', () => {
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

describe('listening address (decision 045)', () => {
  const production = { NODE_ENV: 'production', DATABASE_URL: 'postgres://u@localhost/db', JWT_SECRET: secret('j'), ENCRYPTION_KEY: secret('e') };
  const local = { DATA_DIR: '/tmp/dp-config-test', JWT_SECRET: secret('j'), ENCRYPTION_KEY: secret('e') };
  it('listens on this machine only (127.0.0.1) by default outside production', () => {
    expect(loadConfig({ ...local }).host).toBe('127.0.0.1');
    expect(loadConfig({ ...local, NODE_ENV: 'development' }).host).toBe('127.0.0.1');
    expect(loadConfig({ ...local, NODE_ENV: 'test' }).host).toBe('127.0.0.1');
  });
  it('listens on every interface (0.0.0.0) by default in production, where demo accounts refuse the start', () => {
    expect(loadConfig(production).host).toBe('0.0.0.0');
  });
  it('takes HOST as given, e.g. 0.0.0.0 in a container', () => {
    expect(loadConfig({ ...local, HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig({ ...production, HOST: '127.0.0.1' }).host).toBe('127.0.0.1');
    expect(() => loadConfig({ ...local, HOST: '' })).toThrow(/HOST/);
  });
  it('exposes demo accounts on the network only when ALLOW_DEMO_ON_NETWORK=true, and never in production', () => {
    expect(loadConfig(local).allowDemoOnNetwork).toBe(false);
    expect(loadConfig({ ...local, ALLOW_DEMO_ON_NETWORK: 'true' }).allowDemoOnNetwork).toBe(true);
    expect(() => loadConfig({ ...local, ALLOW_DEMO_ON_NETWORK: 'yes' })).toThrow(/ALLOW_DEMO_ON_NETWORK/);
    expect(() => loadConfig({ ...production, ALLOW_DEMO_ON_NETWORK: 'true' })).toThrow(/ALLOW_DEMO_ON_NETWORK/);
  });
});

describe('working day (WORKING_DAY_START, WORKING_DAY_END)', () => {
  const base = { NODE_ENV: 'production', DATABASE_URL: 'postgres://u@localhost/db', JWT_SECRET: secret('j'), ENCRYPTION_KEY: secret('e') };
  it('is 08:30–17:00 Europe/Amsterdam unless configured', () => {
    expect(loadConfig(base).workingHours).toEqual({ startMinute: 8 * 60 + 30, endMinute: 17 * 60 });
    expect(loadConfig({ ...base, WORKING_DAY_START: '09:00', WORKING_DAY_END: '17:30' }).workingHours).toEqual({ startMinute: 540, endMinute: 1050 });
  });
  it('refuses a time that is no HH:MM, lies in the night (summer-time change) or ends before it starts', () => {
    for (const bad of ['9:00', '25:00', '03:30', '23:00', 'acht']) expect(() => loadConfig({ ...base, WORKING_DAY_START: bad })).toThrow(/WORKING_DAY_START/);
    expect(() => loadConfig({ ...base, WORKING_DAY_START: '17:00', WORKING_DAY_END: '08:30' })).toThrow(/WORKING_DAY_END/);
  });
});
