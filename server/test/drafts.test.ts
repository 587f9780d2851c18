// Drafts (docs/design.md §4): a draft keeps whatever is filled in (only the casustafel required),
// is edited and deleted by its casustafel's members, is checked in full only on submission, and
// gets its pool reference then; a submitted request is edited only while information is asked.
import { schema } from '@duidingspool/db';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRequest, expectProblem, firstCaseTable, pointers, requestBody } from './fixtures.ts';
import { type Caller, useTestApp } from './harness.ts';

const t = useTestApp();
let requester: Caller;
let otherRequester: Caller;
let coordinator: Caller;

const url = (id: string) => `/api/v1/interpretation-requests/${id}`;

async function requestCount(): Promise<number> {
  const [row] = await t.handle.db.select({ n: sql<number>`count(*)::int` }).from(schema.interpretationRequests);
  return row?.n ?? 0;
}

beforeAll(async () => {
  requester = await t.as('requester.apeldoorn');
  otherRequester = await t.as('requester.hengelo');
  coordinator = await t.as('coordinator');
});

describe('saving a draft', () => {
  it('keeps what is filled in, with only the casustafel, and gives no pool reference', async () => {
    const table = await firstCaseTable(requester);
    const res = await requester('POST', '/api/v1/interpretation-requests', { caseTableId: table.id, question: 'Half af.' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ status: 'draft', reference: null, municipalityId: null, deliverable: null, question: 'Half af.', caseReference: '' });
    // The coordinator does not see drafts.
    expectProblem(await coordinator('GET', url(res.body.id)), 404, 'not-found');
  });

  it('still refuses personal data and a municipality the casustafel does not serve, and writes nothing', async () => {
    const table = await firstCaseTable(requester);
    const before = await requestCount();
    const pd = await requester('POST', '/api/v1/interpretation-requests', { caseTableId: table.id, question: 'Moeder: 06-12345678' });
    expectProblem(pd, 422, 'personal-data-detected');
    expect(pointers(pd)).toEqual(['/question']);
    const other = await firstCaseTable(otherRequester);
    const wrong = await requester('POST', '/api/v1/interpretation-requests', { caseTableId: table.id, municipalityId: other.municipalities.at(-1)?.id });
    expectProblem(wrong, 400, 'validation-failed');
    expect(await requestCount()).toBe(before);
  });

  it('refuses an incomplete request sent at once (submit: true), naming every missing field', async () => {
    const table = await firstCaseTable(requester);
    const before = await requestCount();
    const res = await requester('POST', '/api/v1/interpretation-requests', { caseTableId: table.id, question: 'Alleen een vraag.', submit: true });
    expectProblem(res, 400, 'validation-failed');
    expect(pointers(res)).toEqual(expect.arrayContaining(['/municipalityId', '/caseReference', '/expertiseAreaCodes', '/deliverable']));
    expect(await requestCount()).toBe(before);
  });
});

describe('editing, submitting and deleting a draft', () => {
  it('is checked in full on submission, then gets its reference; after that the fields are fixed (409)', async () => {
    const table = await firstCaseTable(requester);
    const draft = (await requester('POST', '/api/v1/interpretation-requests', { caseTableId: table.id, question: 'Eerste versie.' })).body;
    const early = await requester('PATCH', url(draft.id), { status: 'submitted' });
    expectProblem(early, 400, 'validation-failed');
    expect(pointers(early)).toEqual(expect.arrayContaining(['/municipalityId', '/caseReference', '/expertiseAreaCodes', '/deliverable']));
    const still = (await requester('GET', url(draft.id))).body;
    expect(still).toMatchObject({ status: 'draft', reference: null });

    const full = await requestBody(requester);
    const { caseTableId: _t, submit: _s, ...fields } = full;
    const edited = await requester('PATCH', `${url(draft.id)}/fields`, fields);
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ status: 'draft', reference: null, caseReference: fields.caseReference, question: fields.question });
    expectProblem(await requester('PATCH', `${url(draft.id)}/fields`, { context: 'Mail naar ouder@example.nl' }), 422, 'personal-data-detected');

    const submitted = await requester('PATCH', url(draft.id), { status: 'submitted' });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body.reference).toMatch(/^DP-\d{4}-\d{4}$/);
    expectProblem(await requester('PATCH', `${url(draft.id)}/fields`, { urgency: 'urgent' }), 409, 'invalid-transition');
    expectProblem(await requester('DELETE', url(draft.id)), 409, 'invalid-transition');
  });

  it('is edited and deleted only by its casustafel: another casustafel gets 404', async () => {
    const draft = await createRequest(requester, { submit: false });
    expectProblem(await otherRequester('PATCH', `${url(draft.id)}/fields`, { urgency: 'urgent' }), 404, 'not-found');
    expectProblem(await otherRequester('DELETE', url(draft.id)), 404, 'not-found');
    expect((await requester('DELETE', url(draft.id))).status).toBe(204);
    expectProblem(await requester('GET', url(draft.id)), 404, 'not-found');
    expect(await t.handle.db.select().from(schema.interpretationRequests).where(eq(schema.interpretationRequests.id, draft.id))).toEqual([]);
  });

  it('a request waiting for information is edited but stays complete', async () => {
    const request = await createRequest(requester);
    expect((await coordinator('PATCH', url(request.id), { status: 'needs-information', reason: 'Welke school?' })).status).toBe(200);
    const ok = await requester('PATCH', `${url(request.id)}/fields`, { context: 'Het gaat om het voortgezet onderwijs.' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.context).toBe('Het gaat om het voortgezet onderwijs.');
    expectProblem(await requester('PATCH', `${url(request.id)}/fields`, { question: '' }), 400, 'validation-failed');
    // The answer goes in the thread; the resubmission's timeline event names the fields changed, not their text.
    expect((await requester('POST', `${url(request.id)}/messages`, { body: 'Zie de aangevulde context.' })).status).toBe(201);
    expect((await requester('PATCH', `${url(request.id)}/fields`, { urgency: 'urgent' })).status).toBe(200);
    const resubmitted = await requester('PATCH', url(request.id), { status: 'submitted' });
    expect(resubmitted.status, JSON.stringify(resubmitted.body)).toBe(200);
    const last = resubmitted.body.timeline.at(-1);
    expect(last).toMatchObject({ fromStatus: 'needs-information', toStatus: 'submitted', changedFields: ['context', 'urgency'] });
    // Earlier events name no fields.
    expect(resubmitted.body.timeline[0].changedFields).toEqual([]);
  });
});

describe('follow-up requests', () => {
  it('links a follow-up to an earlier request of the same casustafel, both ways; another casustafel’s is refused (400)', async () => {
    const earlier = await createRequest(requester);
    const follow = await requester('POST', '/api/v1/interpretation-requests', { ...(await requestBody(requester)), followUpOfId: earlier.id });
    expect(follow.status, JSON.stringify(follow.body)).toBe(201);
    expect(follow.body.followUpOf).toEqual({ id: earlier.id, reference: earlier.reference });
    expect((await requester('GET', url(earlier.id))).body.followUps).toEqual([{ id: follow.body.id, reference: follow.body.reference }]);

    const foreign = await createRequest(otherRequester);
    const before = await requestCount();
    const refused = await requester('POST', '/api/v1/interpretation-requests', { ...(await requestBody(requester)), followUpOfId: foreign.id });
    expectProblem(refused, 400, 'validation-failed');
    expect(pointers(refused)).toEqual(['/followUpOfId']);
    expect(await requestCount()).toBe(before);
  });
});
