// Searching the request list by pool reference: the start of a reference, any letter case, within
// what the user may see; a pattern character is refused.

import { beforeAll, describe, expect, it } from 'vitest';
import { createRequest, expectProblem } from './fixtures.ts';
import { type Caller, useTestApp } from './harness.ts';

const t = useTestApp();
let requester: Caller;
let otherRequester: Caller;
let coordinator: Caller;

beforeAll(async () => {
  [requester, otherRequester, coordinator] = await Promise.all([t.as('requester.apeldoorn'), t.as('requester.hengelo'), t.as('coordinator')]);
});

const references = async (caller: Caller, search: string) => {
  const res = await caller('GET', `/api/v1/interpretation-requests?pageSize=100&reference=${encodeURIComponent(search)}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body.items as { reference: string }[]).map((i) => i.reference);
};

describe('GET /interpretation-requests?reference=', () => {
  it('finds a request by its reference or the start of it, in any case, only where the user may look', async () => {
    const a = await createRequest(requester);
    const b = await createRequest(requester);
    expect(await references(coordinator, a.reference.toLowerCase())).toEqual([a.reference]);
    expect(await references(requester, a.reference)).toEqual([a.reference]);
    const prefix = a.reference.slice(0, 8);
    expect(await references(coordinator, prefix)).toEqual(expect.arrayContaining([a.reference, b.reference]));
    // Another casustafel's requester does not find it.
    expect(await references(otherRequester, a.reference)).toEqual([]);
  });

  it('refuses a pattern character rather than reading it as a wildcard', async () => {
    const res = await coordinator('GET', '/api/v1/interpretation-requests?reference=DP-%25');
    expectProblem(res, 400, 'validation-failed');
    expect(res.body.errors).toEqual([expect.objectContaining({ in: 'query', pointer: '/reference' })]);
  });
});
