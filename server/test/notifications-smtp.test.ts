// E-mail notifications against a real SMTP server: every event reaches the right people
// once, without case content; an SMTP outage loses and duplicates nothing; a slow SMTP server does
// not hold up the API; MAIL_ALLOWED_DOMAINS keeps mail inside; several workers never send twice.
import { schema } from '@duidingspool/db';
import { type Role, STATUS_LABELS } from '@duidingspool/shared';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AppConfig } from '../src/config.ts';
import { issueAccountToken } from '../src/modules/auth/index.ts';
import { notifyBudgetThresholdCrossed } from '../src/modules/notifications/outbox.ts';
import { createMailTransport, type MailTransport } from '../src/modules/notifications/transport.ts';
import { NotificationWorker, type NotificationWorkerOptions } from '../src/modules/notifications/worker.ts';
import { createRequest, entryBody, specialist } from './fixtures.ts';
import { type Caller, testConfig, useTestApp } from './harness.ts';
import { freePort, type ReceivedMail, startSmtpServer, type TestSmtpServer } from './smtp.ts';

const t = useTestApp();
const MARK = 'ZZMARKERZZ';
const marked = (field: string) => `${MARK}-${field} tekst van de casus ${MARK}`;

let smtp: TestSmtpServer;
const transports: MailTransport[] = [];

function mailConfig(port: number, extra: Partial<AppConfig> = {}): AppConfig {
  return { ...testConfig, smtpUrl: `smtp://127.0.0.1:${port}`, ...extra };
}

/** A worker on the test database sending to `port`; the clock is `now` (default: real time). */
function workerFor(port: number, options: Partial<Omit<NotificationWorkerOptions, 'config'>> & { config?: Partial<AppConfig> } = {}) {
  const config = mailConfig(port, options.config);
  const transport = createMailTransport(config, { connectionTimeout: 2_000, greetingTimeout: 2_000, socketTimeout: 10_000 });
  if (!transport) throw new Error('no transport');
  transports.push(transport);
  const { config: _c, ...rest } = options;
  return new NotificationWorker({ db: t.handle.db, config, transport, ...rest });
}

/** Marks every outbox row as sent, so a test sees only its own mails. */
async function clearOutbox() {
  await t.handle.db.update(schema.notifications).set({ status: 'sent' }).where(sql`status <> 'sent'`);
}

async function emailsOf(ids: string[]) {
  const rows = await t.handle.db.select({ email: schema.users.email }).from(schema.users).where(inArray(schema.users.id, ids));
  return rows.map((r) => r.email).sort();
}

async function roleEmails(...roles: Role[]) {
  const rows = await t.handle.db
    .selectDistinct({ email: schema.users.email })
    .from(schema.users)
    .innerJoin(schema.userRoles, eq(schema.userRoles.userId, schema.users.id))
    .where(inArray(schema.userRoles.role, roles));
  return rows.map((r) => r.email).sort();
}

async function memberEmails(caseTableId: string) {
  const rows = await t.handle.db
    .select({ userId: schema.caseTableMembers.userId })
    .from(schema.caseTableMembers)
    .where(eq(schema.caseTableMembers.caseTableId, caseTableId));
  return emailsOf(rows.map((r) => r.userId));
}

const eventOf = (m: ReceivedMail) => String(m.parsed.headers.get('x-duidingspool-event'));
/** The recipients, sorted, of the mails of `event` about `reference`. */
function recipientsOf(mails: ReceivedMail[], event: string, reference: string | null) {
  return mails
    .filter((m) => eventOf(m) === event && (reference === null || (m.parsed.subject ?? '').includes(reference)))
    .flatMap((m) => m.rcptTo)
    .sort();
}

let requester: Caller;
let coordinator: Caller;
let sp1: Caller;
let sp2: Caller;

beforeAll(async () => {
  smtp = await startSmtpServer();
  [requester, coordinator, sp1, sp2] = await Promise.all([t.as('requester.arnhem'), t.as('coordinator'), t.as('specialist1'), t.as('specialist2')]);
});

afterEach(async () => {
  for (const tr of transports.splice(0)) tr.close();
});

afterAll(async () => {
  await smtp?.close();
});

