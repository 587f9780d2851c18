// Bad input changes nothing and never gives a 500: every case below answers 400/404/415
// problem+json (with the offending field in `errors[].pointer` where it is a field error), and the
// budget, the list totals and the objects it aimed at are the same afterwards.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { acceptedAssignment, budget, createRequest, entryBody, expectProblem, firstCaseTable, pointers, requestBody, specialist, today } from './fixtures.ts';
import { type Caller, type CallResult, useTestApp } from './harness.ts';

const t = useTestApp();

let requester: Caller;
let coordinator: Caller;
let worker: Caller;
let body: Record<string, unknown>;
let submittedId: string; // a submitted request to assign
let assignmentId: string; // specialist2's accepted assignment
let entryId: string; // a submitted entry on it
let specialistId: string;
let foreignMunicipalityId: string;

beforeAll(async () => {
  [requester, coordinator, worker] = await Promise.all([t.as('requester.zwolle'), t.as('coordinator'), t.as('specialist2')]);
  body = await requestBody(requester);
  submittedId = (await createRequest(requester)).id;
  const accepted = await acceptedAssignment(requester, coordinator, worker, 2, 600);
  assignmentId = accepted.assignment.id;
  specialistId = accepted.specialist.id;
  const entry = await worker('POST', `/api/v1/assignments/${assignmentId}/time-entries`, entryBody({ minutes: 60 }));
  expect(entry.status).toBe(201);
  entryId = entry.body.id;
  const other = await firstCaseTable(await t.as('requester.arnhem'));
  foreignMunicipalityId = (other.municipalities[0] as { id: string }).id;
});

/** Everything a bad call could have changed. */
async function snapshot() {
  const get = async (url: string) => {
    const res = await coordinator('GET', url);
    expect(res.status).toBe(200);
    return res.body;
  };
  const mine = await requester('GET', '/api/v1/interpretation-requests?pageSize=1');
  const submitted = await get(`/api/v1/interpretation-requests/${submittedId}`);
  return {
    budget: await budget(coordinator),
    requests: (await get('/api/v1/interpretation-requests?pageSize=1')).total,
    requesterRequests: mine.body.total,
    assignments: (await get('/api/v1/assignments?pageSize=1')).total,
    entries: (await get('/api/v1/time-entries?pageSize=1')).total,
    assignment: await get(`/api/v1/assignments/${assignmentId}`),
    entry: (await get(`/api/v1/assignments/${assignmentId}/time-entries`)).items,
    submitted: { status: submitted.status, assignments: submitted.assignments, question: submitted.question, timeline: submitted.timeline.length },
  };
}

