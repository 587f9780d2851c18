// The advice while it is written (docs/design.md §4): autosaved on the server with a version; a
// save naming an older version is refused (409) and writes nothing, so two tabs never overwrite
// each other unseen; once the advice is delivered the draft is no longer written (it is purged with
// the request, like the advice).
import { schema } from '@duidingspool/db';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { acceptedAssignment, expectProblem, pointers } from './fixtures.ts';
import { type Caller, useTestApp } from './harness.ts';

const t = useTestApp();
let requester: Caller;
let coordinator: Caller;
let worker: Caller;
let other: Caller;

beforeAll(async () => {
  requester = await t.as('requester.apeldoorn');
  coordinator = await t.as('coordinator');
  worker = await t.as('specialist4');
  other = await t.as('specialist6');
});

describe('advice drafts', () => {
  it('saves with a version, refuses a stale one without writing, and is closed once the advice is delivered', async () => {
    const { request } = await acceptedAssignment(requester, coordinator, worker, 4, 120);
    const url = `/api/v1/interpretation-requests/${request.id}/advice-draft`;
    expect((await worker('GET', url)).body).toEqual({ summary: '', body: '', version: 0, updatedAt: null });

    const first = await worker('PUT', url, { summary: 'Kern', body: 'Opzet', version: 0 });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.version).toBe(1);
    const second = await worker('PUT', url, { summary: 'Kern', body: 'Opzet, uitgebreid', version: 1 });
    expect(second.body.version).toBe(2);

    // A second tab still at version 1: refused, and the newer text stays.
    expectProblem(await worker('PUT', url, { summary: 'Kern', body: 'Oude tab', version: 1 }), 409, 'conflict');
    expect((await worker('GET', url)).body).toMatchObject({ body: 'Opzet, uitgebreid', version: 2 });

    const pd = await worker('PUT', url, { summary: 'Kern', body: 'Bel 06-12345678', version: 2 });
    expectProblem(pd, 422, 'personal-data-detected');
    expect(pointers(pd)).toEqual(['/body']);
    expectProblem(await other('GET', url), 404, 'not-found');
    expect((await requester('GET', url)).status).toBe(403);

    expect((await worker('POST', `/api/v1/interpretation-requests/${request.id}/advice`, { summary: 'Kern', body: 'Advies' })).status).toBe(201);
    expect((await t.handle.db.select().from(schema.adviceDrafts).where(eq(schema.adviceDrafts.requestId, request.id))).map((x) => x.version)).toEqual([2]);
    expectProblem(await worker('PUT', url, { summary: 'Kern', body: 'Na oplevering', version: 0 }), 409, 'invalid-transition');
  });
});
