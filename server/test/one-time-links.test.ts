// One-time links (invitation, password reset), decision 041: a link dies with every event that
// ends the user's access or replaces their password, and no usable token is ever readable at rest
// — not in any table, not in the Mail preview, not in the log — before or after the mail is sent.
import { randomBytes } from 'node:crypto';
import { DEMO_DOMAIN, DEMO_PASSWORD, schema } from '@duidingspool/db';
import { and, desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loggerOptions } from '../src/lib/logger.ts';
import { decryptSecret, hashToken } from '../src/lib/secrets.ts';
import { createMailTransport } from '../src/modules/notifications/transport.ts';
import { NotificationWorker } from '../src/modules/notifications/worker.ts';
import { createUserFromCli } from '../src/modules/users/users.service.ts';
import { databaseUrl } from './database-urls.ts';
import { expectProblem, firstCaseTable } from './fixtures.ts';
import { type Caller, type CallResult, testConfig, useTestApp } from './harness.ts';
import { startSmtpServer, type TestSmtpServer } from './smtp.ts';

const t = useTestApp();
const STRONG = 'Kompas lantaarn rivier 1987 vogelhuis';
const OTHER = 'Een geheel andere wachtzin voor de pool';
const address = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}@${DEMO_DOMAIN}`;
let admin: Caller;
let tableA: string;
let tableB: string;

beforeAll(async () => {
  admin = await t.as('admin');
  tableA = (await firstCaseTable(await t.as('requester.arnhem'))).id;
  tableB = (await firstCaseTable(await t.as('requester.zwolle'))).id;
});

/** The newest outbox row to `to`, and the token it carries, opened with the server's key. */
async function newestLink(to: string) {
  const n = schema.notifications;
  const [mail] = await t.handle.db.select().from(n).where(eq(n.recipientEmail, to)).orderBy(desc(n.createdAt)).limit(1);
  if (!mail?.linkTokenEncrypted) throw new Error(`no sealed link to ${to}`);
  return { mail, token: decryptSecret(mail.linkTokenEncrypted, testConfig.encryptionKey, 'outbox-link') };
}

const redeem = (token: string, newPassword = OTHER) => t.anonymous('POST', '/api/v1/password-changes', { token, newPassword });

/** A requester (no second factor needed) who has set a password through their invitation. */
async function activeRequester() {
  const email = address('aanvrager');
  const invited = await admin('POST', '/api/v1/users', { email, displayName: 'Aanvrager Test', roles: ['requester'], caseTableIds: [tableA] });
  expect(invited.status, JSON.stringify(invited.body)).toBe(201);
  expect((await redeem((await newestLink(email)).token, STRONG)).status).toBe(204);
  return { id: invited.body.id as string, email };
}

async function loginAs(email: string, password: string): Promise<Caller> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { email, password } });
  expect(res.statusCode, res.body).toBe(200);
  const cookie = `dp_session=${res.cookies.find((c) => c.name === 'dp_session')?.value}`;
  return (async (method, url, payload) => {
    const r = await t.app.inject({
      method,
      url,
      headers: { cookie, ...(payload ? { 'content-type': 'application/json' } : {}) },
      ...(payload ? { payload } : {}),
    });
    return { status: r.statusCode, headers: r.headers, body: r.body ? JSON.parse(r.body) : undefined } as CallResult;
  }) as Caller;
}

describe('a link dies with every event that ends the user’s access or replaces their password', () => {
  /** Each event, applied to a user with a live reset link. */
  const events: [string, (user: { id: string; email: string }) => Promise<void>][] = [
    [
      'changing one’s own password',
      async (u) => {
        const session = await loginAs(u.email, STRONG);
        expect((await session('PUT', '/api/v1/me/password', { currentPassword: STRONG, newPassword: OTHER })).status).toBe(204);
      },
    ],
    [
      'deactivation (and reactivation after)',
      async (u) => {
        expect((await admin('PATCH', `/api/v1/users/${u.id}`, { isActive: false })).status).toBe(200);
        expect((await admin('PATCH', `/api/v1/users/${u.id}`, { isActive: true })).status).toBe(200);
      },
    ],
    ['a second-factor reset', async (u) => expect((await admin('PATCH', `/api/v1/users/${u.id}`, { resetTwoFactor: true })).status).toBe(200)],
    ['a role change', async (u) => expect((await admin('PATCH', `/api/v1/users/${u.id}`, { roles: ['requester', 'finance'] })).status).toBe(200)],
    ['a membership change', async (u) => expect((await admin('PATCH', `/api/v1/users/${u.id}`, { caseTableIds: [tableB] })).status).toBe(200)],
    ['a newer reset link', async (u) => expect((await t.anonymous('POST', '/api/v1/password-resets', { email: u.email })).status).toBe(202)],
  ];

  for (const [event, apply] of events) {
    it(`${event} voids an outstanding reset link, and withdraws it from the outbox`, async () => {
      const user = await activeRequester();
      expect((await t.anonymous('POST', '/api/v1/password-resets', { email: user.email })).status).toBe(202);
      const { mail, token } = await newestLink(user.email);
      await apply(user);
      expectProblem(await redeem(token), 400, 'invalid-token');
      const [row] = await t.handle.db.select().from(schema.notifications).where(eq(schema.notifications.id, mail.id));
      expect(row).toMatchObject({ linkTokenEncrypted: null, status: 'failed' });
    });
  }

  it('setting the password through one link voids the user’s other live links', async () => {
    const user = await activeRequester();
    // Two links live at once cannot be made through the API (a new one voids the old), so one is
    // written beside the other as an older server version could have left it.
    expect((await t.anonymous('POST', '/api/v1/password-resets', { email: user.email })).status).toBe(202);
    const first = await newestLink(user.email);
    const [older] = await t.handle.db
      .select()
      .from(schema.accountTokens)
      .where(eq(schema.accountTokens.userId, user.id))
      .orderBy(desc(schema.accountTokens.createdAt))
      .limit(1);
    const second = randomBytes(32).toString('base64url');
    await t.handle.db
      .insert(schema.accountTokens)
      .values({ userId: user.id, purpose: 'invitation', tokenHash: hashToken(second), expiresAt: older?.expiresAt ?? new Date(Date.now() + 3_600_000) });
    expect((await redeem(first.token)).status).toBe(204);
    expectProblem(await redeem(second, STRONG), 400, 'invalid-token');
  });

  it('an invitee whose roles change gets a new invitation; deactivation voids it; a rename changes nothing', async () => {
    const email = address('genodigde');
    const invited = await admin('POST', '/api/v1/users', { email, displayName: 'Genodigde', roles: ['requester'], caseTableIds: [tableA] });
    const first = await newestLink(email);
    // A rename changes no access: the link keeps working (so the voiding above is the rule, not chance).
    expect((await admin('PATCH', `/api/v1/users/${invited.body.id}`, { displayName: 'Genodigde Twee' })).status).toBe(200);
    expect((await newestLink(email)).mail.id).toBe(first.mail.id);
    expect((await admin('PATCH', `/api/v1/users/${invited.body.id}`, { roles: ['finance'], caseTableIds: [] })).status).toBe(200);
    expectProblem(await redeem(first.token), 400, 'invalid-token');
    const second = await newestLink(email);
    expect(second.mail.id).not.toBe(first.mail.id);
    expect(second.mail.event).toBe('invitation');
    expect((await admin('PATCH', `/api/v1/users/${invited.body.id}`, { isActive: false })).status).toBe(200);
    expect((await admin('PATCH', `/api/v1/users/${invited.body.id}`, { isActive: true })).status).toBe(200);
    expectProblem(await redeem(second.token), 400, 'invalid-token');
    // The admin sends a fresh one on purpose: that one works.
    expect((await admin('PATCH', `/api/v1/users/${invited.body.id}`, { resendInvitation: true })).status).toBe(200);
    expect((await redeem((await newestLink(email)).token, STRONG)).status).toBe(204);
  });
});

describe('no usable one-time token is readable at rest, in the Mail preview or in the log', () => {
  let smtp: TestSmtpServer;
  let app: FastifyInstance;
  const lines: string[] = [];
  let dump: postgres.Sql;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    app = await buildApp({ config: testConfig, db: t.handle.db, logger: loggerOptions('trace', { write: (line: string) => lines.push(line) }) });
    await app.ready();
    dump = postgres(databaseUrl(t.databaseName), { max: 1, onnotice: () => {} });
  });
  afterAll(async () => {
    await app?.close();
    await smtp?.close();
    await dump?.end();
  });

  /** Every column of every table (cast to text: text, json, arrays, …) that contains `needle`. */
  async function columnsContaining(needle: string): Promise<string[]> {
    const columns = await dump<{ table_schema: string; table_name: string; column_name: string }[]>`
      select c.table_schema, c.table_name, c.column_name
      from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
      where c.table_schema not in ('pg_catalog', 'information_schema')`;
    expect(columns.length).toBeGreaterThan(50);
    const found: string[] = [];
    for (const c of columns) {
      const [hit] =
        await dump`select 1 from ${dump(c.table_schema)}.${dump(c.table_name)} where position(${needle} in ${dump(c.column_name)}::text) > 0 limit 1`;
      if (hit) found.push(`${c.table_schema}.${c.table_name}.${c.column_name}`);
    }
    return found;
  }

  const call = async (cookie: string, method: 'GET' | 'POST', url: string, payload?: unknown) => {
    const r = await app.inject({
      method,
      url,
      headers: { cookie, ...(payload ? { 'content-type': 'application/json' } : {}) },
      ...(payload ? { payload: JSON.stringify(payload) } : {}),
    });
    return { status: r.statusCode, body: r.body };
  };

  it('is only sealed before the mail is sent, masked in the preview, gone after sending through SMTP, and never logged', async () => {
    const login = await app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { email: `admin@${DEMO_DOMAIN}`, password: DEMO_PASSWORD } });
    const adminCookie = `dp_session=${login.cookies.find((c) => c.name === 'dp_session')?.value}`;
    // An invitation for a new user, and a reset for a user who already has a password.
    const invitee = address('uitgenodigd');
    expect((await call(adminCookie, 'POST', '/api/v1/users', { email: invitee, displayName: 'Uitgenodigd', roles: ['finance'] })).status).toBe(201);
    const resetUser = await activeRequester();
    expect((await app.inject({ method: 'POST', url: '/api/v1/password-resets', payload: { email: resetUser.email } })).statusCode).toBe(202);
    const invitation = await newestLink(invitee);
    const reset = await newestLink(resetUser.email);
    const tokens = [invitation.token, reset.token];

    // Before sending: the only copy is sealed; the link path carries no token.
    for (const link of [invitation, reset]) {
      expect(link.mail.linkPath).toBe('/set-password');
      expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    }
    for (const token of tokens) expect(await columnsContaining(token)).toEqual([]);
    // The search itself finds what is there: the token's hash sits in account_tokens.
    expect(await columnsContaining(hashToken(reset.token))).toEqual(['public.account_tokens.token_hash']);

    // The admin's Mail preview (JSON and the HTML page) shows the link masked.
    for (const link of [invitation, reset]) {
      const preview = await call(adminCookie, 'GET', `/api/v1/notifications/${link.mail.id}/preview`);
      expect(preview.status).toBe(200);
      expect(JSON.parse(preview.body).text).toContain(`${testConfig.publicUrl}/set-password#token=••••••••`);
      const page = await call(adminCookie, 'GET', `/api/v1/notifications/${link.mail.id}/preview-page`);
      expect(page.status).toBe(200);
      for (const token of tokens) {
        expect(preview.body).not.toContain(token);
        expect(page.body).not.toContain(token);
      }
    }
    const outbox = await call(adminCookie, 'GET', '/api/v1/notifications?pageSize=100');
    for (const token of tokens) expect(outbox.body).not.toContain(token);

    // Sending through a real SMTP server: the recipient gets the working link; the outbox keeps none.
    const config = { ...testConfig, smtpUrl: `smtp://127.0.0.1:${smtp.port}` };
    const transport = createMailTransport(config);
    if (!transport) throw new Error('no transport');
    const workerLines: string[] = [];
    const log = {
      info: (o: object) => workerLines.push(JSON.stringify(o)),
      warn: (o: object) => workerLines.push(JSON.stringify(o)),
      error: (o: object) => workerLines.push(JSON.stringify(o)),
    };
    const worker = new NotificationWorker({ db: t.handle.db, config, transport, log });
    try {
      await worker.deliverDue();
    } finally {
      await worker.stop();
    }
    for (const [link, to] of [
      [invitation, invitee],
      [reset, resetUser.email],
    ] as const) {
      const received = smtp.received.find((m) => m.rcptTo.includes(to));
      expect(received?.parsed.text).toContain(`${testConfig.publicUrl}/set-password#token=${link.token}`);
      const [row] = await t.handle.db.select().from(schema.notifications).where(eq(schema.notifications.id, link.mail.id));
      expect(row).toMatchObject({ status: 'sent', linkTokenEncrypted: null });
    }
    for (const token of tokens) expect(await columnsContaining(token)).toEqual([]);

    // They were live tokens all along: the recipients use them (and a wrong one is refused).
    expect((await app.inject({ method: 'POST', url: '/api/v1/password-changes', payload: { token: invitation.token, newPassword: STRONG } })).statusCode).toBe(
      204,
    );
    expect((await app.inject({ method: 'POST', url: '/api/v1/password-changes', payload: { token: reset.token, newPassword: OTHER } })).statusCode).toBe(204);
    expect((await app.inject({ method: 'POST', url: '/api/v1/password-changes', payload: { token: reset.token, newPassword: STRONG } })).statusCode).toBe(400);
    for (const token of tokens) expect(await columnsContaining(token)).toEqual([]);

    // Nothing in the log: server lines at trace level and the worker's lines.
    expect(lines.length).toBeGreaterThan(10);
    for (const token of tokens) {
      expect(lines.join('\n')).not.toContain(token);
      expect(workerLines.join('\n')).not.toContain(token);
    }
  });

  it('`pnpm admin create-user` hands its link to the operator only: hashed at rest, no mail queued', async () => {
    const email = address('eerste');
    const { user, link } = await createUserFromCli(t.handle.db, { email, displayName: 'Eerste beheerder', roles: ['admin'] }, 'https://pool.example');
    const token = link.split('#token=')[1] as string;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await columnsContaining(token)).toEqual([]);
    const mails = await t.handle.db
      .select()
      .from(schema.notifications)
      .where(and(eq(schema.notifications.recipientUserId, user.id)));
    expect(mails).toEqual([]);
    expect((await redeem(token, STRONG)).status).toBe(204);
  });
});
