// Reopening a request for more work after the advice (docs/design.md §4, decision 113): a member of
// the casustafel, with a reason, back to in-progress with the same specialist, whose accepted
// assignment takes hours again; more hours through the normal reservation rules; the next advice is
// a new version; the specialist hears only that the reference was reopened; the advice clock starts
// again from the reopening.
import { schema } from '@duidingspool/db';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { runServiceLevelEscalations } from '../src/modules/interpretation-requests/index.ts';
import { renderMail } from '../src/modules/notifications/templates.tsx';
import { acceptedAssignment, budget, entryBody, expectProblem, pointers } from './fixtures.ts';
import { type Caller, testConfig, useTestApp } from './harness.ts';

const t = useTestApp();
let requester: Caller;
let other: Caller;
let coordinator: Caller;
let worker: Caller;

const REASON = 'De tafel wil ook de rol van het gezin uitgewerkt zien (kompasnaald).';

/** A request with 60 estimated minutes whose advice specialist4 delivered; ids and url. */
async function delivered() {
  const made = await acceptedAssignment(requester, coordinator, worker, 4, 60);
  const url = `/api/v1/interpretation-requests/${made.request.id}`;
  const advice = await worker('POST', `${url}/advice`, { summary: 'Eerste kern', body: 'Eerste advies.' });
  expect(advice.status, JSON.stringify(advice.body)).toBe(201);
  expect(advice.body.version).toBe(1);
  return { ...made, url };
}

beforeAll(async () => {
  [requester, other, coordinator, worker] = await Promise.all([t.as('requester.nijmegen'), t.as('requester.arnhem'), t.as('coordinator'), t.as('specialist4')]);
});

