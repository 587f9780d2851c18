// The login throttle (decision 042, ASVS 2.2.1): brute force is kept out without letting an
// outsider lock anyone out. Attempts are counted before argon2 runs, per (account, client) pair
// with growing delays, under account and IP ceilings that a known device does not hit; the
// password gate caps concurrent verifications.
import { randomBytes } from 'node:crypto';
import { DEMO_DOMAIN, DEMO_PASSWORD, openDatabase, schema } from '@duidingspool/db';
import { desc, eq, sql } from 'drizzle-orm';
import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import { MAX_CONCURRENT_PASSWORD_CHECKS, MAX_WAITING_PASSWORD_CHECKS, passwordGate } from '../src/lib/password-gate.ts';
import { decryptSecret } from '../src/lib/secrets.ts';
import { LOGIN_ACCOUNT_CEILING, LOGIN_IP_CEILING, LOGIN_PAIR_RULE } from '../src/modules/auth/password-attempts.ts';
import { takePairAttempt, takeWindowAttempt, throttleKey } from '../src/modules/auth/throttle.ts';
import { databaseUrl } from './database-urls.ts';
import { testConfig, useTestApp } from './harness.ts';

const t = useTestApp({ maxConnections: 20 });
const STRONG = 'Kompas lantaarn rivier 1987 vogelhuis';

interface Attempt {
  status: number;
  type: string | undefined;
  retryAfter: number | undefined;
  /** A 429's `retryAfterSeconds` member. */
  bodyRetryAfter: number | undefined;
  /** The `dp_device` cookie the answer set, if any. */
  device: string | undefined;
  cookies: string;
}

/** One login from `ip`, optionally presenting a device cookie. */
async function attempt(body: Record<string, unknown>, ip: string, device?: string): Promise<Attempt> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/sessions',
    remoteAddress: ip,
    payload: body,
    ...(device ? { headers: { cookie: `dp_device=${device}` } } : {}),
  });
  const retryAfter = res.headers['retry-after'];
  return {
    status: res.statusCode,
    type: res.statusCode >= 400 ? JSON.parse(res.body).type : undefined,
    bodyRetryAfter: res.statusCode === 429 ? JSON.parse(res.body).retryAfterSeconds : undefined,
    retryAfter: retryAfter === undefined ? undefined : Number(retryAfter),
    device: res.cookies.find((c) => c.name === 'dp_device')?.value,
    cookies: res.cookies.map((c) => `${c.name}=${c.value}`).join('; '),
  };
}

const wrong = (email: string, i = 0) => ({ email, password: `niet-het-wachtwoord-${i}` });
/** The delay the rule sets after attempt `n` of a pair, seconds. */
const delayAfter = (n: number) =>
  n < LOGIN_PAIR_RULE.free ? 0 : Math.min(LOGIN_PAIR_RULE.capSeconds, LOGIN_PAIR_RULE.baseSeconds * 2 ** (n - LOGIN_PAIR_RULE.free));
/** Lets the delay of every pair run out, as if the wait had passed. */
const waitOutDelays = () => t.handle.db.update(schema.authThrottles).set({ nextAllowedAt: sql`now()` as never });

/** A specialist with a password and TOTP on; answers the secret and the recovery codes. */
async function specialistWithSecondFactor() {
  const admin = await t.as('admin');
  const email = `specialist-${randomBytes(4).toString('hex')}@${DEMO_DOMAIN}`;
  const invited = await admin('POST', '/api/v1/users', { email, displayName: 'Specialist Drempel', roles: ['specialist'] });
  expect(invited.status).toBe(201);
  const [mail] = await t.handle.db
    .select()
    .from(schema.notifications)
    .where(eq(schema.notifications.recipientEmail, email))
    .orderBy(desc(schema.notifications.createdAt))
    .limit(1);
  const token = decryptSecret(mail?.linkTokenEncrypted ?? '', testConfig.encryptionKey, 'outbox-link');
  expect((await t.anonymous('POST', '/api/v1/password-changes', { token, newPassword: STRONG })).status).toBe(204);
  const first = await attempt({ email, password: STRONG }, '198.51.100.200');
  expect(first.status).toBe(200);
  // An enrolment-only session does not make a known device.
  expect(first.device).toBeUndefined();
  const call = (url: string, payload?: unknown) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: first.cookies, ...(payload ? { 'content-type': 'application/json' } : {}) },
      ...(payload ? { payload: JSON.stringify(payload) } : {}),
    });
  const started = JSON.parse((await call('/api/v1/me/totp-enrolments')).body);
  const confirmed = await call('/api/v1/me/totp-confirmations', { code: await generate({ secret: started.secret }) });
  expect(confirmed.statusCode).toBe(201);
  return { email, secret: started.secret as string, recoveryCodes: JSON.parse(confirmed.body).recoveryCodes as string[] };
}

