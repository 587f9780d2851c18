// Accounts and sessions (docs/design.md §6, ASVS V2/V3): invitation and reset links, password policy,
// the TOTP second factor with recovery codes, refresh-token rotation, and revocation at once on
// logout, deactivation, role or membership change and password change.
import { randomBytes } from 'node:crypto';
import { DEMO_DOMAIN, DEMO_PASSWORD, schema } from '@duidingspool/db';
import { and, desc, eq, sql } from 'drizzle-orm';
import { generate } from 'otplib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { decryptSecret, encryptSecret } from '../src/lib/secrets.ts';
import { createUserFromCli } from '../src/modules/users/users.service.ts';
import { expectProblem, firstCaseTable } from './fixtures.ts';
import { type Caller, type CallResult, testConfig, useTestApp } from './harness.ts';

const t = useTestApp();
let admin: Caller;

const STRONG = 'Kompas lantaarn rivier 1987 vogelhuis';
const email = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}@${DEMO_DOMAIN}`;

/** The token of the newest link mailed to `to` (from the outbox), and the mail itself. */
async function linkMailedTo(to: string) {
  const [mail] = await t.handle.db
    .select()
    .from(schema.notifications)
    .where(eq(schema.notifications.recipientEmail, to))
    .orderBy(desc(schema.notifications.createdAt))
    .limit(1);
  if (!mail) throw new Error(`no mail to ${to}`);
  // The outbox keeps the token only sealed under ENCRYPTION_KEY until the mail is sent (decision 041).
  if (!mail.linkTokenEncrypted) throw new Error('no sealed token in mail');
  const token = decryptSecret(mail.linkTokenEncrypted, testConfig.encryptionKey, 'outbox-link');
  return { mail, token };
}

/** Logs in with a raw body; answers the result and a caller carrying the cookies it set. */
async function login(body: Record<string, unknown>): Promise<{ res: CallResult; caller: Caller; refresh: string | undefined }> {
  const response = await t.app.inject({ method: 'POST', url: '/api/v1/sessions', payload: body });
  const session = response.cookies.find((c) => c.name === 'dp_session')?.value;
  const refresh = response.cookies.find((c) => c.name === 'dp_refresh')?.value;
  const cookie = session ? `dp_session=${session}` : '';
  const caller = (async (method, url, payload, headers = {}) => {
    const r = await t.app.inject({
      method,
      url,
      headers: { ...(cookie ? { cookie } : {}), ...(payload !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(payload !== undefined ? { payload: JSON.stringify(payload) } : {}),
    });
    return { status: r.statusCode, headers: r.headers, body: r.body ? JSON.parse(r.body) : undefined };
  }) as Caller;
  caller.cookie = cookie;
  return { res: { status: response.statusCode, headers: response.headers, body: JSON.parse(response.body) }, caller, refresh };
}

/** Invites a user with `roles` and sets their password through the mailed link. */
async function activeUser(roles: string[], extra: Record<string, unknown> = {}) {
  const address = email(roles.join('-'));
  // A requester is a member of at least one casustafel.
  if (roles.includes('requester') && extra.caseTableIds === undefined)
    extra = { ...extra, caseTableIds: [(await firstCaseTable(await t.as('requester.arnhem'))).id] };
  const invited = await admin('POST', '/api/v1/users', { email: address, displayName: `Collega ${roles.join(' ')}`, roles, ...extra });
  expect(invited.status, JSON.stringify(invited.body)).toBe(201);
  const { token } = await linkMailedTo(address);
  expect((await t.anonymous('POST', '/api/v1/password-changes', { token, newPassword: STRONG })).status).toBe(204);
  return { id: invited.body.id as string, email: address };
}

/** The current TOTP code of a secret, at an offset in 30-second steps. */
const code = (secret: string, steps = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });

/** Enrols TOTP for a freshly logged-in user; answers the secret and the recovery codes. */
async function enrol(caller: Caller) {
  const started = await caller('POST', '/api/v1/me/totp-enrolments');
  expect(started.status).toBe(201);
  expect(started.body.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
  expect(started.body.otpauthUri).toMatch(/^otpauth:\/\/totp\/.+secret=/);
  const confirmed = await caller('POST', '/api/v1/me/totp-confirmations', { code: await code(started.body.secret) });
  expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(201);
  return { secret: started.body.secret as string, recoveryCodes: confirmed.body.recoveryCodes as string[] };
}

beforeAll(async () => {
  admin = await t.as('admin');
});

describe('invitations and passwords', () => {
  it('an invitation mails a single-use link (no case content) that sets the first password', async () => {
    const address = email('uitnodiging');
    const invited = await admin('POST', '/api/v1/users', { email: address, displayName: 'Nieuwe coördinator', roles: ['coordinator'] });
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({ email: address, roles: ['coordinator'], hasPassword: false, isActive: true, twoFactorEnabled: false });
    const { mail, token } = await linkMailedTo(address);
    expect(mail.event).toBe('invitation');
    expect(mail.linkPath).toBe('/set-password');
    // Only the hash of the token is stored.
    const [stored] = await t.handle.db.select().from(schema.accountTokens).where(eq(schema.accountTokens.userId, invited.body.id));
    expect(stored?.tokenHash).not.toContain(token);
    expect(stored?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    // Before the password is set, nobody logs in.
    expectProblem((await login({ email: address, password: STRONG })).res, 401, 'unauthenticated');
    expect((await t.anonymous('POST', '/api/v1/password-changes', { token, newPassword: STRONG })).status).toBe(204);
    // Single use.
    expectProblem(await t.anonymous('POST', '/api/v1/password-changes', { token, newPassword: `${STRONG} twee` }), 400, 'invalid-token');
    expect((await admin('GET', `/api/v1/users/${invited.body.id}`)).body.hasPassword).toBe(true);
  });

  it('an expired link is refused', async () => {
    const address = email('verlopen');
    const invited = await admin('POST', '/api/v1/users', { email: address, displayName: 'Verlopen', roles: ['finance'] });
    const { token } = await linkMailedTo(address);
    await t.handle.db
      .update(schema.accountTokens)
      .set({ expiresAt: sql`now() - interval '1 minute'` as never })
      .where(eq(schema.accountTokens.userId, invited.body.id));
    expectProblem(await t.anonymous('POST', '/api/v1/password-changes', { token, newPassword: STRONG }), 400, 'invalid-token');
  });

  it('refuses short, common and breached passwords, and one made of the e-mail address, without using up the link', async () => {
    const address = email('zwak');
    await admin('POST', '/api/v1/users', { email: address, displayName: 'Zwak Wachtwoord', roles: ['finance'] });
    const { token } = await linkMailedTo(address);
    const short = await t.anonymous('POST', '/api/v1/password-changes', { token, newPassword: 'kort-1' });
    expectProblem(short, 400, 'validation-failed');
    for (const weak of ['password1234', 'qwertyuiop123', '123456789012', 'iloveyou12345', address]) {
      const res = await t.anonymous('POST', '/api/v1/password-changes', { token, newPassword: weak });
      expectProblem(res, 400, 'weak-password');
      expect(res.body.errors[0].pointer).toBe('/newPassword');
    }
    expect((await t.anonymous('POST', '/api/v1/password-changes', { token, newPassword: STRONG })).status).toBe(204);
  });

  it('a password reset answers alike for known and unknown addresses and mails only the known one', async () => {
    const user = await activeUser(['finance']);
    const unknown = email('onbekend');
    const a = await t.anonymous('POST', '/api/v1/password-resets', { email: user.email });
    const b = await t.anonymous('POST', '/api/v1/password-resets', { email: unknown });
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(a.body).toEqual(b.body);
    const mails = await t.handle.db.select().from(schema.notifications).where(eq(schema.notifications.recipientEmail, unknown));
    expect(mails).toEqual([]);
    const { mail, token } = await linkMailedTo(user.email);
    expect(mail.event).toBe('password-reset');
    const newPassword = 'Een geheel nieuwe wachtzin voor de pool';
    expect((await t.anonymous('POST', '/api/v1/password-changes', { token, newPassword })).status).toBe(204);
    expectProblem((await login({ email: user.email, password: STRONG })).res, 401, 'unauthenticated');
    // The user is a finance user: a second factor is needed, so the login opens an enrolment-only session.
    expect((await login({ email: user.email, password: newPassword })).res.status).toBe(200);
    expectProblem(await t.anonymous('POST', '/api/v1/password-changes', { token, newPassword: STRONG }), 400, 'invalid-token');
  });

  it('rate-limits password-reset requests per address with 429', async () => {
    const address = email('herhaald');
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await t.anonymous('POST', '/api/v1/password-resets', { email: address })).status);
    expect(statuses).toEqual([202, 202, 202, 429, 429]);
  });

  it('counts reset requests before writing, so parallel requests cannot slip past the limit', async () => {
    const user = await activeUser(['requester']);
    const results = await Promise.all(Array.from({ length: 10 }, () => t.anonymous('POST', '/api/v1/password-resets', { email: user.email })));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([202, 202, 202, 429, 429, 429, 429, 429, 429, 429]);
    for (const r of results.filter((x) => x.status === 429)) expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
    const n = schema.notifications;
    const mails = await t.handle.db
      .select()
      .from(n)
      .where(and(eq(n.recipientUserId, user.id), eq(n.event, 'password-reset')));
    expect(mails).toHaveLength(3);
    // Each new link voided the one before: one works.
    const live = await t.handle.db
      .select()
      .from(schema.accountTokens)
      .where(and(eq(schema.accountTokens.userId, user.id), sql`used_at is null`));
    expect(live).toHaveLength(1);
  });

  it('changing one’s password ends the other sessions at once, not this one', async () => {
    const user = await activeUser(['requester'], { caseTableIds: [(await firstCaseTable(await t.as('requester.arnhem'))).id] });
    const one = (await login({ email: user.email, password: STRONG })).caller;
    const two = (await login({ email: user.email, password: STRONG })).caller;
    expect((await two('GET', '/api/v1/me')).status).toBe(200);
    const wrong = await one('PUT', '/api/v1/me/password', { currentPassword: 'fout-wachtwoord', newPassword: 'Nog een andere lange wachtzin' });
    expectProblem(wrong, 400, 'validation-failed');
    expect((await one('PUT', '/api/v1/me/password', { currentPassword: STRONG, newPassword: 'Nog een andere lange wachtzin' })).status).toBe(204);
    expect((await one('GET', '/api/v1/me')).status).toBe(200);
    expectProblem(await two('GET', '/api/v1/me'), 401, 'unauthenticated');
  });
});

describe('second factor (TOTP)', () => {
  it('is required for coordinator, specialist, finance and admin: until enrolled the session can only enrol', async () => {
    for (const role of ['coordinator', 'specialist', 'finance', 'admin']) {
      const user = await activeUser([role]);
      const { res, caller } = await login({ email: user.email, password: STRONG });
      expect(res.status).toBe(200);
      expect(res.body.user).toMatchObject({ twoFactorRequired: true, twoFactorEnabled: false, enrolmentOnly: true });
      for (const url of ['/api/v1/interpretation-requests', '/api/v1/budgets', '/api/v1/users', '/api/v1/case-tables']) {
        expectProblem(await caller('GET', url), 403, 'second-factor-enrolment-required');
      }
      await enrol(caller);
      const me = await caller('GET', '/api/v1/me');
      expect(me.body).toMatchObject({ twoFactorEnabled: true, enrolmentOnly: false });
      expect((await caller('GET', '/api/v1/case-tables')).status).toBe(200);
    }
  });

  it('is required of demo accounts too when the server runs in production', async () => {
    const production = await buildApp({ config: { ...testConfig, nodeEnv: 'production' }, db: t.handle.db });
    try {
      const res = await production.inject({ method: 'POST', url: '/api/v1/sessions', payload: { email: `finance@${DEMO_DOMAIN}`, password: DEMO_PASSWORD } });
      expect(JSON.parse(res.body).user).toMatchObject({ twoFactorRequired: true, enrolmentOnly: true });
    } finally {
      await production.close();
    }
  });

  it('is not required of requesters by default, and not of the demo accounts', async () => {
    const requester = await activeUser(['requester']);
    const { res } = await login({ email: requester.email, password: STRONG });
    expect(res.body.user).toMatchObject({ twoFactorRequired: false, enrolmentOnly: false });
    const demo = await t.as('coordinator');
    expect((await demo('GET', '/api/v1/me')).body).toMatchObject({ twoFactorRequired: false, enrolmentOnly: false });
  });

  it('once enrolled: login needs the code, refuses a wrong or replayed code, and takes each recovery code once', async () => {
    const user = await activeUser(['specialist']);
    const { secret, recoveryCodes } = await enrol((await login({ email: user.email, password: STRONG })).caller);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const c of recoveryCodes) expect(c).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/);

    const missing = (await login({ email: user.email, password: STRONG })).res;
    expectProblem(missing, 401, 'second-factor-required');
    expect(missing.body.errors[0].pointer).toBe('/totp');
    expect(missing.headers['set-cookie']).toBeUndefined();

    const wrongCode = String((Number(await code(secret)) + 1) % 1_000_000).padStart(6, '0');
    expectProblem((await login({ email: user.email, password: STRONG, totp: wrongCode })).res, 401, 'unauthenticated');
    // The wrong password with the right code tells nothing about the code.
    const wrongPassword = (await login({ email: user.email, password: 'niet-het-wachtwoord', totp: await code(secret) })).res;
    expectProblem(wrongPassword, 401, 'unauthenticated');
    expect(wrongPassword.body.detail).toBe('E-mailadres of wachtwoord is onjuist.');

    // The next step's code (the enrolment used the current one): accepted once, then a replay.
    const next = await code(secret, 1);
    const ok = await login({ email: user.email, password: STRONG, totp: next });
    expect(ok.res.status).toBe(200);
    expect(ok.res.body.user.enrolmentOnly).toBe(false);
    expectProblem((await login({ email: user.email, password: STRONG, totp: next })).res, 401, 'unauthenticated');
    // An older code than the last used one is a replay too.
    expectProblem((await login({ email: user.email, password: STRONG, totp: await code(secret) })).res, 401, 'unauthenticated');

    const recovery = recoveryCodes[3] as string;
    expect((await login({ email: user.email, password: STRONG, recoveryCode: recovery.toUpperCase() })).res.status).toBe(200);
    expectProblem((await login({ email: user.email, password: STRONG, recoveryCode: recovery })).res, 401, 'unauthenticated');
    // The secret is stored encrypted, never in plain text.
    const [row] = await t.handle.db.select({ s: schema.users.totpSecretEncrypted }).from(schema.users).where(eq(schema.users.id, user.id));
    expect(row?.s).not.toContain(secret);
    expect(row?.s).toMatch(/^v1\./);
  });

  it('a secret stored under another key (a restore into a new data folder) is said in words, never a 500; a recovery code still signs in', async () => {
    const user = await activeUser(['specialist']);
    const { secret, recoveryCodes } = await enrol((await login({ email: user.email, password: STRONG })).caller);
    // As if the installation's ENCRYPTION_KEY changed: the stored secret is one this key cannot read.
    await t.handle.db
      .update(schema.users)
      .set({ totpSecretEncrypted: encryptSecret(secret, randomBytes(48).toString('base64url')) })
      .where(eq(schema.users.id, user.id));
    const refused = (await login({ email: user.email, password: STRONG, totp: await code(secret) })).res;
    expectProblem(refused, 409, 'conflict');
    expect(refused.body.errors[0]).toMatchObject({ pointer: '/totp', code: 'unreadable' });
    expect(refused.body.detail).toContain('herstelcode');
    expect((await login({ email: user.email, password: STRONG, recoveryCode: recoveryCodes[0] })).res.status).toBe(200);
  });

  it('an admin reset of the second factor ends the sessions and asks for a new enrolment', async () => {
    const user = await activeUser(['finance']);
    const first = await login({ email: user.email, password: STRONG });
    const { secret } = await enrol(first.caller);
    expect((await first.caller('GET', '/api/v1/budgets')).status).toBe(200);
    const reset = await admin('PATCH', `/api/v1/users/${user.id}`, { resetTwoFactor: true });
    expect(reset.body.twoFactorEnabled).toBe(false);
    expectProblem(await first.caller('GET', '/api/v1/budgets'), 401, 'unauthenticated');
    const again = await login({ email: user.email, password: STRONG, totp: await code(secret, 1) });
    expect(again.res.body.user.enrolmentOnly).toBe(true);
  });
});

describe('sessions: refresh rotation and revocation', () => {
  it('rotates the refresh token; presenting a used one again revokes the session', async () => {
    const user = await activeUser(['requester']);
    const { caller, refresh } = await login({ email: user.email, password: STRONG });
    expect(refresh).toMatch(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);
    const refreshOnce = (value: string | undefined) =>
      t.app.inject({ method: 'POST', url: '/api/v1/sessions/current/refresh', headers: { cookie: `dp_refresh=${value}` } });
    const first = await refreshOnce(refresh);
    expect(first.statusCode).toBe(200);
    const rotated = first.cookies.find((c) => c.name === 'dp_refresh');
    expect(rotated?.value).not.toBe(refresh);
    expect(rotated).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1/sessions' });
    const access = first.cookies.find((c) => c.name === 'dp_session');
    expect(access?.maxAge).toBeLessThanOrEqual(15 * 60);
    // A second use of the old token: theft is assumed and the session ends.
    expect((await refreshOnce(refresh)).statusCode).toBe(401);
    expect((await refreshOnce(rotated?.value)).statusCode).toBe(401);
    expectProblem(await caller('GET', '/api/v1/me'), 401, 'unauthenticated');
    const [event] = await t.handle.db
      .select()
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.action, 'refresh'), eq(schema.auditEvents.actorId, user.id)));
    expect(event).toMatchObject({ result: 'denied', details: { reason: 'reuse' } });
  });

  it('refuses a garbage or missing refresh cookie', async () => {
    for (const cookie of ['', 'dp_refresh=', 'dp_refresh=abc', `dp_refresh=${'0'.repeat(36)}.x`]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/sessions/current/refresh', headers: cookie ? { cookie } : {} });
      expect(res.statusCode).toBe(401);
    }
  });

  it('deactivation, a role change and a membership change by the admin end the user’s sessions at once', async () => {
    const tableA = (await firstCaseTable(await t.as('requester.arnhem'))).id;
    const tableB = (await firstCaseTable(await t.as('requester.zwolle'))).id;
    const user = await activeUser(['requester'], { caseTableIds: [tableA] });
    const open = async () => (await login({ email: user.email, password: STRONG })).caller;

    let session = await open();
    expect((await admin('PATCH', `/api/v1/users/${user.id}`, { caseTableIds: [tableB] })).status).toBe(200);
    expectProblem(await session('GET', '/api/v1/me'), 401, 'unauthenticated');
    session = await open();
    expect((await session('GET', '/api/v1/me')).body.memberships.map((m: { caseTableId: string }) => m.caseTableId)).toEqual([tableB]);

    expect((await admin('PATCH', `/api/v1/users/${user.id}`, { roles: ['requester', 'finance'] })).status).toBe(200);
    expectProblem(await session('GET', '/api/v1/me'), 401, 'unauthenticated');

    // A rename changes no access: sessions live on.
    session = (await login({ email: user.email, password: STRONG })).caller;
    expect((await admin('PATCH', `/api/v1/users/${user.id}`, { displayName: 'Andere naam' })).status).toBe(200);
    expect((await session('GET', '/api/v1/me')).status).toBe(200);

    expect((await admin('PATCH', `/api/v1/users/${user.id}`, { isActive: false })).status).toBe(200);
    expectProblem(await session('GET', '/api/v1/me'), 401, 'unauthenticated');
    expectProblem((await login({ email: user.email, password: STRONG })).res, 401, 'unauthenticated');
  });

  it('an admin cannot lock themselves out', async () => {
    const me = (await admin('GET', '/api/v1/me')).body;
    expectProblem(await admin('PATCH', `/api/v1/users/${me.id}`, { isActive: false }), 400, 'validation-failed');
    // Nor change their own roles: another admin has to (separation of duties).
    expectProblem(await admin('PATCH', `/api/v1/users/${me.id}`, { roles: ['finance'] }), 403, 'forbidden');
  });

  it('refuses a second user with the same e-mail, and memberships for non-requesters', async () => {
    const address = email('dubbel');
    expect((await admin('POST', '/api/v1/users', { email: address, displayName: 'Een', roles: ['finance'] })).status).toBe(201);
    expectProblem(await admin('POST', '/api/v1/users', { email: address.toUpperCase(), displayName: 'Twee', roles: ['finance'] }), 409, 'conflict');
    const tableA = (await firstCaseTable(await t.as('requester.arnhem'))).id;
    expectProblem(
      await admin('POST', '/api/v1/users', { email: email('geen-lid'), displayName: 'Drie', roles: ['finance'], caseTableIds: [tableA] }),
      400,
      'validation-failed',
    );
  });
});

describe('admin CLI (first account of a fresh install)', () => {
  it('creates a user and answers a single-use invitation link that sets the password', async () => {
    const address = email('eerste-beheerder');
    const { user, link } = await createUserFromCli(t.handle.db, { email: address, displayName: 'Eerste beheerder', roles: ['admin'] }, 'https://pool.example');
    expect(user).toMatchObject({ email: address, roles: ['admin'], hasPassword: false });
    const token = /^https:\/\/pool\.example\/set-password#token=([A-Za-z0-9_-]{43})$/.exec(link)?.[1] as string;
    expect((await t.anonymous('POST', '/api/v1/password-changes', { token, newPassword: STRONG })).status).toBe(204);
    const { res } = await login({ email: address, password: STRONG });
    expect(res.body.user).toMatchObject({ roles: ['admin'], enrolmentOnly: true });
    await expect(createUserFromCli(t.handle.db, { email: address, displayName: 'Nog eens', roles: ['admin'] }, 'https://pool.example')).rejects.toMatchObject({
      type: 'conflict',
    });
  });
});