describe('reopening after the advice', () => {
  it('is offered to the casustafel only, and puts the request back in progress with the same specialist and the reason on the timeline', async () => {
    const { url, assignment } = await delivered();
    expect((await requester('GET', url)).body.allowedActions).toContain('reopen');
    for (const who of [coordinator, worker]) expect((await who('GET', url)).body.allowedActions).not.toContain('reopen');

    const res = await requester('POST', `${url}/reopen`, { reason: REASON });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.status).toBe('in-progress');
    expect(res.body.allowedActions).not.toContain('reopen');
    expect(res.body.timeline.at(-1)).toMatchObject({ fromStatus: 'advice-delivered', toStatus: 'in-progress', actorRole: 'requester', reason: REASON });
    // The same assignment, still accepted and open.
    const mine = (await worker('GET', `/api/v1/assignments/${assignment.id}`)).body;
    expect(mine).toMatchObject({ status: 'accepted', closedAt: null });
    expect(mine.allowedActions).toEqual(expect.arrayContaining(['log-time', 'request-extension', 'deliver-advice']));
    // The delivered advice stays readable while the work goes on.
    expect((await requester('GET', url)).body.advice).toMatchObject({ version: 1, summary: 'Eerste kern' });

    const [event] = await t.handle.db
      .select()
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.action, 'reopen'), eq(schema.auditEvents.objectId, res.body.id)));
    expect(event).toMatchObject({ objectType: 'interpretation-request', result: 'success' });
    expect(JSON.stringify(event?.details)).not.toContain('kompasnaald');
  });

  it('lets the specialist log hours again, more hours only through an extension that reserves budget, and delivers the next version', async () => {
    const { url, assignment } = await delivered();
    const entries = `/api/v1/assignments/${assignment.id}/time-entries`;
    expect((await worker('POST', entries, entryBody({ minutes: 45 }))).status).toBe(201);
    expect((await requester('POST', `${url}/reopen`, { reason: REASON })).status).toBe(200);
    // 15 of the 60 estimated minutes are left: they can be logged, more cannot until the estimate grows.
    expect((await worker('POST', entries, entryBody({ minutes: 15 }))).status).toBe(201);
    expectProblem(await worker('POST', entries, entryBody({ minutes: 30 })), 409, 'estimate-exceeded');
    const before = await budget(coordinator);
    const extension = await worker('POST', `/api/v1/assignments/${assignment.id}/extension-requests`, {
      extraMinutes: 120,
      reason: 'Het gezin erbij betrekken.',
    });
    expect(extension.status, JSON.stringify(extension.body)).toBe(201);
    const granted = await coordinator('PATCH', `/api/v1/extension-requests/${extension.body.id}`, { status: 'granted' });
    expect(granted.status, JSON.stringify(granted.body)).toBe(200);
    const after = await budget(coordinator);
    // 120 minutes at the assignment's rate are reserved out of what is available (docs/design.md §5).
    const extra = Math.round((120 * assignment.rateCents) / 60);
    expect(after.reservedCents - before.reservedCents).toBe(extra);
    expect(before.availableCents - after.availableCents).toBe(extra);
    expect((await worker('POST', entries, entryBody({ minutes: 30 }))).status).toBe(201);

    // The draft takes the new text again, and the delivery is version 2; version 1 stays readable.
    const draft = await worker('GET', `${url}/advice-draft`);
    expect(draft.status).toBe(200);
    expect((await worker('PUT', `${url}/advice-draft`, { summary: 'Tweede kern', body: 'Aangevuld advies.', version: draft.body.version })).status).toBe(200);
    const second = await worker('POST', `${url}/advice`, { summary: 'Tweede kern', body: 'Aangevuld advies.' });
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    expect(second.body.version).toBe(2);
    const seen = (await requester('GET', url)).body;
    expect(seen.status).toBe('advice-delivered');
    expect(seen.advice).toMatchObject({ version: 2, summary: 'Tweede kern' });
    expect(seen.earlierAdvice).toEqual([expect.objectContaining({ version: 1, summary: 'Eerste kern' })]);
    // And it can be reopened again, or closed.
    expect(seen.allowedActions).toContain('reopen');
    expect((await requester('PATCH', url, { status: 'closed' })).status).toBe(200);
  });

  it('restarts the advice clock from the reopening', async () => {
    const { url } = await delivered();
    expect((await requester('GET', `${url}/clocks`)).body.items).toEqual([]);
    const res = await requester('POST', `${url}/reopen`, { reason: REASON });
    const reopenedAt = res.body.timeline.at(-1).occurredAt;
    const clocks = (await requester('GET', `${url}/clocks`)).body.items;
    expect(clocks).toEqual([expect.objectContaining({ kind: 'advice', startedAt: reopenedAt })]);
  });

  it('escalates the new advice clock once more when it runs out, not at the reopening', async () => {
    const made = await acceptedAssignment(requester, coordinator, worker, 4, 60);
    const url = `/api/v1/interpretation-requests/${made.request.id}`;
    const n = schema.notifications;
    const escalations = async () =>
      (
        await t.handle.db
          .select({ key: n.dedupeKey })
          .from(n)
          .where(and(eq(n.event, 'service-level-overdue'), eq(n.reference, made.request.reference)))
      ).length;
    // Five weeks on, the first advice clock (ten working days after acceptance) has run out.
    const later = () => new Date(Date.now() + 35 * 86_400_000);
    await runServiceLevelEscalations(t.handle.db, { ...testConfig, now: later });
    const first = await escalations();
    expect(first).toBeGreaterThan(0);
    expect((await worker('POST', `${url}/advice`, { summary: 'Kern', body: 'Advies.' })).status).toBe(201);
    expect((await requester('POST', `${url}/reopen`, { reason: REASON })).status).toBe(200);
    // Reopened just now: its clock is not overdue, whatever the first one did.
    await runServiceLevelEscalations(t.handle.db, { ...testConfig, now: () => new Date() });
    expect(await escalations()).toBe(first);
    // Five weeks after the reopening it has run out too: one more round, then nothing again.
    await runServiceLevelEscalations(t.handle.db, { ...testConfig, now: later });
    expect(await escalations()).toBe(2 * first);
    expect(await runServiceLevelEscalations(t.handle.db, { ...testConfig, now: later })).toBe(0);
  });

  it('tells only the specialist, by reference and link, without the reason', async () => {
    const { url, request } = await delivered();
    expect((await requester('POST', `${url}/reopen`, { reason: REASON })).status).toBe(200);
    const n = schema.notifications;
    const rows = await t.handle.db
      .select()
      .from(n)
      .where(and(eq(n.event, 'request-reopened'), eq(n.reference, request.reference)));
    expect(rows.map((r) => r.recipientEmail)).toEqual(['specialist4@duidingspool.example']);
    expect(rows[0]?.linkPath).toBe(`/requests/${request.id}`);
    expect(JSON.stringify(rows)).not.toContain('kompasnaald');
    for (const language of ['nl', 'en'] as const) {
      const mail = await renderMail({
        event: 'request-reopened',
        language,
        reference: request.reference,
        link: `${testConfig.publicUrl}${rows[0]?.linkPath}`,
        recipientName: 'Specialist',
        params: {},
      });
      expect(mail.subject).toBe(`[Duidingspool] ${request.reference} ${language === 'nl' ? 'is heropend' : 'has been reopened'}`);
      for (const part of [mail.subject, mail.html, mail.text]) expect(part).not.toContain('kompasnaald');
      expect(mail.text).toContain(`${testConfig.publicUrl}/requests/${request.id}`);
    }
  });

  it('is refused from another casustafel (404), without a reason (400), from other states (409), to other roles (403) and with personal data (422)', async () => {
    const { url } = await delivered();
    expectProblem(await other('POST', `${url}/reopen`, { reason: REASON }), 404, 'not-found');
    const missing = await requester('POST', `${url}/reopen`, {});
    expectProblem(missing, 400, 'validation-failed');
    expect(pointers(missing)).toEqual(['/reason']);
    expect(pointers(await requester('POST', `${url}/reopen`, { reason: '   ' }))).toEqual(['/reason']);
    expectProblem(await coordinator('POST', `${url}/reopen`, { reason: REASON }), 403, 'forbidden');
    expectProblem(await worker('POST', `${url}/reopen`, { reason: REASON }), 403, 'forbidden');
    expectProblem(await requester('POST', `${url}/reopen`, { reason: 'Bel 06-12345678 voor meer.' }), 422, 'personal-data-detected');
    // Nothing was written by the refusals.
    expect((await requester('GET', url)).body.status).toBe('advice-delivered');

    // In progress: 409. Closed stays closed: 409.
    const { request: working } = await acceptedAssignment(requester, coordinator, worker, 4, 60);
    expectProblem(await requester('POST', `/api/v1/interpretation-requests/${working.id}/reopen`, { reason: REASON }), 409, 'invalid-transition');
    expect((await requester('PATCH', url, { status: 'closed' })).status).toBe(200);
    expectProblem(await requester('POST', `${url}/reopen`, { reason: REASON }), 409, 'invalid-transition');
    expect((await requester('GET', url)).body.allowedActions).not.toContain('reopen');
  });
});
