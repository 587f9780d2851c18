// Notifications without an SMTP server: templates carry no case content, preferences
// (immediate, digest, off; security mails always), the working-day digest, triage reminders
// on the Dutch calendar, and the admin outbox with its Mail preview (not in production).

import { schema } from '@duidingspool/db';
import { NOTIFICATION_EVENTS } from '@duidingspool/shared';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { issueAccountToken } from '../src/modules/auth/index.ts';
import { runTriageReminders } from '../src/modules/interpretation-requests/index.ts';
import { type MailInput, renderMail, sampleMailInput } from '../src/modules/notifications/templates.tsx';
import { NotificationWorker } from '../src/modules/notifications/worker.ts';
import { createRequest, expectProblem } from './fixtures.ts';
import { type Caller, testConfig, useTestApp } from './harness.ts';

const t = useTestApp();
const MARK = 'ZZMARKERZZ';

let requester: Caller;
let coordinator: Caller;
let admin: Caller;
let finance: Caller;

beforeAll(async () => {
  [requester, coordinator, admin, finance] = await Promise.all([t.as('requester.ede'), t.as('coordinator'), t.as('admin'), t.as('finance')]);
});

async function clearOutbox() {
  await t.handle.db.update(schema.notifications).set({ status: 'sent' }).where(sql`status <> 'sent'`);
}

const userId = async (local: string) => {
  const [u] = await t.handle.db
    .select({ id: schema.users.id })
    .from(schema.users)
    .where(eq(schema.users.email, `${local}@duidingspool.example`));
  if (!u) throw new Error(local);
  return u.id;
};

describe('templates', () => {
  it('render every event in Dutch and English, HTML and text, with no case content even when case fields are handed in', async () => {
    for (const event of NOTIFICATION_EVENTS) {
      for (const language of ['nl', 'en'] as const) {
        // Case fields full of marker text, as a careless caller might pass a whole request along.
        const input = {
          ...sampleMailInput(event, language, testConfig.publicUrl),
          caseReference: MARK,
          question: MARK,
          context: MARK,
          advice: { summary: MARK, body: MARK },
          description: MARK,
          reason: MARK,
        } as MailInput;
        const mail = await renderMail(input);
        for (const part of [mail.subject, mail.html, mail.text]) expect(part, `${event} ${language}`).not.toContain(MARK);
        expect(mail.subject).not.toMatch(/[\r\n]/);
        expect(mail.html).toContain(`lang="${language}"`);
        expect(mail.html).toContain('<h1');
        expect(mail.text).toContain(testConfig.publicUrl);
        if (input.reference) {
          expect(mail.subject).toContain(input.reference);
          expect(mail.text).toContain(input.reference);
        }
      }
    }
  });

  it('read as expected in each language', async () => {
    const nl = await renderMail(sampleMailInput('triage-reminder', 'nl', testConfig.publicUrl));
    expect(nl.subject).toBe('[Duidingspool] Herinnering: DP-2019-0007 wacht op triage');
    expect(nl.text).toContain('wacht langer dan één werkdag op triage');
    const en = await renderMail(sampleMailInput('budget-threshold-crossed', 'en', testConfig.publicUrl));
    expect(en.subject).toBe('[Duidingspool] Budget 2019: 75% in use');
  });
});