describe('every event, delivered through SMTP', () => {
  it('reaches the right people exactly once, in their language, without any case content', async () => {
    await clearOutbox();
    const caseFields = { caseReference: `${MARK}-ref`, question: marked('question'), context: marked('context') };
    // A request through its whole life, with marker text in every free-text field on the way.
    const r1 = await createRequest(requester, caseFields);
    expect((await coordinator('PATCH', `/api/v1/interpretation-requests/${r1.id}`, { status: 'needs-information', reason: marked('reason') })).status).toBe(
      200,
    );
    expect((await requester('PATCH', `/api/v1/interpretation-requests/${r1.id}`, { status: 'submitted' })).status).toBe(200);
    const s1 = await specialist(coordinator, 1);
    const s2 = await specialist(coordinator, 2);
    const a1 = await coordinator('POST', `/api/v1/interpretation-requests/${r1.id}/assignments`, {
      specialistId: s1.id,
      estimatedMinutes: 120,
      overrideReason: 'Vaste keuze van de test',
    });
    expect(a1.status).toBe(201);
    expect((await sp1('PATCH', `/api/v1/assignments/${a1.body.id}`, { status: 'declined', reason: marked('decline') })).status).toBe(200);
    const a2 = await coordinator('POST', `/api/v1/interpretation-requests/${r1.id}/assignments`, {
      specialistId: s2.id,
      estimatedMinutes: 240,
      overrideReason: 'Vaste keuze van de test',
    });
    expect(a2.status).toBe(201);
    expect((await sp2('PATCH', `/api/v1/assignments/${a2.body.id}`, { status: 'accepted' })).status).toBe(200);
    const entry = await sp2('POST', `/api/v1/assignments/${a2.body.id}/time-entries`, entryBody({ description: marked('entry') }));
    expect(entry.status).toBe(201);
    expect((await coordinator('PATCH', `/api/v1/time-entries/${entry.body.id}`, { status: 'rejected', reason: marked('reject') })).status).toBe(200);
    expect((await sp2('POST', `/api/v1/interpretation-requests/${r1.id}/advice`, { summary: marked('summary'), body: marked('advice') })).status).toBe(201);
    expect((await requester('PATCH', `/api/v1/interpretation-requests/${r1.id}`, { status: 'closed', reason: marked('close') })).status).toBe(200);
    // A second request the coordinator declines.
    const r2 = await createRequest(requester, caseFields);
    expect((await coordinator('PATCH', `/api/v1/interpretation-requests/${r2.id}`, { status: 'declined', reason: marked('declined') })).status).toBe(200);
    // Budget threshold and the security mails, through the functions other features call.
    const ctx = { publicUrl: testConfig.publicUrl, now: () => new Date(), workingHours: testConfig.workingHours };
    const [finance] = await t.handle.db.select().from(schema.users).where(eq(schema.users.email, 'finance@duidingspool.example'));
    const [admin] = await t.handle.db.select().from(schema.users).where(eq(schema.users.email, 'admin@duidingspool.example'));
    if (!finance || !admin) throw new Error('no finance or admin user');
    const mail = { publicUrl: testConfig.publicUrl, encryptionKey: testConfig.encryptionKey };
    await t.handle.db.transaction(async (tx) => {
      expect(await notifyBudgetThresholdCrossed(tx, ctx, { year: 2019, thresholdPercent: 90 })).toBeGreaterThan(0);
      // Called again (another instance, a second crossing): nothing new.
      expect(await notifyBudgetThresholdCrossed(tx, ctx, { year: 2019, thresholdPercent: 90 })).toBe(0);
      // Two users: a new link voids the user's older one (decision 041).
      await issueAccountToken(tx, { userId: finance.id, purpose: 'invitation', createdBy: null, mail });
      await issueAccountToken(tx, { userId: admin.id, purpose: 'password-reset', createdBy: null, mail });
    });
    // English for one requester: the template follows the recipient's language.
    await t.handle.db.update(schema.users).set({ language: 'en' }).where(eq(schema.users.email, 'requester.arnhem@duidingspool.example'));

    const worker = workerFor(smtp.port);
    const round = await worker.deliverDue();
    expect(round.failed).toBe(0);
    expect(round.retried).toBe(0);
    const mails = smtp.received.slice();
    expect(mails.length).toBe(round.sent);
    // Nothing twice: every Message-ID once.
    const ids = mails.map((m) => m.parsed.messageId);
    expect(new Set(ids).size).toBe(ids.length);

    const coordinators = await roleEmails('coordinator');
    const requesters = await memberEmails(r1.caseTableId);
    const sp1Mail = ['specialist1@duidingspool.example'];
    const sp2Mail = ['specialist2@duidingspool.example'];
    expect(recipientsOf(mails, 'request-submitted', r1.reference)).toEqual([...coordinators, ...coordinators].sort()); // submitted twice
    expect(recipientsOf(mails, 'request-needs-information', r1.reference)).toEqual(requesters);
    expect(recipientsOf(mails, 'assignment-proposed', r1.reference)).toEqual([...sp1Mail, ...sp2Mail].sort());
    expect(recipientsOf(mails, 'assignment-declined', r1.reference)).toEqual(coordinators);
    expect(recipientsOf(mails, 'assignment-accepted', r1.reference)).toEqual(requesters);
    expect(recipientsOf(mails, 'time-entry-rejected', r1.reference)).toEqual(sp2Mail);
    expect(recipientsOf(mails, 'advice-delivered', r1.reference)).toEqual(requesters);
    expect(recipientsOf(mails, 'request-closed', r1.reference)).toEqual(sp2Mail);
    expect(recipientsOf(mails, 'request-submitted', r2.reference)).toEqual(coordinators);
    expect(recipientsOf(mails, 'request-declined', r2.reference)).toEqual(requesters);
    expect(recipientsOf(mails, 'budget-threshold-crossed', null)).toEqual(await roleEmails('coordinator', 'finance'));
    expect(recipientsOf(mails, 'invitation', null)).toEqual(['finance@duidingspool.example']);
    expect(recipientsOf(mails, 'password-reset', null)).toEqual(['admin@duidingspool.example']);
    expect(requesters.length).toBeGreaterThan(0);
    expect(coordinators.length).toBeGreaterThan(0);

    for (const m of mails) {
      // No case content anywhere: subject, headers, text, HTML and the raw message.
      for (const part of [m.raw, m.parsed.subject ?? '', m.parsed.text ?? '', String(m.parsed.html)]) expect(part).not.toContain(MARK);
      // HTML and plain text, a link into the app, and the fixed sender.
      expect(m.parsed.html).toBeTruthy();
      expect(m.parsed.text).toContain(testConfig.publicUrl);
      expect(m.mailFrom).toBe('noreply@duidingspool.example');
      expect(m.parsed.messageId).toMatch(/^<[0-9a-f-]{36}@localhost>$/);
    }
    const english = mails.find((m) => m.rcptTo.includes('requester.arnhem@duidingspool.example') && eventOf(m) === 'advice-delivered');
    expect(english?.parsed.subject).toBe(`[Duidingspool] Advice delivered for ${r1.reference}`);
    expect(english?.parsed.html).toContain('lang="en"');
    const dutch = mails.find((m) => m.rcptTo.includes(coordinators[0] as string) && eventOf(m) === 'assignment-declined');
    expect(dutch?.parsed.subject).toBe(`[Duidingspool] Inzet voor ${r1.reference} is afgewezen`);
    expect(dutch?.parsed.text).toContain(`${testConfig.publicUrl}/requests/${r1.id}`);

    // The stored rows are all sent, and the outbox holds no rendered text at all.
    const rows = await t.handle.db.select().from(schema.notifications).where(sql`status <> 'sent'`);
    expect(rows).toEqual([]);
    await t.handle.db.update(schema.users).set({ language: 'nl' }).where(eq(schema.users.email, 'requester.arnhem@duidingspool.example'));
  });
});

