import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bitsPerCharacter, ConfigError, loadConfig, repeatedBlock, weakSecretReason } from './config.ts';

const secret = (c: string) => c.repeat(40);
/** Fixed strong keys (random base64url, 48 bytes): production accepts them. */
const JWT = 'q3VtG0h8o1rX9fKc2wLzP7sYbN4mEa6iJdUuR5xTnHkQvC-_yWlZgOjSpBeDfA0M';
const ENC = 'Z8kP2nW5vX1cR7bY4tL0hQ9mJ3sF6gD-aE_uVoIiKzNxCyBpTrMeHwGlOdSqUj1f';
const PROD = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://u@localhost/db',
  JWT_SECRET: JWT,
  ENCRYPTION_KEY: ENC,
  COOKIE_SECURE: 'true',
  PUBLIC_URL: 'https://dp.gemeente.example',
};

/** The lines of the ConfigError `loadConfig(env)` throws. */
function problems(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('loadConfig accepted the configuration');
}

describe('production checks at start (decision 083)', () => {
  it('starts with explicit TLS settings, an https PUBLIC_URL and two distinct strong keys', () => {
    expect(loadConfig(PROD)).toMatchObject({ secureCookies: true, publicUrl: 'https://dp.gemeente.example', seedDemo: false });
  });
  it('names every missing setting in one line each, not only the first', () => {
    const lines = problems({ NODE_ENV: 'production', DATABASE_URL: 'postgres://u@localhost/db' });
    expect(lines).toHaveLength(4);
    expect(lines.map((l) => l.split(' ')[0])).toEqual(['COOKIE_SECURE', 'PUBLIC_URL', 'JWT_SECRET', 'ENCRYPTION_KEY']);
    for (const line of lines) expect(line).not.toContain('\n');
  });
  it('refuses COOKIE_SECURE=false and an http PUBLIC_URL', () => {
    expect(problems({ ...PROD, COOKIE_SECURE: 'false' })).toEqual([expect.stringMatching(/^COOKIE_SECURE .*COOKIE_SECURE=true/)]);
    expect(problems({ ...PROD, PUBLIC_URL: 'http://dp.gemeente.example' })).toEqual([expect.stringMatching(/^PUBLIC_URL must be an https:\/\//)]);
  });
  it('refuses weak keys: short, repeated, a placeholder, or the same key twice', () => {
    expect(problems({ ...PROD, JWT_SECRET: 'k'.repeat(20) })).toEqual([expect.stringMatching(/^JWT_SECRET: must be at least 32/)]);
    expect(problems({ ...PROD, JWT_SECRET: 'ab'.repeat(30) })).toEqual([expect.stringMatching(/^JWT_SECRET is too predictable \(1\.0 bits/)]);
    expect(problems({ ...PROD, ENCRYPTION_KEY: `changeme-${ENC}` })).toEqual([
      expect.stringMatching(/^ENCRYPTION_KEY contains the placeholder word "changeme"/),
    ]);
    expect(problems({ ...PROD, ENCRYPTION_KEY: JWT })).toEqual([expect.stringMatching(/^ENCRYPTION_KEY is the same as JWT_SECRET/)]);
  });
  it('reports bad settings together with settings that do not parse', () => {
    const lines = problems({ ...PROD, COOKIE_SECURE: 'yes', PORT: 'eighty', JWT_SECRET: secret('j'), SEED_DEMO: 'true' });
    expect(lines.map((l) => l.split(/[ :]/)[0]).sort()).toEqual(['COOKIE_SECURE', 'JWT_SECRET', 'PORT', 'SEED_DEMO']);
  });
  it('measures predictability as the entropy of the character frequencies', () => {
    expect(bitsPerCharacter('x'.repeat(40))).toBe(0);
    expect(bitsPerCharacter('abcd'.repeat(10))).toBe(2);
    // 64 distinct characters once each: log2(64) = 6 bits.
    expect(bitsPerCharacter('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_')).toBe(6);
    expect(weakSecretReason(JWT)).toBeUndefined();
    // Four bits per character, but one block of 16 twice: as guessable as the block.
    expect(weakSecretReason('0123456789abcdef'.repeat(2))).toBe('repeats the same 16 characters over and over');
    expect(weakSecretReason('Kx9#vT2!qLm'.repeat(3))).toBe('repeats the same 11 characters over and over');
    expect(repeatedBlock('abcabcabd')).toBeUndefined();
  });

  it('says what is wrong in English, also where the app set zod to Dutch', () => {
    z.config(z.locales.nl());
    try {
      const lines = problems({ ...PROD, PORT: 'tachtig', COOKIE_SECURE: '1' });
      expect(lines).toContainEqual(expect.stringMatching(/^PORT: Invalid input/));
      expect(lines.join('\n')).not.toMatch(/Ongeldig/);
    } finally {
      z.config(z.locales.en());
    }
  });

  it('takes JWT_SECRET and ENCRYPTION_KEY that differ only in letter case or spaces as the same', () => {
    expect(problems({ ...PROD, ENCRYPTION_KEY: JWT.toUpperCase() })).toEqual([expect.stringMatching(/^ENCRYPTION_KEY is the same as JWT_SECRET/)]);
    expect(problems({ ...PROD, ENCRYPTION_KEY: `${JWT} ` })).toEqual([expect.stringMatching(/^ENCRYPTION_KEY is the same as JWT_SECRET/)]);
  });

  it('wants PUBLIC_URL as the bare https address: no path, query, fragment or user name', () => {
    for (const bad of [
      'https://evil.example/@x.nl?q=1#f',
      'https://dp.gemeente.example/pad',
      'https://dp.gemeente.example?x=1',
      'https://u:p@dp.gemeente.example',
    ])
      expect(problems({ ...PROD, PUBLIC_URL: bad }), bad).toEqual([expect.stringMatching(/^PUBLIC_URL must be the bare address/)]);
    expect(loadConfig({ ...PROD, PUBLIC_URL: 'https://dp.gemeente.example/' }).publicUrl).toBe('https://dp.gemeente.example');
  });
});

describe('metrics listener (decision 084)', () => {
  it('is off unless METRICS_PORT is set, and on loopback by default', () => {
    expect(loadConfig(PROD).metrics).toBeUndefined();
    expect(loadConfig({ ...PROD, METRICS_PORT: '9464' }).metrics).toEqual({ port: 9464, host: '127.0.0.1', token: undefined });
  });
  it('needs METRICS_TOKEN off loopback', () => {
    expect(problems({ ...PROD, METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0' })).toEqual([expect.stringMatching(/^METRICS_TOKEN is required/)]);
    expect(loadConfig({ ...PROD, METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0', METRICS_TOKEN: ENC }).metrics?.token).toBe(ENC);
  });
});

describe('configuration in production (docs/design.md §6)', () => {
  const base = PROD;
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
    expect(() => loadConfig({ ...base, SEED_DEMO: 'structure' })).toThrow(/SEED_DEMO/);
  });
  it('keeps the ledger at least 7 years', () => {
    expect(() => loadConfig({ ...base, RETENTION_LEDGER_YEARS: '5' })).toThrow();
  });
});

describe('listening address (decision 045)', () => {
  const production = PROD;
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
  const base = PROD;
  it('is 08:30–17:00 Europe/Amsterdam unless configured', () => {
    expect(loadConfig(base).workingHours).toEqual({ startMinute: 8 * 60 + 30, endMinute: 17 * 60 });
    expect(loadConfig({ ...base, WORKING_DAY_START: '09:00', WORKING_DAY_END: '17:30' }).workingHours).toEqual({ startMinute: 540, endMinute: 1050 });
  });
  it('refuses a time that is no HH:MM, lies in the night (summer-time change) or ends before it starts', () => {
    for (const bad of ['9:00', '25:00', '03:30', '23:00', 'acht']) expect(() => loadConfig({ ...base, WORKING_DAY_START: bad })).toThrow(/WORKING_DAY_START/);
    expect(() => loadConfig({ ...base, WORKING_DAY_START: '17:00', WORKING_DAY_END: '08:30' })).toThrow(/WORKING_DAY_END/);
  });
});

describe('TRUST_PROXY (behind the TLS proxy, docs/operations.md)', () => {
  it('is off by default, and takes true, a hop count or proxy addresses and ranges', () => {
    expect(loadConfig(PROD).trustProxy).toBe(false);
    expect(loadConfig({ ...PROD, TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ ...PROD, TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ ...PROD, TRUST_PROXY: '10.0.0.5, 10.1.0.0/16,fd00::/8' }).trustProxy).toEqual(['10.0.0.5', '10.1.0.0/16', 'fd00::/8']);
  });

  it('refuses anything else, naming the setting', () => {
    for (const bad of ['yes', '0', '12', '10.0.0.0/33', 'proxy.intern', '10.0.0.1,']) {
      expect(problems({ ...PROD, TRUST_PROXY: bad }).join('\n')).toMatch(/TRUST_PROXY/);
    }
  });
});

describe('DATABASE_URL', () => {
  it('takes one host or several (failover, target_session_attrs) and refuses what is not a PostgreSQL URL', () => {
    const multi = 'postgres://app:pw@db1.intern:5432,db2.intern:5433/duidingspool?target_session_attrs=primary';
    expect(loadConfig({ ...PROD, DATABASE_URL: multi }).databaseUrl).toBe(multi);
    for (const bad of ['mysql://u@h/db', 'postgres://u@h1,,h2/db', 'postgres://u@h1:99999/db', 'db.intern:5432']) {
      expect(problems({ ...PROD, DATABASE_URL: bad }).join('\n')).toMatch(/DATABASE_URL/);
    }
  });
});

describe('SEED_DEMO (decision 087)', () => {
  const dev = { NODE_ENV: 'development', DATA_DIR: '/tmp/dp-config-test-unused', JWT_SECRET: JWT, ENCRYPTION_KEY: ENC };
  it('seeds the structure, accounts and demo year on the embedded default, nothing on a database URL', () => {
    expect(loadConfig(dev)).toMatchObject({ seedDemo: true, demoYear: true });
    expect(loadConfig({ ...dev, DATABASE_URL: 'postgres://u@localhost/db' })).toMatchObject({ seedDemo: false, demoYear: false });
  });
  it('true seeds the demo year, structure only the structure and accounts, false nothing', () => {
    const url = { ...dev, DATABASE_URL: 'postgres://u@localhost/db' };
    expect(loadConfig({ ...url, SEED_DEMO: 'true' })).toMatchObject({ seedDemo: true, demoYear: true });
    expect(loadConfig({ ...url, SEED_DEMO: 'structure' })).toMatchObject({ seedDemo: true, demoYear: false });
    expect(loadConfig({ ...dev, SEED_DEMO: 'false' })).toMatchObject({ seedDemo: false, demoYear: false });
  });
});