describe('preferences', () => {
  it('lists the events of the user’s roles, immediate by default (logged hours: off), and stores changes', async () => {
    const mine = await coordinator('GET', '/api/v1/me/notification-preferences');
    expect(mine.status).toBe(200);
    const events = mine.body.items.map((i: { event: string }) => i.event);
    expect(events).toEqual(expect.arrayContaining(['request-submitted', 'triage-reminder', 'assignment-declined', 'budget-threshold-crossed']));
    expect(events).not.toContain('invitation');
    expect(events).not.toContain('advice-delivered');
    expect(mine.body.items.filter((i: { event: string }) => i.event !== 'time-entry-submitted').every((i: { mode: string }) => i.mode === 'immediate')).toBe(
      true,
    );
    expect(mine.body.items).toContainEqual({ event: 'time-entry-submitted', mode: 'off' });

    const put = await finance('PUT', '/api/v1/me/notification-preferences', { items: [{ event: 'budget-threshold-crossed', mode: 'digest' }] });
    expect(put.status).toBe(200);
    expect(put.body.items).toEqual([{ event: 'budget-threshold-crossed', mode: 'digest' }]);
    await finance('PUT', '/api/v1/me/notification-preferences', { items: [{ event: 'budget-threshold-crossed', mode: 'immediate' }] });
  });

  it('refuses a preference for security mails or for events the user does not receive', async () => {
    const sec = await requester('PUT', '/api/v1/me/notification-preferences', { items: [{ event: 'password-reset', mode: 'off' }] });
    expectProblem(sec, 400, 'validation-failed');
    expect(sec.body.errors[0].pointer).toBe('/items/0/event');
    expectProblem(
      await requester('PUT', '/api/v1/me/notification-preferences', { items: [{ event: 'request-submitted', mode: 'off' }] }),
      400,
      'validation-failed',
    );
    expectProblem(
      await requester('PUT', '/api/v1/me/notification-preferences', { items: [{ event: 'advice-delivered', mode: 'sometimes' }] }),
      400,
      'validation-failed',
    );
  });

  it('off writes nothing, digest parks the row, security mails ignore preferences', async () => {
    await clearOutbox();
    expect((await coordinator('PUT', '/api/v1/me/notification-preferences', { items: [{ event: 'request-submitted', mode: 'off' }] })).status).toBe(200);
    const coordinatorId = await userId('coordinator');
    await createRequest(requester);
    let rows = await t.handle.db
      .select()
      .from(schema.notifications)
      .where(and(eq(schema.notifications.recipientUserId, coordinatorId), sql`status <> 'sent'`));
    expect(rows).toEqual([]);

    await coordinator('PUT', '/api/v1/me/notification-preferences', { items: [{ event: 'request-submitted', mode: 'digest' }] });
    await createRequest(requester);
    rows = await t.handle.db
      .select()
      .from(schema.notifications)
      .where(and(eq(schema.notifications.recipientUserId, coordinatorId), sql`status <> 'sent'`));
    expect(rows.map((r) => r.status)).toEqual(['digest']);

    // A security mail to a user who turned everything off still goes out at once.
    await t.handle.db.insert(schema.notificationPreferences).values({ userId: coordinatorId, event: 'password-reset', mode: 'off' }).onConflictDoNothing();
    await t.handle.db.transaction((tx) =>
      issueAccountToken(tx, {
        userId: coordinatorId,
        purpose: 'password-reset',
        createdBy: null,
        mail: { publicUrl: testConfig.publicUrl, encryptionKey: testConfig.encryptionKey },
      }),
    );
    const [reset] = await t.handle.db
      .select()
      .from(schema.notifications)
      .where(and(eq(schema.notifications.recipientUserId, coordinatorId), eq(schema.notifications.event, 'password-reset')));
    expect(reset?.status).toBe('pending');
    await coordinator('PUT', '/api/v1/me/notification-preferences', { items: [{ event: 'request-submitted', mode: 'immediate' }] });
  });
});