describe('an SMTP outage', () => {
  it('loses nothing and sends nothing twice when the server is down for a while and comes back', async () => {
    await clearOutbox();
    const port = await freePort(); // nothing listens here yet: the server is down
    const r = await createRequest(requester);
    let clock = new Date();
    const worker = workerFor(port, { now: () => clock, random: () => 0.5 });
    const due = await t.handle.db.select().from(schema.notifications).where(eq(schema.notifications.status, 'pending'));
    expect(due.length).toBeGreaterThan(0);

    const first = await worker.deliverDue();
    expect(first).toMatchObject({ claimed: due.length, sent: 0, retried: due.length, failed: 0 });
    let rows = await t.handle.db.select().from(schema.notifications).where(eq(schema.notifications.reference, r.reference));
    expect(rows.every((x) => x.status === 'pending' && x.attempts === 1 && x.lastError)).toBe(true);
    // Backoff: not due again at once (base 30 s, jitter in the upper half).
    expect((await worker.deliverDue()).claimed).toBe(0);
    clock = new Date(clock.getTime() + 30_000);
    expect((await worker.deliverDue()).retried).toBe(due.length); // second attempt, still down
    rows = await t.handle.db.select().from(schema.notifications).where(eq(schema.notifications.reference, r.reference));
    const secondDelay = rows[0] ? rows[0].nextAttemptAt.getTime() - clock.getTime() : 0;
    expect(secondDelay).toBe(45_000); // 60 s × (½ + ½·0.5): exponential with jitter

    const back = await startSmtpServer(port);
    try {
      expect((await worker.deliverDue()).claimed).toBe(0); // still waiting for its next attempt
      clock = new Date(clock.getTime() + 60_000);
      const third = await worker.deliverDue();
      expect(third).toMatchObject({ sent: due.length, failed: 0 });
      clock = new Date(clock.getTime() + 3_600_000);
      expect((await worker.deliverDue()).claimed).toBe(0);
      expect(back.received.length).toBe(due.length);
      expect(new Set(back.received.map((m) => m.parsed.messageId)).size).toBe(due.length);
      // The Message-ID is the one stored when the row was written, the same on every attempt.
      expect(back.received.map((m) => m.parsed.messageId).sort()).toEqual(due.map((d) => d.messageId).sort());
    } finally {
      for (const tr of transports.splice(0)) tr.close();
      await back.close();
    }
  });

  it('takes over a row whose worker died mid-send (lease expired), with the same Message-ID', async () => {
    await clearOutbox();
    await createRequest(requester);
    const [row] = await t.handle.db.select().from(schema.notifications).where(eq(schema.notifications.status, 'pending')).limit(1);
    if (!row) throw new Error('no row');
    await clearOutbox();
    // The crashed worker claimed it a while ago and never finished.
    await t.handle.db
      .update(schema.notifications)
      .set({ status: 'sending', attempts: 1, lockedUntil: new Date(Date.now() - 1000) })
      .where(eq(schema.notifications.id, row.id));
    const before = smtp.received.length;
    const result = await workerFor(smtp.port).deliverDue();
    expect(result.sent).toBe(1);
    const got = smtp.received.slice(before);
    expect(got.map((m) => m.parsed.messageId)).toEqual([row.messageId]);
    // A live lease is left alone.
    await t.handle.db
      .update(schema.notifications)
      .set({ status: 'sending', lockedUntil: new Date(Date.now() + 60_000) })
      .where(eq(schema.notifications.id, row.id));
    expect((await workerFor(smtp.port).deliverDue()).claimed).toBe(0);
  });

  it('marks a permanent refusal (SMTP 5xx) failed at once, and shows it to admins', async () => {
    await clearOutbox();
    // A server that refuses every recipient with 550 (mailbox unavailable).
    const { SMTPServer } = await import('smtp-server');
    const port = await freePort();
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo(_a, _s, cb) {
        cb(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
      },
    });
    await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()));
    try {
      await createRequest(requester);
      const worker = workerFor(port);
      const result = await worker.deliverDue();
      expect(result.failed).toBeGreaterThan(0);
      expect(result.sent + result.retried).toBe(0);
      const admin = await t.as('admin');
      const list = await admin('GET', '/api/v1/notifications?status=failed');
      expect(list.status).toBe(200);
      expect(list.body.total).toBe(result.failed);
      expect(list.body.items[0]).toMatchObject({ status: 'failed', attempts: 1, lastError: expect.stringContaining('550') });
      expect(JSON.stringify(list.body)).not.toContain('mailbox unavailable');
    } finally {
      for (const tr of transports.splice(0)) tr.close();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});