describe('counting before verifying', () => {
  it('50 concurrent wrong logins from one client run argon2 at most the pair’s free attempts; the rest answer 429 with Retry-After', async () => {
    const email = `specialist1@${DEMO_DOMAIN}`;
    const before = passwordGate.stats().started;
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => attempt(wrong(email, i), '203.0.113.50')));
    const verified = passwordGate.stats().started - before;
    expect(verified).toBeGreaterThan(0);
    expect(verified).toBeLessThanOrEqual(LOGIN_PAIR_RULE.free);
    expect(results.filter((r) => r.status === 401)).toHaveLength(verified);
    const limited = results.filter((r) => r.status === 429);
    expect(limited).toHaveLength(50 - verified);
    for (const r of limited) {
      expect(r.type).toBe('rate-limited');
      expect(r.retryAfter).toBeGreaterThanOrEqual(1);
      // The body carries the same wait, so the page can say it in the reader's language.
      expect(r.bodyRetryAfter).toBe(r.retryAfter);
    }
    // The concurrent verifications never exceeded the gate.
    expect(passwordGate.stats().peak).toBeLessThanOrEqual(MAX_CONCURRENT_PASSWORD_CHECKS);
  });

  it('the counters are atomic across two server instances (two connection pools on one database)', async () => {
    const other = await openDatabase({ url: databaseUrl(t.databaseName), maxConnections: 10 });
    try {
      const dbs = [t.handle.db, other.db];
      const pairKey = throttleKey('test-pair', randomBytes(4).toString('hex'));
      const pairs = await Promise.all(Array.from({ length: 40 }, (_, i) => takePairAttempt(dbs[i % 2] as never, pairKey, LOGIN_PAIR_RULE)));
      expect(pairs.filter((r) => r === null)).toHaveLength(LOGIN_PAIR_RULE.free);
      const windowKey = throttleKey('test-window', randomBytes(4).toString('hex'));
      const windows = await Promise.all(Array.from({ length: 40 }, (_, i) => takeWindowAttempt(dbs[i % 2] as never, windowKey, 7, 3600)));
      expect(windows.filter((r) => r === null)).toHaveLength(7);
    } finally {
      await other.close();
    }
  });
});

describe('growing delays per (account, client) pair', () => {
  it('the delay doubles from 1 second after the free attempts, up to 15 minutes; the right password clears it', async () => {
    const email = `specialist2@${DEMO_DOMAIN}`;
    const ip = '203.0.113.60';
    for (let n = 1; n <= LOGIN_PAIR_RULE.free; n++) expect((await attempt(wrong(email, n), ip)).status).toBe(401);
    const seen: number[] = [];
    const expected: number[] = [];
    for (let n = LOGIN_PAIR_RULE.free; n < LOGIN_PAIR_RULE.free + 12; n++) {
      const refused = await attempt(wrong(email, n), ip);
      expect([refused.status, refused.type]).toEqual([429, 'rate-limited']);
      seen.push(refused.retryAfter ?? 0);
      expected.push(delayAfter(n));
      await waitOutDelays();
      expect((await attempt(wrong(email, n), ip)).status).toBe(401);
    }
    expect(seen).toEqual(expected);
    expect(seen.slice(0, 5)).toEqual([1, 2, 4, 8, 16]);
    expect(Math.max(...seen)).toBe(15 * 60);
    // Waited out, the right password gets in and the pair starts over.
    await waitOutDelays();
    expect((await attempt({ email, password: DEMO_PASSWORD }, ip)).status).toBe(200);
    for (let n = 1; n < LOGIN_PAIR_RULE.free; n++) expect((await attempt(wrong(email, n), ip)).status).toBe(401);
  });

  it('a wrong current password on a password change counts on the same pair', async () => {
    const email = `finance@${DEMO_DOMAIN}`;
    const ip = '203.0.113.61';
    const ok = await attempt({ email, password: DEMO_PASSWORD }, ip);
    const change = (currentPassword: string) =>
      t.app.inject({
        method: 'PUT',
        url: '/api/v1/me/password',
        remoteAddress: ip,
        headers: { cookie: ok.cookies },
        payload: { currentPassword, newPassword: STRONG },
      });
    for (let n = 1; n <= LOGIN_PAIR_RULE.free; n++) expect((await change(`fout-${n}`)).statusCode).toBe(400);
    const refused = await change('fout-meer');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('1');
    // And a login from that client has to wait too.
    expect((await attempt({ email, password: DEMO_PASSWORD }, ip)).status).toBe(429);
  });
});