describe('daily digest', () => {
  it('gathers parked rows into one mail per user at the start of the next working day (08:30)', async () => {
    await clearOutbox();
    const coordinatorId = await userId('coordinator');
    await coordinator('PUT', '/api/v1/me/notification-preferences', { items: [{ event: 'request-submitted', mode: 'digest' }] });
    const a = await createRequest(requester);
    const b = await createRequest(requester);
    await coordinator('PUT', '/api/v1/me/notification-preferences', { items: [{ event: 'request-submitted', mode: 'immediate' }] });
    const parked = await t.handle.db
      .select()
      .from(schema.notifications)
      .where(and(eq(schema.notifications.recipientUserId, coordinatorId), eq(schema.notifications.status, 'digest')));
    expect(parked.length).toBe(2);
    const due = parked[0]?.nextAttemptAt as Date;
    // Due at the start of the working day, 08:30 Europe/Amsterdam.
    expect(new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit' }).format(due)).toBe('08:30');

    const before = new NotificationWorker({ db: t.handle.db, config: testConfig, transport: null, now: () => new Date(due.getTime() - 1000) });
    expect(await before.runDigests()).toBe(0);
    const at = new NotificationWorker({ db: t.handle.db, config: testConfig, transport: null, now: () => due });
    expect(await at.runDigests()).toBe(1);
    expect(await at.runDigests()).toBe(0);
    const [digest] = await t.handle.db
      .select()
      .from(schema.notifications)
      .where(
        and(eq(schema.notifications.recipientUserId, coordinatorId), eq(schema.notifications.event, 'digest'), eq(schema.notifications.status, 'pending')),
      );
    if (!digest) throw new Error('no digest');
    const carried = await t.handle.db.select().from(schema.notifications).where(eq(schema.notifications.digestId, digest.id));
    expect(carried.map((c) => c.status)).toEqual(['digested', 'digested']);
    const preview = await admin('GET', `/api/v1/notifications/${digest.id}/preview`);
    expect(preview.status).toBe(200);
    expect(preview.body.subject).toBe('[Duidingspool] Dagoverzicht Duidingspool: 2 meldingen');
    expect(preview.body.text).toContain(a.reference);
    expect(preview.body.text).toContain(b.reference);
    expect(preview.body.text).toContain(`${testConfig.publicUrl}/requests/${a.id}`);
  });
});

describe('triage reminders', () => {
  it('remind coordinators after 2 working days (urgent: 1), once per submission', async () => {
    await clearOutbox();
    const regular = await createRequest(requester, { urgency: 'regular' });
    const urgent = await createRequest(requester, { urgency: 'urgent' });
    // Both submitted on Tuesday 24 December 2019, 10:00 Amsterdam; Christmas days are holidays.
    const submittedAt = new Date('2019-12-24T09:00:00Z');
    await t.handle.db
      .update(schema.requestStatusEvents)
      .set({ occurredAt: submittedAt })
      .where(inArray(schema.requestStatusEvents.requestId, [regular.id, urgent.id]));
    const at = (iso: string) => ({ runReminders: () => runTriageReminders(t.handle.db, { ...testConfig, now: () => new Date(iso) }) });
    const reminders = async () =>
      t.handle.db
        .select({ reference: schema.notifications.reference })
        .from(schema.notifications)
        .where(and(eq(schema.notifications.event, 'triage-reminder'), inArray(schema.notifications.reference, [regular.reference, urgent.reference])));

    await at('2019-12-27T08:59:00Z').runReminders(); // Friday 09:59: not yet a working day later
    expect(await reminders()).toEqual([]);
    await at('2019-12-27T09:00:00Z').runReminders(); // Friday 10:00: urgent is due
    expect((await reminders()).map((r) => r.reference)).toEqual(expect.arrayContaining([urgent.reference]));
    expect((await reminders()).map((r) => r.reference)).not.toContain(regular.reference);
    await at('2019-12-30T08:59:00Z').runReminders(); // Monday 09:59
    expect((await reminders()).map((r) => r.reference)).not.toContain(regular.reference);
    const coordinators = await t.handle.db.select().from(schema.userRoles).where(eq(schema.userRoles.role, 'coordinator'));
    await at('2019-12-30T09:00:00Z').runReminders(); // Monday 10:00: regular is due
    await at('2019-12-31T09:00:00Z').runReminders(); // and again later: nothing new
    const all = await reminders();
    expect(all.filter((r) => r.reference === regular.reference).length).toBe(coordinators.length);
    expect(all.filter((r) => r.reference === urgent.reference).length).toBe(coordinators.length);
  });

  it('count from the start of the next working day when a request is submitted outside working hours', async () => {
    await clearOutbox();
    const friday = await createRequest(requester, { urgency: 'regular' });
    const saturday = await createRequest(requester, { urgency: 'regular' });
    const submitted = async (id: string, at: string) =>
      t.handle.db
        .update(schema.requestStatusEvents)
        .set({ occurredAt: new Date(at) })
        .where(eq(schema.requestStatusEvents.requestId, id));
    await submitted(friday.id, '2019-11-29T15:32:00Z'); // Friday 16:32 Amsterdam
    await submitted(saturday.id, '2019-11-30T13:32:00Z'); // Saturday 14:32: counts from Monday 08:30
    const at = (iso: string) => ({ runReminders: () => runTriageReminders(t.handle.db, { ...testConfig, now: () => new Date(iso) }) });
    const reminded = async () =>
      (
        await t.handle.db
          .select({ reference: schema.notifications.reference })
          .from(schema.notifications)
          .where(and(eq(schema.notifications.event, 'triage-reminder'), inArray(schema.notifications.reference, [friday.reference, saturday.reference])))
      ).map((r) => r.reference);

    await at('2019-12-03T15:31:59Z').runReminders(); // Tuesday 16:31:59
    expect(await reminded()).toEqual([]);
    await at('2019-12-03T15:32:00Z').runReminders(); // Tuesday 16:32: the Friday request, not the Saturday one
    expect(new Set(await reminded())).toEqual(new Set([friday.reference]));
    await at('2019-12-04T07:29:59Z').runReminders(); // Wednesday 08:29:59
    expect(await reminded()).not.toContain(saturday.reference);
    await at('2019-12-04T07:30:00Z').runReminders(); // Wednesday 08:30: two working days after Monday 08:30
    expect(await reminded()).toContain(saturday.reference);
  });

  it('are not sent for a request that was triaged in time', async () => {
    await clearOutbox();
    const r = await createRequest(requester, { urgency: 'urgent' });
    expect(
      (await coordinator('PATCH', `/api/v1/interpretation-requests/${r.id}`, { status: 'declined', reason: 'Buiten het werkveld van de pool' })).status,
    ).toBe(200);
    await runTriageReminders(t.handle.db, { ...testConfig, now: () => new Date(Date.now() + 30 * 86_400_000) });
    const rows = await t.handle.db
      .select()
      .from(schema.notifications)
      .where(and(eq(schema.notifications.event, 'triage-reminder'), eq(schema.notifications.reference, r.reference)));
    expect(rows).toEqual([]);
  });
});

describe('admin outbox and Mail preview', () => {
  it('shows the outbox (embedded default: mails stay there) and renders each mail and template', async () => {
    await clearOutbox();
    const r = await createRequest(requester, { question: `${MARK} vraag`, context: `${MARK} context` });
    const list = await admin('GET', '/api/v1/notifications?status=pending');
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ transport: 'outbox', previewAvailable: true });
    const item = list.body.items.find((i: { reference: string }) => i.reference === r.reference);
    expect(item).toMatchObject({ event: 'request-submitted', status: 'pending', attempts: 0 });
    const preview = await admin('GET', `/api/v1/notifications/${item.id}/preview`);
    expect(preview.status).toBe(200);
    expect(preview.body.subject).toBe(`[Duidingspool] Nieuw duidingsverzoek ${r.reference}`);
    expect(JSON.stringify(preview.body)).not.toContain(MARK);
    for (const event of NOTIFICATION_EVENTS) {
      const tpl = await admin('GET', `/api/v1/mail-templates/${event}/preview?language=en`);
      expect(tpl.status, event).toBe(200);
      expect(tpl.body.language).toBe('en');
    }
    expectProblem(await admin('GET', '/api/v1/mail-templates/no-such-event/preview'), 400, 'validation-failed');
  });

  it('is for admins only', async () => {
    for (const caller of [coordinator, finance, requester]) {
      expectProblem(await caller('GET', '/api/v1/notifications'), 403, 'forbidden');
      expectProblem(await caller('GET', '/api/v1/mail-templates/digest/preview'), 403, 'forbidden');
    }
  });

  it('offers no rendered preview in production', async () => {
    const prod = await buildApp({ config: { ...testConfig, nodeEnv: 'production' }, db: t.handle.db });
    try {
      // A session opened outside production: in production a demo admin would first have to set up
      // the second factor. Same signing key and database, so the production app accepts it.
      const { cookie } = await t.as('admin');
      const list = await prod.inject({ method: 'GET', url: '/api/v1/notifications', headers: { cookie } });
      expect(list.statusCode).toBe(200);
      expect(list.json().previewAvailable).toBe(false);
      const id = list.json().items[0]?.id;
      expect((await prod.inject({ method: 'GET', url: `/api/v1/notifications/${id}/preview`, headers: { cookie } })).statusCode).toBe(404);
      expect((await prod.inject({ method: 'GET', url: '/api/v1/mail-templates/digest/preview', headers: { cookie } })).statusCode).toBe(404);
    } finally {
      await prod.close();
    }
  });
});