describe('several workers', () => {
  it('never send a row twice when they run at the same time', async () => {
    await clearOutbox();
    for (let i = 0; i < 6; i++) await createRequest(requester);
    const pending = await t.handle.db.select({ id: schema.notifications.id }).from(schema.notifications).where(eq(schema.notifications.status, 'pending'));
    const before = smtp.received.length;
    const workers = [0, 1, 2].map(() => workerFor(smtp.port, { batchSize: 2 }));
    const results = await Promise.all(workers.map((w) => w.deliverDue()));
    expect(results.reduce((s, r) => s + r.sent, 0)).toBe(pending.length);
    const got = smtp.received.slice(before);
    expect(got.length).toBe(pending.length);
    expect(new Set(got.map((m) => m.parsed.messageId)).size).toBe(pending.length);
  });
});

describe('a slow SMTP server', () => {
  it('does not hold up API requests: the change commits while the mail is still in flight', async () => {
    await clearOutbox();
    const worker = workerFor(smtp.port);
    smtp.hold();
    try {
      await createRequest(requester);
      const sending = worker.deliverDue(); // the worker is now stuck in the SMTP conversation
      await expect.poll(() => smtp.dataStarted, { timeout: 5_000 }).toBeGreaterThan(0);
      // Meanwhile the API answers, and its own notification is already in the outbox.
      const created = await createRequest(requester);
      const [row] = await t.handle.db.select().from(schema.notifications).where(eq(schema.notifications.reference, created.reference));
      expect(row?.status).toBe('pending');
      smtp.release();
      await sending;
    } finally {
      smtp.release();
    }
  });
});

