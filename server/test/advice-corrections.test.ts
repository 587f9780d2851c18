// A specialist corrects advice already delivered, on their own initiative (docs/design.md §4,
// decision 114): the correction is the advice's next version with a reason; the request stays
// `advice-delivered`; the casustafel reads the new version, the reason and the earlier versions;
// the members hear only that the advice on a reference was corrected; the draft takes the text.
import { schema } from '@duidingspool/db';
import { ADVICE_VERSION_LIMIT } from '@duidingspool/shared';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderMail } from '../src/modules/notifications/templates.tsx';
import { acceptedAssignment, expectProblem, pointers } from './fixtures.ts';
import { type Caller, testConfig, useTestApp } from './harness.ts';

const t = useTestApp();
let requester: Caller;
let other: Caller;
let coordinator: Caller;
let worker: Caller;
let outsider: Caller;

const REASON = 'De datum van het gesprek met de school stond verkeerd (zilverspar).';
/** A correction of the first delivery (version 1). */
const CORRECTION = { summary: 'Gecorrigeerde kern', body: 'Het advies, met de juiste datum.', reason: REASON, basedOnVersion: 1 };

/** A request whose advice (version 1) specialist4 delivered; ids and url. */
async function delivered() {
  const made = await acceptedAssignment(requester, coordinator, worker, 4, 60);
  const url = `/api/v1/interpretation-requests/${made.request.id}`;
  const advice = await worker('POST', `${url}/advice`, { summary: 'Eerste kern', body: 'Eerste advies.' });
  expect(advice.status, JSON.stringify(advice.body)).toBe(201);
  expect(advice.body).toMatchObject({ version: 1, correctionReason: null });
  return { ...made, url };
}

beforeAll(async () => {
  [requester, other, coordinator, worker, outsider] = await Promise.all([
    t.as('requester.nijmegen'),
    t.as('requester.arnhem'),
    t.as('coordinator'),
    t.as('specialist4'),
    t.as('specialist6'),
  ]);
});