describe('nobody locks a coordinator out', () => {
  it('wrong attempts from client X neither stop another client nor, past the account ceiling, a known device with the right password and code', async () => {
    const user = await specialistWithSecondFactor();
    const [codeForDevice, codeAfterCeiling] = user.recoveryCodes;
    // The user's own browser logs in completely once: it becomes a known device.
    const home = await attempt({ email: user.email, password: STRONG, recoveryCode: codeForDevice }, '198.51.100.10');
    expect(home.status).toBe(200);
    expect(home.device).toBeTruthy();

    // The attacker at X is slowed down …
    const attacker = '203.0.113.70';
    for (let n = 1; n <= LOGIN_PAIR_RULE.free; n++) expect((await attempt(wrong(user.email, n), attacker)).status).toBe(401);
    expect((await attempt(wrong(user.email, 99), attacker)).status).toBe(429);
    // … while the user on another client gets in with the right password and code.
    const elsewhere = await attempt(
      { email: user.email, password: STRONG, totp: await generate({ secret: user.secret, epoch: Math.floor(Date.now() / 1000) + 30 }) },
      '198.51.100.11',
    );
    expect(elsewhere.status).toBe(200);

    // The attacker spreads over many addresses until the account's ceiling is reached.
    let spent = LOGIN_PAIR_RULE.free;
    for (let host = 1; spent < LOGIN_ACCOUNT_CEILING; host++) {
      const batch = Math.min(LOGIN_PAIR_RULE.free, LOGIN_ACCOUNT_CEILING - spent);
      const results = await Promise.all(Array.from({ length: batch }, (_, i) => attempt(wrong(user.email, i), `192.0.2.${host}`)));
      expect(results.map((r) => r.status)).toEqual(Array(batch).fill(401));
      spent += batch;
    }
    // The ceiling holds for every client that is not a known device, right password or not.
    const newClient = await attempt({ email: user.email, password: STRONG }, '198.51.100.12');
    expect(newClient.status).toBe(429);
    expect(newClient.retryAfter).toBeGreaterThan(60);
    expect(newClient.retryAfter).toBeLessThanOrEqual(3600);
    // The known device gets in, even from the attacker's own address.
    const known = await attempt({ email: user.email, password: STRONG, recoveryCode: codeAfterCeiling }, attacker, home.device);
    expect(known.status).toBe(200);
    // A device cookie of another user, or a forged one, is no known device here.
    const forged = `${home.device?.slice(0, -3)}abc`;
    expect((await attempt({ email: user.email, password: STRONG }, '198.51.100.13', forged)).status).toBe(429);
  }, 240_000);

  it('a client sending wrong passwords to many accounts meets the IP ceiling', async () => {
    const ip = '203.0.113.80';
    let spent = 0;
    for (let account = 0; spent < LOGIN_IP_CEILING; account++) {
      const batch = Math.min(LOGIN_PAIR_RULE.free, LOGIN_IP_CEILING - spent);
      const email = `spray-${account}@${DEMO_DOMAIN}`;
      const results = await Promise.all(Array.from({ length: batch }, (_, i) => attempt(wrong(email, i), ip)));
      expect(results.map((r) => r.status)).toEqual(Array(batch).fill(401));
      spent += batch;
    }
    expect((await attempt(wrong('spray-next@duidingspool.example'), ip)).status).toBe(429);
    // Another address is not held by it.
    expect((await attempt(wrong('spray-next@duidingspool.example'), '203.0.113.81')).status).toBe(401);
  }, 240_000);
});

describe('the password gate', () => {
  it('over the cap a login answers 503 with Retry-After at once instead of queueing', async () => {
    const releases: (() => void)[] = [];
    const held = Array.from({ length: MAX_CONCURRENT_PASSWORD_CHECKS + MAX_WAITING_PASSWORD_CHECKS }, () =>
      passwordGate.run(() => new Promise<void>((r) => releases.push(r))),
    );
    try {
      const started = Date.now();
      const busy = await attempt({ email: `coordinator@${DEMO_DOMAIN}`, password: DEMO_PASSWORD }, '203.0.113.90');
      expect(Date.now() - started).toBeLessThan(1_000);
      expect(busy.status).toBe(503);
      expect(busy.type).toBe('service-unavailable');
      expect(busy.retryAfter).toBeGreaterThanOrEqual(1);
    } finally {
      // Queued holders start as places free up; release until all have run.
      while (releases.length > 0 || passwordGate.stats().active > 0) {
        for (const release of releases.splice(0)) release();
        await new Promise((r) => setTimeout(r, 5));
      }
      await Promise.all(held);
    }
    // The refused attempt was given back: the same client logs in at once.
    expect((await attempt({ email: `coordinator@${DEMO_DOMAIN}`, password: DEMO_PASSWORD }, '203.0.113.90')).status).toBe(200);
  });
});