describe('MAIL_ALLOWED_DOMAINS', () => {
  it('lets no mail leave for another domain, however the address is written', async () => {
    await clearOutbox();
    const tricky = [
      'x@evil.example',
      '"x@evil.example"@duidingspool.example',
      'x@evil.example(x)@duidingspool.example',
      'x@duidingspool.example.evil.example',
      'x@evil.example,y@duidingspool.example',
    ];
    const coordinatorRow = (await t.handle.db.select().from(schema.users).where(eq(schema.users.email, 'coordinator@duidingspool.example')))[0];
    const ids: string[] = [];
    for (const [i, email] of tricky.entries()) {
      const [u] = await t.handle.db
        .insert(schema.users)
        .values({ email, displayName: `Tricky ${i}\r\nBcc: leak@evil.example`, passwordHash: coordinatorRow?.passwordHash ?? 'x' })
        .returning({ id: schema.users.id });
      if (u) ids.push(u.id);
    }
    await t.handle.db.insert(schema.userRoles).values(ids.map((userId) => ({ userId, role: 'coordinator' as const })));
    try {
      const before = smtp.received.length;
      await createRequest(requester);
      const worker = workerFor(smtp.port, { config: { mailAllowedDomains: ['duidingspool.example'] } });
      const result = await worker.deliverDue();
      expect(result.failed).toBe(tricky.length);
      const got = smtp.received.slice(before);
      expect(got.length).toBe(result.sent);
      expect(got.length).toBeGreaterThan(0); // the real coordinator still gets theirs
      for (const m of got) {
        for (const rcpt of m.rcptTo) expect(rcpt.endsWith('@duidingspool.example')).toBe(true);
        expect(m.raw).not.toContain('evil.example');
      }
      const failed = await t.handle.db.select().from(schema.notifications).where(inArray(schema.notifications.recipientUserId, ids));
      expect(failed.map((f) => f.status)).toEqual(tricky.map(() => 'failed'));
    } finally {
      await t.handle.db.update(schema.users).set({ isActive: false }).where(inArray(schema.users.id, ids));
    }
  });

  it('sanitises display names: no header injection through a name', async () => {
    await clearOutbox();
    const [u] = await t.handle.db.select().from(schema.users).where(eq(schema.users.email, 'coordinator@duidingspool.example'));
    if (!u) throw new Error('no coordinator');
    await t.handle.db.update(schema.users).set({ displayName: 'Fatima\r\nBcc: leak@evil.example' }).where(eq(schema.users.id, u.id));
    try {
      const before = smtp.received.length;
      await createRequest(requester);
      await workerFor(smtp.port).deliverDue();
      const got = smtp.received.slice(before).filter((m) => m.rcptTo.includes('coordinator@duidingspool.example'));
      expect(got.length).toBe(1);
      const m = got[0] as ReceivedMail;
      expect(m.parsed.headers.has('bcc')).toBe(false);
      expect(m.rcptTo).toEqual(['coordinator@duidingspool.example']);
      const headerBlock = m.raw.slice(0, m.raw.indexOf('\r\n\r\n'));
      expect(headerBlock).not.toMatch(/^Bcc:/im);
    } finally {
      await t.handle.db.update(schema.users).set({ displayName: u.displayName }).where(eq(schema.users.id, u.id));
    }
  });
});

