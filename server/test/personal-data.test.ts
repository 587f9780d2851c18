// Data minimisation (docs/design.md §6): free text holding a BSN (9 digits passing the 11-test), an
// IBAN, an e-mail address or a phone number is refused with 422 `personal-data-detected`, pointing
// at the offending field, and nothing is written.
import { beforeAll, describe, expect, it } from 'vitest';
import { acceptedAssignment, budget, createRequest, entryBody, expectProblem, pointers, requestBody, specialist } from './fixtures.ts';
import { type Caller, useTestApp } from './harness.ts';

const t = useTestApp();

let requester: Caller;
let coordinator: Caller;
let worker: Caller;

beforeAll(async () => {
  [requester, coordinator, worker] = await Promise.all([t.as('requester.ede'), t.as('coordinator'), t.as('specialist1')]);
});

/** Texts the server must refuse, by kind. */
const REFUSED: [string, string][] = [
  ['BSN passing the 11-test', 'Betrokkene heeft BSN 111222333 volgens de school.'],
  ['BSN with dots', 'bsn 111.222.333'],
  ['BSN with spaces', 'nummer 111 222 333 genoemd'],
  ['BSN at the start', '111222333'],
  ['IBAN', 'Geld ging naar NL91ABNA0417164300.'],
  ['IBAN with spaces', 'rekening NL91 ABNA 0417 1643 00'],
  ['IBAN in lower case', 'rekening nl91abna0417164300'],
  ['e-mail address', 'Contact via jan.jansen@example.nl graag.'],
  ['e-mail address in capitals', 'MAIL: A.B@VOORBEELD.NL'],
  ['mobile number 06-12345678', 'Bel moeder op 06-12345678.'],
  ['mobile number without separator', 'tel 0612345678'],
  ['international number +31 20 123 4567', 'Vader: +31 20 123 4567'],
  ['international mobile +31612345678', 'whatsapp +31612345678'],
  ['number with 0031', 'bellen naar 0031 6 12345678'],
  ['landline 020-1234567', 'school 020-1234567'],
];

/** Texts that look a little like personal data but are not, and must pass. */
const ACCEPTED: [string, string][] = [
  ['9 digits failing the 11-test', 'Dossiernummer 123456789 bij de politie.'],
  ['a pool reference', 'Vervolg op DP-2019-0007.'],
  ['an amount', 'Het budget is EUR 125.000,00.'],
  ['an @ without address', 'Gebruikersnaam @betrokkene op sociale media.'],
  ['8 digits', 'Zaaknummer 12345678.'],
  ['a year range', 'Signalen in 2019-2021.'],
];

async function totals() {
  return {
    mine: (await requester('GET', '/api/v1/interpretation-requests?pageSize=1')).body.total as number,
    all: (await coordinator('GET', '/api/v1/interpretation-requests?pageSize=1')).body.total as number,
  };
}