const tomorrow = () => {
  const d = new Date(`${today()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

interface Case {
  name: string;
  as: () => Caller;
  method: 'GET' | 'POST' | 'PATCH';
  url: () => string;
  payload?: () => unknown;
  headers?: Record<string, string>;
  status: number | number[];
  type?: string | string[];
  /** The pointer that must be among `errors[].pointer`. */
  pointer?: string;
  in?: 'body' | 'query' | 'path';
}

const R = () => requester;
const C = () => coordinator;
const W = () => worker;
const requests = () => '/api/v1/interpretation-requests';
const assign = () => `/api/v1/interpretation-requests/${submittedId}/assignments`;
const entries = () => `/api/v1/assignments/${assignmentId}/time-entries`;
const assignment = () => `/api/v1/assignments/${assignmentId}`;
const entry = () => `/api/v1/time-entries/${entryId}`;

const cases: Case[] = [
  // Request body: form of the JSON.
  { name: 'malformed JSON', as: R, method: 'POST', url: requests, payload: () => '{"caseTableId": ', status: 400, type: 'validation-failed' },
  { name: 'empty body with a JSON content type', as: R, method: 'POST', url: requests, payload: () => '', status: 400, type: 'validation-failed' },
  { name: 'JSON array instead of an object', as: R, method: 'POST', url: requests, payload: () => '[]', status: 400, type: 'validation-failed' },
  { name: 'JSON null', as: R, method: 'POST', url: requests, payload: () => 'null', status: 400, type: 'validation-failed' },
  {
    name: 'text/plain content type',
    as: R,
    method: 'POST',
    url: requests,
    payload: () => JSON.stringify(body),
    headers: { 'content-type': 'text/plain' },
    status: 415,
    type: 'unsupported-media-type',
  },
  {
    name: 'application/xml content type',
    as: R,
    method: 'POST',
    url: requests,
    payload: () => '<request/>',
    headers: { 'content-type': 'application/xml' },
    status: 415,
    type: 'unsupported-media-type',
  },
  {
    name: '__proto__ key',
    as: R,
    method: 'POST',
    url: requests,
    payload: () => `{"__proto__":{"polluted":true},${JSON.stringify(body).slice(1)}`,
    status: 400,
    type: 'validation-failed',
  },
  {
    name: 'constructor.prototype key',
    as: R,
    method: 'POST',
    url: requests,
    payload: () => JSON.stringify({ ...body, constructor: { prototype: { polluted: true } } }),
    status: 400,
    type: 'validation-failed',
  },
  // Request body: fields.
  {
    name: 'an unknown field',
    as: R,
    method: 'POST',
    url: requests,
    payload: () => ({ ...body, nickname: 'x' }),
    status: 400,
    type: 'validation-failed',
    pointer: '/nickname',
    in: 'body',
  },
  {
    name: 'a missing required field',
    as: R,
    method: 'POST',
    url: requests,
    payload: () => ({ ...body, question: undefined }),
    status: 400,
    type: 'validation-failed',
    pointer: '/question',
    in: 'body',
  },
  {
    name: 'a question of only spaces',
    as: R,
    method: 'POST',
    url: requests,
    payload: () => ({ ...body, question: '   ' }),
    status: 400,
    type: 'validation-failed',
    pointer: '/question',
    in: 'body',
  },
  {
    name: 'a 100,000-character question',
    as: R,
    method: 'POST',
    url: requests,
    payload: () => ({ ...body, question: 'a'.repeat(100_000) }),
    status: 400,
    type: 'validation-failed',
    pointer: '/question',
    in: 'body',
  },
  {
    name: 'a control character in the question',
    as: R,
    method: 'POST',
    url: requests,
    payload: () => ({ ...body, question: 'vraag\u0000' }),
    status: 400,
    type: 'validation-failed',
    pointer: '/question',
    in: 'body',
  },
  {
    name: 'a wrong type',
    as: R,
    method: 'POST',
    url: requests,
    payload: () => ({ ...body, question: 42 }),
    status: 400,
    type: 'validation-failed',
    pointer: '/question',
    in: 'body',
  },
  {
    name: 'an unknown urgency',
    as: R,
    method: 'POST',
    url: requests,
    payload: () => ({ ...body, urgency: 'asap' }),
    status: 400,
    type: 'validation-failed',
    pointer: '/urgency',
    in: 'body',
  },
  {
    name: 'no expertise area',
    as: R,
    method: 'POST',
    url: requests,
    payload: () => ({ ...body, expertiseAreaCodes: [] }),
    status: 400,
    type: 'validation-failed',
    pointer: '/expertiseAreaCodes',
    in: 'body',
  },
  {
    name: 'an unknown expertise area',
    as: R,
    method: 'POST',
    url: requests,
    payload: () => ({ ...body, expertiseAreaCodes: ['astrology'] }),
    status: 400,
    type: 'validation-failed',
    pointer: '/expertiseAreaCodes/0',
    in: 'body',
  },
  {
    name: 'meetingDate 2019-02-30',
    as: R,
    method: 'POST',
    url: requests,
    payload: () => ({ ...body, meetingDate: '2019-02-30' }),
    status: 400,
    type: 'validation-failed',
    pointer: '/meetingDate',
    in: 'body',
  },
  {
    name: 'a non-UUID caseTableId',
    as: R,
    method: 'POST',
    url: requests,
    payload: () => ({ ...body, caseTableId: 'zwolle' }),
    status: 400,
    type: 'validation-failed',
    pointer: '/caseTableId',
    in: 'body',
  },
  {
    name: 'a municipality the casustafel does not serve',
    as: R,
    method: 'POST',
    url: requests,
    payload: () => ({ ...body, municipalityId: foreignMunicipalityId }),
    status: 400,
    type: 'validation-failed',
    pointer: '/municipalityId',
    in: 'body',
  },
  // Request lifecycle.
  {
    name: 'a non-patchable status',
    as: C,
    method: 'PATCH',
    url: () => `${requests()}/${submittedId}`,
    payload: () => ({ status: 'assigned' }),
    status: 400,
    type: 'validation-failed',
    pointer: '/status',
    in: 'body',
  },
  {
    name: 'an unknown status',
    as: C,
    method: 'PATCH',
    url: () => `${requests()}/${submittedId}`,
    payload: () => ({ status: 'done' }),
    status: 400,
    type: 'validation-failed',
    pointer: '/status',
    in: 'body',
  },
  {
    name: 'PATCH a request without status',
    as: C,
    method: 'PATCH',
    url: () => `${requests()}/${submittedId}`,
    payload: () => ({}),
    status: 400,
    type: 'validation-failed',
    pointer: '/status',
    in: 'body',
  },
  { name: 'a non-UUID request id', as: R, method: 'GET', url: () => `${requests()}/123`, status: 400, type: 'validation-failed', pointer: '/id', in: 'path' },
  {
    name: 'a non-UUID request id on PATCH',
    as: C,
    method: 'PATCH',
    url: () => `${requests()}/abc`,
    payload: () => ({ status: 'cancelled', reason: 'Niet meer nodig' }),
    status: 400,
    type: 'validation-failed',
    pointer: '/id',
    in: 'path',
  },
  { name: 'a request that does not exist (GET)', as: R, method: 'GET', url: () => `${requests()}/${randomUUID()}`, status: 404, type: 'not-found' },
  {
    name: 'a request that does not exist (PATCH)',
    as: C,
    method: 'PATCH',
    url: () => `${requests()}/${randomUUID()}`,
    payload: () => ({ status: 'cancelled', reason: 'Niet meer nodig' }),
    status: 404,
    type: 'not-found',
  },
  // Assigning.
  ...[-60, 0, 1.5, '60', 200 * 60 + 1].map(
    (m): Case => ({
      name: `estimatedMinutes ${JSON.stringify(m)} on assign`,
      as: C,
      method: 'POST',
      url: assign,
      payload: () => ({ specialistId, estimatedMinutes: m }),
      status: 400,
      type: 'validation-failed',
      pointer: '/estimatedMinutes',
      in: 'body',
    }),
  ),
  {
    name: 'a non-UUID specialistId',
    as: C,
    method: 'POST',
    url: assign,
    payload: () => ({ specialistId: 'specialist2', estimatedMinutes: 60 }),
    status: 400,
    type: 'validation-failed',
    pointer: '/specialistId',
    in: 'body',
  },
  {
    name: 'a specialist that does not exist',
    as: C,
    method: 'POST',
    url: assign,
    payload: () => ({ specialistId: randomUUID(), estimatedMinutes: 60 }),
    status: 400,
    type: 'validation-failed',
    pointer: '/specialistId',
    in: 'body',
  },
  {
    name: 'assigning on a request that does not exist',
    as: C,
    method: 'POST',
    url: () => `${requests()}/${randomUUID()}/assignments`,
    payload: () => ({ specialistId, estimatedMinutes: 60 }),
    status: 404,
    type: 'not-found',
  },
  {
    name: 'assigning on a non-UUID request',
    as: C,
    method: 'POST',
    url: () => `${requests()}/x/assignments`,
    payload: () => ({ specialistId, estimatedMinutes: 60 }),
    status: 400,
    type: 'validation-failed',
    pointer: '/id',
    in: 'path',
  },
  // Changing an estimate.
  ...[-1, 0, 2.5].map(
    (m): Case => ({
      name: `estimatedMinutes ${m} on PATCH`,
      as: C,
      method: 'PATCH',
      url: assignment,
      payload: () => ({ estimatedMinutes: m }),
      status: 400,
      type: 'validation-failed',
      pointer: '/estimatedMinutes',
      in: 'body',
    }),
  ),
  { name: 'an empty assignment PATCH', as: C, method: 'PATCH', url: assignment, payload: () => ({}), status: 400, type: 'validation-failed' },
  {
    name: 'status and estimate at once',
    as: W,
    method: 'PATCH',
    url: assignment,
    payload: () => ({ status: 'accepted', estimatedMinutes: 60 }),
    status: 400,
    type: 'validation-failed',
  },
  {
    name: 'an assignment that does not exist',
    as: C,
    method: 'PATCH',
    url: () => `/api/v1/assignments/${randomUUID()}`,
    payload: () => ({ estimatedMinutes: 60 }),
    status: 404,
    type: 'not-found',
  },
  {
    name: 'a non-UUID assignment id',
    as: C,
    method: 'GET',
    url: () => '/api/v1/assignments/1',
    status: 400,
    type: 'validation-failed',
    pointer: '/id',
    in: 'path',
  },
  // Logging hours.
  ...[-30, 0, 1.5, 1441, '30'].map(
    (m): Case => ({
      name: `minutes ${JSON.stringify(m)}`,
      as: W,
      method: 'POST',
      url: entries,
      payload: () => entryBody({ minutes: m }),
      status: 400,
      type: 'validation-failed',
      pointer: '/minutes',
      in: 'body',
    }),
  ),
  {
    name: 'workedOn 2019-02-30',
    as: W,
    method: 'POST',
    url: entries,
    payload: () => entryBody({ workedOn: '2019-02-30' }),
    status: 400,
    type: 'validation-failed',
    pointer: '/workedOn',
    in: 'body',
  },
  {
    name: 'workedOn in Dutch order',
    as: W,
    method: 'POST',
    url: entries,
    payload: () => entryBody({ workedOn: '01-03-2019' }),
    status: 400,
    type: 'validation-failed',
    pointer: '/workedOn',
    in: 'body',
  },
  {
    name: 'workedOn tomorrow',
    as: W,
    method: 'POST',
    url: entries,
    payload: () => entryBody({ workedOn: tomorrow() }),
    status: 400,
    type: 'validation-failed',
    pointer: '/workedOn',
    in: 'body',
  },
  {
    name: 'an unknown activity',
    as: W,
    method: 'POST',
    url: entries,
    payload: () => entryBody({ activity: 'gardening' }),
    status: 400,
    type: 'validation-failed',
    pointer: '/activity',
    in: 'body',
  },
  {
    name: 'an empty description',
    as: W,
    method: 'POST',
    url: entries,
    payload: () => entryBody({ description: '' }),
    status: 400,
    type: 'validation-failed',
    pointer: '/description',
    in: 'body',
  },
  {
    name: 'a missing description',
    as: W,
    method: 'POST',
    url: entries,
    payload: () => entryBody({ description: undefined }),
    status: 400,
    type: 'validation-failed',
    pointer: '/description',
    in: 'body',
  },
  {
    name: 'hours on an assignment that does not exist',
    as: W,
    method: 'POST',
    url: () => `/api/v1/assignments/${randomUUID()}/time-entries`,
    payload: () => entryBody(),
    status: 404,
    type: 'not-found',
  },
  // Reviewing hours.
  {
    name: 'a rejection without reason',
    as: C,
    method: 'PATCH',
    url: entry,
    payload: () => ({ status: 'rejected' }),
    status: 400,
    type: 'validation-failed',
    pointer: '/reason',
    in: 'body',
  },
  {
    name: 'an unknown review status',
    as: C,
    method: 'PATCH',
    url: entry,
    payload: () => ({ status: 'paid' }),
    status: 400,
    type: 'validation-failed',
    pointer: '/status',
    in: 'body',
  },
  {
    name: 'an entry that does not exist',
    as: C,
    method: 'PATCH',
    url: () => `/api/v1/time-entries/${randomUUID()}`,
    payload: () => ({ status: 'approved' }),
    status: 404,
    type: 'not-found',
  },
  {
    name: 'a non-UUID entry id',
    as: C,
    method: 'PATCH',
    url: () => '/api/v1/time-entries/abc',
    payload: () => ({ status: 'approved' }),
    status: 400,
    type: 'validation-failed',
    pointer: '/id',
    in: 'path',
  },
  // Query strings.
  { name: 'page=0', as: R, method: 'GET', url: () => `${requests()}?page=0`, status: 400, type: 'validation-failed', pointer: '/page', in: 'query' },
  { name: 'page=-1', as: C, method: 'GET', url: () => '/api/v1/assignments?page=-1', status: 400, type: 'validation-failed', pointer: '/page', in: 'query' },
  { name: 'page=abc', as: R, method: 'GET', url: () => `${requests()}?page=abc`, status: 400, type: 'validation-failed', pointer: '/page', in: 'query' },
  { name: 'page=1.5', as: R, method: 'GET', url: () => `${requests()}?page=1.5`, status: 400, type: 'validation-failed', pointer: '/page', in: 'query' },
  {
    name: 'pageSize=1000',
    as: R,
    method: 'GET',
    url: () => `${requests()}?pageSize=1000`,
    status: 400,
    type: 'validation-failed',
    pointer: '/pageSize',
    in: 'query',
  },
  {
    name: 'pageSize=0 on time entries',
    as: C,
    method: 'GET',
    url: () => '/api/v1/time-entries?pageSize=0',
    status: 400,
    type: 'validation-failed',
    pointer: '/pageSize',
    in: 'query',
  },
  {
    name: 'pageSize=101 on case tables',
    as: R,
    method: 'GET',
    url: () => '/api/v1/case-tables?pageSize=101',
    status: 400,
    type: 'validation-failed',
    pointer: '/pageSize',
    in: 'query',
  },
  {
    name: 'an unknown status filter',
    as: R,
    method: 'GET',
    url: () => `${requests()}?status=bogus`,
    status: 400,
    type: 'validation-failed',
    pointer: '/status',
    in: 'query',
  },
  {
    name: 'an unknown sort',
    as: R,
    method: 'GET',
    url: () => `${requests()}?sort=id;drop table budgets`,
    status: 400,
    type: 'validation-failed',
    pointer: '/sort',
    in: 'query',
  },
  {
    name: 'a non-UUID caseTableId filter',
    as: R,
    method: 'GET',
    url: () => `${requests()}?caseTableId=1 or 1=1`,
    status: 400,
    type: 'validation-failed',
    pointer: '/caseTableId',
    in: 'query',
  },
  {
    name: 'a budget year that is not a number',
    as: C,
    method: 'GET',
    url: () => '/api/v1/budgets/abc',
    status: 400,
    type: 'validation-failed',
    pointer: '/year',
    in: 'path',
  },
  {
    name: 'a budget year out of range',
    as: C,
    method: 'GET',
    url: () => '/api/v1/budgets/1999',
    status: 400,
    type: 'validation-failed',
    pointer: '/year',
    in: 'path',
  },
  { name: 'a budget year without a budget', as: C, method: 'GET', url: () => '/api/v1/budgets/2031', status: 404, type: 'not-found' },
  { name: 'an unknown API path', as: C, method: 'GET', url: () => '/api/v1/interpretation-request', status: 404, type: 'not-found' },
];

describe('bad input changes nothing and never gives a 500', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const before = await snapshot();
    const payload = c.payload?.();
    const res: CallResult = await c.as()(c.method, c.url(), payload, c.headers);
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
    const statuses = Array.isArray(c.status) ? c.status : [c.status];
    expect(statuses, JSON.stringify(res.body)).toContain(res.status);
    expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
    if (c.type) expect(Array.isArray(c.type) ? c.type : [c.type]).toContain(res.body.type);
    expectProblem(res, res.status, res.body.type);
    expect(res.body).toMatchObject({ status: res.status, title: expect.any(String), detail: expect.any(String) });
    if (c.pointer) {
      expect(pointers(res), JSON.stringify(res.body)).toContain(c.pointer);
      const error = (res.body.errors as { pointer: string; in: string; message: string }[]).find((e) => e.pointer === c.pointer);
      expect(error?.in).toBe(c.in);
      expect(error?.message).toEqual(expect.any(String));
    }
    expect(await snapshot()).toEqual(before);
  });

  it('does not pollute Object.prototype', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('still accepts the valid body used above (so the refusals are about the bad part only)', async () => {
    const before = await snapshot();
    const created = await requester('POST', '/api/v1/interpretation-requests', { ...body, caseReference: `CASUS-ok-${randomUUID().slice(0, 6)}` });
    expect(created.status).toBe(201);
    expect((await snapshot()).requesterRequests).toBe(before.requesterRequests + 1);
    const logged = await worker('POST', `/api/v1/assignments/${assignmentId}/time-entries`, entryBody({ minutes: 1 }));
    expect(logged.status).toBe(201);
    const sp = await specialist(coordinator, 2);
    expect(logged.body).toMatchObject({ rateCents: sp.currentRateCents, minutes: 1 });
  });
});