describe('an admin re-sends a failed mail', () => {
  const n = schema.notifications;
  let admin: Caller;
  beforeAll(async () => {
    admin = await t.as('admin');
  });

  /** Writes a request's mails and lets them fail for good, as after SMTP 5xx answers. */
  async function failedMails() {
    await clearOutbox();
    const created = await createRequest(requester);
    const rows = await t.handle.db
      .update(n)
      .set({ status: 'failed', attempts: 10, lastError: 'SMTP 550 bij DATA' })
      .where(eq(n.reference, created.reference))
      .returning();
    expect(rows.length).toBeGreaterThan(0);
    return rows;
  }

  const auditOf = (id: string) =>
    t.handle.db
      .select({ action: schema.auditEvents.action, result: schema.auditEvents.result })
      .from(schema.auditEvents)
      .where(eq(schema.auditEvents.objectId, id));

  it('puts it back in the queue, audited, and the worker delivers it once with its own Message-ID', async () => {
    const [row] = await failedMails();
    if (!row) throw new Error('no row');
    const listed = await admin('GET', '/api/v1/notifications?status=failed');
    expect(listed.body.items.find((i: { id: string }) => i.id === row.id)?.allowedActions).toEqual(['resend']);

    const res = await admin('POST', `/api/v1/notifications/${row.id}/resend`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: row.id, status: 'pending', attempts: 0, lastError: null, messageId: row.messageId, allowedActions: [] });
    expect(await auditOf(row.id)).toEqual([{ action: 'resend-notification', result: 'success' }]);

    const before = smtp.received.length;
    await workerFor(smtp.port).deliverDue();
    const got = smtp.received.slice(before).filter((m) => m.parsed.messageId === row.messageId);
    expect(got.length).toBe(1);

    // Sent now: a second re-send is refused (problem+json), changes nothing, and is audited.
    const again = await admin('POST', `/api/v1/notifications/${row.id}/resend`);
    expect(again.status).toBe(409);
    expect(String(again.headers['content-type'])).toMatch(/^application\/problem\+json/);
    expect(again.body.type).toBe('invalid-transition');
    // The status is named in words, from the shared glossary, not as its code.
    expect(again.body.detail).toContain(STATUS_LABELS.nl.notification.sent);
    expect(again.body.detail).not.toMatch(/\bsent\b/);
    const [after] = await t.handle.db.select().from(n).where(eq(n.id, row.id));
    expect(after?.status).toBe('sent');
    expect(await auditOf(row.id)).toContainEqual({ action: 'resend-notification', result: 'denied' });
  });

  it('refuses an invitation or reset mail (its link was withdrawn) and a mail that did not fail', async () => {
    const [row] = await failedMails();
    if (!row) throw new Error('no row');
    const [admin0] = await t.handle.db.select().from(schema.users).where(eq(schema.users.email, 'admin@duidingspool.example'));
    if (!admin0) throw new Error('no admin');
    const token = await t.handle.db.transaction((tx) =>
      issueAccountToken(tx, {
        userId: admin0.id,
        purpose: 'password-reset',
        createdBy: null,
        mail: { publicUrl: testConfig.publicUrl, encryptionKey: testConfig.encryptionKey },
      }),
    );
    expect(token).toBeTruthy();
    const [reset] = await t.handle.db
      .update(n)
      .set({ status: 'failed', linkTokenEncrypted: null, lastError: 'SMTP 550 bij DATA' })
      .where(and(eq(n.event, 'password-reset'), eq(n.recipientUserId, admin0.id), eq(n.status, 'pending')))
      .returning();
    if (!reset) throw new Error('no reset mail');
    const listed = await admin('GET', '/api/v1/notifications?status=failed&pageSize=100');
    expect(listed.body.items.find((i: { id: string }) => i.id === reset.id)?.allowedActions).toEqual([]);
    const refused = await admin('POST', `/api/v1/notifications/${reset.id}/resend`);
    expect(refused.status).toBe(409);
    expect(refused.body.type).toBe('invalid-transition');
    const [still] = await t.handle.db.select().from(n).where(eq(n.id, reset.id));
    expect(still?.status).toBe('failed');

    await t.handle.db.update(n).set({ status: 'pending' }).where(eq(n.id, row.id));
    expect((await admin('POST', `/api/v1/notifications/${row.id}/resend`)).status).toBe(409);
    expect((await admin('POST', '/api/v1/notifications/00000000-0000-4000-8000-000000000000/resend')).status).toBe(404);
    const bad = await admin('POST', '/api/v1/notifications/not-an-id/resend');
    expect(bad.status).toBe(400);
    expect(bad.body.type).toBe('validation-failed');
  });
});
