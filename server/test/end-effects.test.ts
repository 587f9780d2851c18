// What ending a request would do (docs/design.md §4), answered with the request for the
// confirmation that names it: the reservation released, open extension requests refused, hours
// still undecided — and after the close, that is what happened.
import { beforeAll, describe, expect, it } from 'vitest';
import { acceptedAssignment, budget, entryBody } from './fixtures.ts';
import { type Caller, useTestApp } from './harness.ts';

const t = useTestApp();
let requester: Caller;
let coordinator: Caller;
let worker: Caller;

beforeAll(async () => {
  requester = await t.as('requester.apeldoorn');
  coordinator = await t.as('coordinator');
  worker = await t.as('specialist4');
});

describe('endEffects on a request', () => {
  it('names the reservation released, the open extension requests and the undecided hours; money only for the coordinator', async () => {
    const { request, assignment } = await acceptedAssignment(requester, coordinator, worker, 4, 600);
    const logged = await worker('POST', `/api/v1/assignments/${assignment.id}/time-entries`, entryBody({ minutes: 60 }));
    expect(logged.status).toBe(201);
    const ext = await worker('POST', `/api/v1/assignments/${assignment.id}/extension-requests`, { extraMinutes: 60, reason: 'Extra gesprek.' });
    expect(ext.status).toBe(201);
    const reserved = (await coordinator('GET', `/api/v1/assignments/${assignment.id}`)).body.reservedCents as number;

    const asCoordinator = (await coordinator('GET', `/api/v1/interpretation-requests/${request.id}`)).body;
    expect(asCoordinator.endEffects).toEqual({ releasedCents: reserved, openExtensionRequests: 1, undecidedEntries: 1 });
    const asRequester = (await requester('GET', `/api/v1/interpretation-requests/${request.id}`)).body;
    expect(asRequester.endEffects).toEqual({ releasedCents: null, openExtensionRequests: 1, undecidedEntries: 1 });
    // The specialist may not end the request: no effects to confirm.
    expect((await worker('GET', `/api/v1/interpretation-requests/${request.id}`)).body.endEffects).toBeNull();

    // Cancelling does what the confirmation said: the reservation is released, the extension refused, the hours stay.
    const before = await budget(coordinator);
    const cancelled = await coordinator('PATCH', `/api/v1/interpretation-requests/${request.id}`, { status: 'cancelled', reason: 'Niet meer nodig.' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.endEffects).toBeNull();
    expect((await budget(coordinator)).reservedCents).toBe(before.reservedCents - reserved);
    expect((await coordinator('GET', `/api/v1/extension-requests?status=requested`)).body.items.some((x: { id: string }) => x.id === ext.body.id)).toBe(false);
    const entries = await coordinator('GET', '/api/v1/time-entries?status=submitted&pageSize=100');
    expect(entries.body.items.some((x: { id: string }) => x.id === logged.body.id)).toBe(true);
  });
});
