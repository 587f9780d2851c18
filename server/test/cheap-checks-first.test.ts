// Cheap checks first (docs/design.md §6, docs/security.md "What one request may cost"): existence,
// permission and state are decided before the personal-data guard reads a body. The proof is the
// problem type: every body below would be refused as `personal-data-detected` if the guard ran, so
// an answer of `not-found`, `forbidden`, `invalid-transition` or a field error about the object
// shows that it did not run. The free text is the longest the field allows, in the shape that made
// the old guard backtrack ('a.' repeated), with an e-mail address at the end.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { acceptedAssignment, createRequest, entryBody, expectProblem, pointers, requestBody, specialist, today } from './fixtures.ts';
import { type Caller, useTestApp } from './harness.ts';

const t = useTestApp();

/** `length` characters of 'a.' ending in an e-mail address: refused by the guard wherever it runs. */
const adversarial = (length: number) => `${'a.'.repeat(length).slice(0, length - ' jan@example.nl'.length)} jan@example.nl`;

let requester: Caller;
let otherRequester: Caller;
let coordinator: Caller;
let worker: Caller;
let otherWorker: Caller;

beforeAll(async () => {
  [requester, otherRequester, coordinator, worker, otherWorker] = await Promise.all([
    t.as('requester.ede'),
    t.as('requester.hengelo'),
    t.as('coordinator'),
    t.as('specialist1'),
    t.as('specialist6'),
  ]);
});