describe('interpretation requests', () => {
  it.each(REFUSED)('refuses a question with a %s, pointing at /question, and writes nothing', async (_kind, text) => {
    const before = await totals();
    const res = await requester('POST', '/api/v1/interpretation-requests', await requestBody(requester, { question: text }));
    expectProblem(res, 422, 'personal-data-detected');
    expect(pointers(res)).toEqual(['/question']);
    expect(res.body.errors[0]).toMatchObject({ in: 'body', message: expect.any(String) });
    // The refusal does not echo the personal data back.
    expect(JSON.stringify(res.body)).not.toContain(text);
    expect(await totals()).toEqual(before);
  });

  it.each(ACCEPTED)('accepts a question with %s', async (_kind, text) => {
    const before = await totals();
    const res = await requester('POST', '/api/v1/interpretation-requests', await requestBody(requester, { question: text }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.question).toBe(text);
    expect(await totals()).toEqual({ mine: before.mine + 1, all: before.all + 1 });
  });

  it.each([
    ['context', 'Moeder is bereikbaar op 06-12345678.'],
    ['caseReference', 'BSN111222333'],
    ['caseReference', 'a@b.nl'],
  ])('refuses personal data in /%s', async (field, text) => {
    const before = await totals();
    const res = await requester('POST', '/api/v1/interpretation-requests', await requestBody(requester, { [field]: text }));
    expectProblem(res, 422, 'personal-data-detected');
    expect(pointers(res)).toEqual([`/${field}`]);
    expect(await totals()).toEqual(before);
  });

  it('names every offending field at once', async () => {
    const before = await totals();
    const res = await requester(
      'POST',
      '/api/v1/interpretation-requests',
      await requestBody(requester, { question: 'BSN 111222333', context: 'IBAN NL91ABNA0417164300 en 06-12345678', caseReference: 'x@y.nl' }),
    );
    expectProblem(res, 422, 'personal-data-detected');
    expect(pointers(res).sort()).toEqual(['/caseReference', '/context', '/question']);
    expect(await totals()).toEqual(before);
  });

  it('refuses a draft with personal data as well', async () => {
    const before = await totals();
    const res = await requester('POST', '/api/v1/interpretation-requests', await requestBody(requester, { submit: false, question: 'mail a@b.nl' }));
    expectProblem(res, 422, 'personal-data-detected');
    expect(await totals()).toEqual(before);
  });

  it('refuses personal data in the reason of a status change, and the status stays', async () => {
    const request = await createRequest(requester);
    const res = await requester('PATCH', `/api/v1/interpretation-requests/${request.id}`, { status: 'withdrawn', reason: 'Ouders belden: 06-12345678' });
    expectProblem(res, 422, 'personal-data-detected');
    expect(pointers(res)).toEqual(['/reason']);
    const detail = await requester('GET', `/api/v1/interpretation-requests/${request.id}`);
    expect(detail.body.status).toBe('submitted');
    expect(detail.body.timeline).toHaveLength(1);
  });
});

describe('time entries, assignments and advice', () => {
  let assignmentId: string;
  let requestId: string;

  beforeAll(async () => {
    const { assignment, request } = await acceptedAssignment(requester, coordinator, worker, 1, 600);
    assignmentId = assignment.id;
    requestId = request.id;
  });

  async function state() {
    return {
      budget: await budget(coordinator),
      entries: (await coordinator('GET', '/api/v1/time-entries?pageSize=1')).body.total as number,
      assignment: (await coordinator('GET', `/api/v1/assignments/${assignmentId}`)).body,
      request: (await coordinator('GET', `/api/v1/interpretation-requests/${requestId}`)).body,
    };
  }

  it.each(REFUSED)('refuses a time-entry description with a %s', async (_kind, text) => {
    const before = await state();
    const res = await worker('POST', `/api/v1/assignments/${assignmentId}/time-entries`, entryBody({ description: text }));
    expectProblem(res, 422, 'personal-data-detected');
    expect(pointers(res)).toEqual(['/description']);
    expect(await state()).toEqual(before);
  });

  it('accepts a description with 9 digits failing the 11-test', async () => {
    const before = await state();
    const res = await worker(
      'POST',
      `/api/v1/assignments/${assignmentId}/time-entries`,
      entryBody({ minutes: 5, description: 'Proces-verbaal 123456789 gelezen' }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect((await state()).entries).toBe(before.entries + 1);
  });

  it('refuses personal data in the reason of a rejected entry, and the entry stays submitted', async () => {
    const entry = await worker('POST', `/api/v1/assignments/${assignmentId}/time-entries`, entryBody({ minutes: 10 }));
    expect(entry.status).toBe(201);
    const before = await state();
    const res = await coordinator('PATCH', `/api/v1/time-entries/${entry.body.id}`, { status: 'rejected', reason: 'Zie mail van a.b@example.nl' });
    expectProblem(res, 422, 'personal-data-detected');
    expect(pointers(res)).toEqual(['/reason']);
    expect(await state()).toEqual(before);
  });

  it('refuses personal data in the reason of a declined assignment, and the assignment stays proposed', async () => {
    const request = await createRequest(requester);
    const sp = await specialist(coordinator, 1);
    const proposed = await coordinator('POST', `/api/v1/interpretation-requests/${request.id}/assignments`, {
      specialistId: sp.id,
      estimatedMinutes: 60,
      overrideReason: 'Vaste keuze van de test',
    });
    expect(proposed.status).toBe(201);
    const before = await budget(coordinator);
    const res = await worker('PATCH', `/api/v1/assignments/${proposed.body.id}`, { status: 'declined', reason: 'Ik ken de familie, bel 06-12345678' });
    expectProblem(res, 422, 'personal-data-detected');
    expect(pointers(res)).toEqual(['/reason']);
    expect((await coordinator('GET', `/api/v1/assignments/${proposed.body.id}`)).body.status).toBe('proposed');
    expect(await budget(coordinator)).toEqual(before);
  });

  it.each([
    ['summary', { summary: 'Kern: BSN 111222333', body: 'Duiding' }],
    ['body', { summary: 'Kern', body: 'Vader (06-12345678) werkt mee.' }],
    ['body', { summary: 'Kern', body: 'Donaties naar NL91ABNA0417164300.' }],
  ])('refuses advice with personal data in /%s; the request stays in progress without advice', async (field, advice) => {
    const before = await state();
    const res = await worker('POST', `/api/v1/interpretation-requests/${requestId}/advice`, advice);
    expectProblem(res, 422, 'personal-data-detected');
    expect(pointers(res)).toEqual([`/${field}`]);
    const after = await state();
    expect(after).toEqual(before);
    expect(after.request.status).toBe('in-progress');
    expect(after.request.advice).toBeNull();
  });

  it('accepts clean advice afterwards', async () => {
    const res = await worker('POST', `/api/v1/interpretation-requests/${requestId}/advice`, {
      summary: 'Kern',
      body: 'Zaak 123456789: geen aanwijzingen voor geweld.',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect((await requester('GET', `/api/v1/interpretation-requests/${requestId}`)).body.status).toBe('advice-delivered');
  });
});