describe('correcting delivered advice', () => {
  it('is offered to the holding specialist only, and makes the next version with the reason while the request stays delivered', async () => {
    const { url } = await delivered();
    expect((await worker('GET', url)).body.allowedActions).toContain('correct-advice');
    for (const who of [requester, coordinator]) expect((await who('GET', url)).body.allowedActions).not.toContain('correct-advice');

    const res = await worker('POST', `${url}/advice/corrections`, CORRECTION);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ version: 2, summary: CORRECTION.summary, body: CORRECTION.body, correctionReason: REASON });

    const seen = (await requester('GET', url)).body;
    expect(seen.status).toBe('advice-delivered');
    expect(seen.advice).toMatchObject({ version: 2, correctionReason: REASON });
    expect(seen.earlierAdvice).toEqual([expect.objectContaining({ version: 1, summary: 'Eerste kern', correctionReason: null })]);
    // No status moved: the timeline ends where the delivery left it.
    expect(seen.timeline.at(-1)).toMatchObject({ toStatus: 'advice-delivered' });
    // A second correction is version 3; the request can still be reopened or closed as before.
    expect((await worker('POST', `${url}/advice/corrections`, { ...CORRECTION, summary: 'Derde kern', basedOnVersion: 2 })).body.version).toBe(3);
    expect((await requester('GET', url)).body.allowedActions).toContain('reopen');

    const [event] = await t.handle.db
      .select()
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.action, 'correct-advice'), eq(schema.auditEvents.objectId, seen.id)));
    expect(event).toMatchObject({ objectType: 'interpretation-request', result: 'success', details: { version: 2 } });
    expect(JSON.stringify(event?.details)).not.toContain('zilverspar');
  });

  it('puts the corrected text in the draft, so a reopening starts from it', async () => {
    const { url } = await delivered();
    expect((await worker('POST', `${url}/advice/corrections`, CORRECTION)).status).toBe(201);
    expect((await requester('POST', `${url}/reopen`, { reason: 'Nog een vraag van de tafel.' })).status).toBe(200);
    const draft = await worker('GET', `${url}/advice-draft`);
    expect(draft.body).toMatchObject({ summary: CORRECTION.summary, body: CORRECTION.body });
    expect((await worker('GET', url)).body.allowedActions).not.toContain('correct-advice');
  });

  it('tells the casustafel by reference and link only', async () => {
    const { url, request } = await delivered();
    expect((await worker('POST', `${url}/advice/corrections`, CORRECTION)).status).toBe(201);
    const n = schema.notifications;
    const rows = await t.handle.db
      .select()
      .from(n)
      .where(and(eq(n.event, 'advice-corrected'), eq(n.reference, request.reference)));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.recipientEmail.startsWith('requester.nijmegen'))).toBe(true);
    // A second correction the same day writes no second notice: one per request, recipient and day.
    expect((await worker('POST', `${url}/advice/corrections`, { ...CORRECTION, summary: 'Nog eens', basedOnVersion: 2 })).status).toBe(201);
    const again = await t.handle.db
      .select()
      .from(n)
      .where(and(eq(n.event, 'advice-corrected'), eq(n.reference, request.reference)));
    expect(again.length).toBe(rows.length);
    expect(JSON.stringify(rows)).not.toContain('zilverspar');
    for (const language of ['nl', 'en'] as const) {
      const mail = await renderMail({
        event: 'advice-corrected',
        language,
        reference: request.reference,
        link: `${testConfig.publicUrl}${rows[0]?.linkPath}`,
        recipientName: 'Aanvrager',
        params: {},
      });
      for (const part of [mail.subject, mail.html, mail.text]) {
        expect(part).toContain(request.reference);
        expect(part).not.toContain('zilverspar');
        expect(part).not.toContain('Gecorrigeerde kern');
      }
      expect(mail.text).toContain(`${testConfig.publicUrl}/requests/${request.id}`);
    }
  });

  it('is refused to others (404/403), without a reason (400), before delivery and after closing (409), and with personal data (422), writing nothing', async () => {
    const { url } = await delivered();
    const path = `${url}/advice/corrections`;
    expectProblem(await outsider('POST', path, CORRECTION), 404, 'not-found');
    expectProblem(await other('POST', path, CORRECTION), 403, 'forbidden');
    expectProblem(await requester('POST', path, CORRECTION), 403, 'forbidden');
    expectProblem(await coordinator('POST', path, CORRECTION), 403, 'forbidden');
    const missing = await worker('POST', path, { summary: 'Kern', body: 'Advies.', basedOnVersion: 1 });
    expectProblem(missing, 400, 'validation-failed');
    expect(pointers(missing)).toEqual(['/reason']);
    expect(pointers(await worker('POST', path, { ...CORRECTION, reason: '  ' }))).toEqual(['/reason']);
    expect(pointers(await worker('POST', path, { ...CORRECTION, body: '' }))).toEqual(['/body']);
    expectProblem(await worker('POST', path, { ...CORRECTION, reason: 'Bel 06-12345678.' }), 422, 'personal-data-detected');
    // The same text as delivered is no correction (a double click, a resend): 400 on /body.
    const same = await worker('POST', path, { summary: 'Eerste kern', body: 'Eerste advies.', reason: REASON, basedOnVersion: 1 });
    expectProblem(same, 400, 'validation-failed');
    expect(pointers(same)).toEqual(['/body']);
    // Only spaces and line ends around the same text: no correction either.
    const padded = await worker('POST', path, { summary: 'Eerste kern ', body: '\n Eerste advies.\n', reason: REASON, basedOnVersion: 1 });
    expectProblem(padded, 400, 'validation-failed');
    expect(pointers(padded)).toEqual(['/body']);
    const after = (await requester('GET', url)).body;
    expect(after.advice).toMatchObject({ version: 1 });
    expect(after.earlierAdvice).toEqual([]);

    // In progress (no advice yet): 409. Closed: 409.
    const { request: working } = await acceptedAssignment(requester, coordinator, worker, 4, 60);
    expectProblem(await worker('POST', `/api/v1/interpretation-requests/${working.id}/advice/corrections`, CORRECTION), 409, 'invalid-transition');
    expect((await requester('PATCH', url, { status: 'closed' })).status).toBe(200);
    expectProblem(await worker('POST', path, CORRECTION), 409, 'invalid-transition');
    expect((await worker('GET', url)).body.allowedActions).not.toContain('correct-advice');
  });

  it('takes one of two corrections of the same version and refuses the other (409 conflict), so neither silently replaces the other', async () => {
    const { url } = await delivered();
    const [a, b] = await Promise.all([
      worker('POST', `${url}/advice/corrections`, { ...CORRECTION, summary: 'Kern uit tabblad A' }),
      worker('POST', `${url}/advice/corrections`, { ...CORRECTION, summary: 'Kern uit tabblad B' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const refused = a.status === 409 ? a : b;
    expectProblem(refused, 409, 'conflict');
    expect(pointers(refused)).toEqual(['/basedOnVersion']);
    const seen = (await requester('GET', url)).body;
    expect(seen.advice.version).toBe(2);
    expect(seen.earlierAdvice).toHaveLength(1);
    // Corrected again on the version now shown: taken.
    expect((await worker('POST', `${url}/advice/corrections`, { ...CORRECTION, summary: 'Kern na herlezen', basedOnVersion: 2 })).status).toBe(201);
  });

  it(`stops at ${ADVICE_VERSION_LIMIT} versions of one advice (409), so the request's page stays bounded`, async () => {
    const { url } = await delivered();
    for (let v = 2; v <= ADVICE_VERSION_LIMIT; v++) {
      const res = await worker('POST', `${url}/advice/corrections`, { ...CORRECTION, summary: `Kern ${v}`, basedOnVersion: v - 1 });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.version).toBe(v);
    }
    expectProblem(
      await worker('POST', `${url}/advice/corrections`, { ...CORRECTION, summary: 'Eén te veel', basedOnVersion: ADVICE_VERSION_LIMIT }),
      409,
      'invalid-transition',
    );
    const seen = (await requester('GET', url)).body;
    expect(seen.advice.version).toBe(ADVICE_VERSION_LIMIT);
    expect(seen.earlierAdvice).toHaveLength(ADVICE_VERSION_LIMIT - 1);
    expect((await worker('GET', url)).body.allowedActions).not.toContain('correct-advice');
  });
});