describe('the personal-data guard runs after existence, permission and state', () => {
  it('the guard does refuse these bodies where it runs (so the answers below prove its place)', async () => {
    const res = await requester('POST', '/api/v1/interpretation-requests', await requestBody(requester, { question: adversarial(5000) }));
    expectProblem(res, 422, 'personal-data-detected');
    expect(pointers(res)).toEqual(['/question']);
  });

  it('POST /interpretation-requests/{unknown}/advice with 50,000 characters answers 404 at once (the reported request)', async () => {
    const started = performance.now();
    const res = await worker('POST', `/api/v1/interpretation-requests/${randomUUID()}/advice`, { summary: adversarial(2000), body: adversarial(50_000) });
    expectProblem(res, 404, 'not-found');
    // Was 12–50 s. Generous for a shared machine; the guard itself is timed in shared/.
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('advice on a request the specialist may see but has not accepted: 403, not 422', async () => {
    const request = await createRequest(requester);
    const sp = await specialist(coordinator, 1);
    const proposed = await coordinator('POST', `/api/v1/interpretation-requests/${request.id}/assignments`, {
      specialistId: sp.id,
      estimatedMinutes: 60,
      overrideReason: 'Vaste keuze van de test',
    });
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
    // The confirmation of no conflict of interest opens the request to them (decision 103); they have not accepted.
    expect((await worker('POST', `/api/v1/assignments/${proposed.body.id}/no-conflict-confirmation`)).status).toBe(200);
    const res = await worker('POST', `/api/v1/interpretation-requests/${request.id}/advice`, { summary: 'Kern', body: adversarial(50_000) });
    expectProblem(res, 403, 'forbidden');
  });

  it('POST /interpretation-requests for a casustafel the requester is no member of: the casustafel is refused, not the text', async () => {
    const body = await requestBody(otherRequester, { question: adversarial(5000), context: adversarial(10_000), caseReference: 'a@b.nl' });
    const res = await requester('POST', '/api/v1/interpretation-requests', body);
    expectProblem(res, 400, 'validation-failed');
    expect(pointers(res)).toEqual(['/caseTableId']);
  });

  it('PATCH /interpretation-requests/{unknown} with a reason: 404', async () => {
    const res = await requester('PATCH', `/api/v1/interpretation-requests/${randomUUID()}`, { status: 'withdrawn', reason: adversarial(1000) });
    expectProblem(res, 404, 'not-found');
  });

  it("PATCH /interpretation-requests/{another casustafel's} with a reason: 404", async () => {
    const request = await createRequest(requester);
    const res = await otherRequester('PATCH', `/api/v1/interpretation-requests/${request.id}`, { status: 'withdrawn', reason: adversarial(1000) });
    expectProblem(res, 404, 'not-found');
  });

  it('PATCH /interpretation-requests/{id} with a transition the actor may not make: 409, not 422', async () => {
    const request = await createRequest(requester);
    const res = await requester('PATCH', `/api/v1/interpretation-requests/${request.id}`, { status: 'closed', reason: adversarial(1000) });
    expectProblem(res, 409, 'invalid-transition');
  });

  it('POST /assignments/{unknown}/time-entries: 404', async () => {
    const res = await worker('POST', `/api/v1/assignments/${randomUUID()}/time-entries`, entryBody({ description: adversarial(2000) }));
    expectProblem(res, 404, 'not-found');
  });

  describe('on an accepted assignment of specialist1', () => {
    let assignmentId: string;
    let entryId: string;

    beforeAll(async () => {
      ({
        assignment: { id: assignmentId },
      } = await acceptedAssignment(requester, coordinator, worker, 1, 600));
      const entry = await worker('POST', `/api/v1/assignments/${assignmentId}/time-entries`, entryBody({ minutes: 10, workedOn: today() }));
      expect(entry.status, JSON.stringify(entry.body)).toBe(201);
      entryId = entry.body.id;
    });

    it("POST /assignments/{another specialist's}/time-entries: 404", async () => {
      const res = await otherWorker('POST', `/api/v1/assignments/${assignmentId}/time-entries`, entryBody({ description: adversarial(2000) }));
      expectProblem(res, 404, 'not-found');
    });

    it('PATCH /assignments/{id} answered by the coordinator, who is not the proposed specialist: 403', async () => {
      const res = await coordinator('PATCH', `/api/v1/assignments/${assignmentId}`, { status: 'declined', reason: adversarial(1000) });
      expectProblem(res, 403, 'forbidden');
    });

    it('PATCH /assignments/{id} declining an assignment already accepted: 409', async () => {
      const res = await worker('PATCH', `/api/v1/assignments/${assignmentId}`, { status: 'declined', reason: adversarial(1000) });
      expectProblem(res, 409, 'invalid-transition');
    });

    it("POST /assignments/{another specialist's}/extension-requests: 404", async () => {
      const res = await otherWorker('POST', `/api/v1/assignments/${assignmentId}/extension-requests`, { extraMinutes: 60, reason: adversarial(1000) });
      expectProblem(res, 404, 'not-found');
    });

    it('POST /time-entries/{submitted}/corrections (only approved entries are corrected): 409', async () => {
      const res = await coordinator('POST', `/api/v1/time-entries/${entryId}/corrections`, { minutes: -5, reason: adversarial(1000) });
      expectProblem(res, 409, 'invalid-transition');
    });

    it('POST /time-entry-reviews with one unknown entry among them: 404', async () => {
      const res = await coordinator('POST', '/api/v1/time-entry-reviews', { entryIds: [entryId, randomUUID()], status: 'rejected', reason: adversarial(1000) });
      expectProblem(res, 404, 'not-found');
    });
  });

  it('POST /assignments/{unknown}/extension-requests: 404', async () => {
    const res = await worker('POST', `/api/v1/assignments/${randomUUID()}/extension-requests`, { extraMinutes: 60, reason: adversarial(1000) });
    expectProblem(res, 404, 'not-found');
  });

  it('PATCH /extension-requests/{unknown}: 404', async () => {
    const res = await coordinator('PATCH', `/api/v1/extension-requests/${randomUUID()}`, { status: 'refused', reason: adversarial(1000) });
    expectProblem(res, 404, 'not-found');
  });

  it('PATCH /time-entries/{unknown} rejecting with a reason: 404', async () => {
    const res = await coordinator('PATCH', `/api/v1/time-entries/${randomUUID()}`, { status: 'rejected', reason: adversarial(1000) });
    expectProblem(res, 404, 'not-found');
  });

  it('POST /time-entries/{unknown}/corrections: 404', async () => {
    const res = await coordinator('POST', `/api/v1/time-entries/${randomUUID()}/corrections`, { minutes: -5, reason: adversarial(1000) });
    expectProblem(res, 404, 'not-found');
  });

  it('PATCH /accounting-periods/{month} reopening a month that is not closed: 409', async () => {
    const res = await coordinator('PATCH', '/api/v1/accounting-periods/2019-01', { status: 'open', reason: adversarial(1000) });
    expectProblem(res, 409, 'invalid-transition');
  });
});
