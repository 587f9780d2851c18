import { describe, expect, it } from 'vitest';
import { acceptedAssignment, budget, createRequest, specialist, today } from './fixtures.ts';
import { useTestApp } from './harness.ts';

const t = useTestApp();

describe('the main job through the API', () => {
  it('goes from request to closed, charging the approved amount to the cent and releasing the rest', async () => {
    const requester = await t.as('requester.arnhem');
    const coordinator = await t.as('coordinator');
    const worker = await t.as('specialist1');
    const before = await budget(coordinator);

    const request = await createRequest(requester);
    expect(request.status).toBe('submitted');
    expect(request.reference).toMatch(/^DP-\d{4}-\d{4}$/);

    const sp = await specialist(coordinator, 1);
    const assigned = await coordinator('POST', `/api/v1/interpretation-requests/${request.id}/assignments`, {
      specialistId: sp.id,
      estimatedMinutes: 240,
      overrideReason: 'Vaste keuze van de test',
    });
    expect(assigned.status).toBe(201);
    expect(assigned.body).toMatchObject({ status: 'proposed', estimatedMinutes: 240, reservedCents: 4 * sp.currentRateCents });
    expect((await budget(coordinator)).reservedCents - before.reservedCents).toBe(4 * sp.currentRateCents);

    expect((await worker('PATCH', `/api/v1/assignments/${assigned.body.id}`, { status: 'accepted' })).status).toBe(200);
    const entry = await worker('POST', `/api/v1/assignments/${assigned.body.id}/time-entries`, {
      workedOn: today(),
      minutes: 150,
      activity: 'case-file-study',
      description: 'Dossierstudie',
    });
    expect(entry.status).toBe(201);
    const amount = Math.floor((150 * sp.currentRateCents + 30) / 60);
    expect(entry.body).toMatchObject({ status: 'submitted', minutes: 150, rateCents: sp.currentRateCents, amountCents: amount });
    const mid = await budget(coordinator);
    expect(mid.pendingCents - before.pendingCents).toBe(amount);
    expect(mid.availableCents).toBe(before.availableCents - 4 * sp.currentRateCents);

    const advice = await worker('POST', `/api/v1/interpretation-requests/${request.id}/advice`, { summary: 'Kern', body: 'Duiding en advies.' });
    expect(advice.status).toBe(201);
    expect((await coordinator('PATCH', `/api/v1/time-entries/${entry.body.id}`, { status: 'approved' })).status).toBe(200);

    const read = await requester('GET', `/api/v1/interpretation-requests/${request.id}`);
    expect(read.status).toBe(200);
    expect(read.body.advice).toMatchObject({ summary: 'Kern', body: 'Duiding en advies.' });
    expect(read.body.allowedTransitions).toContain('closed');
    expect(read.body.assignments[0].rateCents).toBeNull();

    const closed = await requester('PATCH', `/api/v1/interpretation-requests/${request.id}`, { status: 'closed' });
    expect(closed.status).toBe(200);
    expect(closed.body.timeline.map((e: { toStatus: string }) => e.toStatus)).toEqual(['submitted', 'assigned', 'in-progress', 'advice-delivered', 'closed']);

    const after = await budget(coordinator);
    expect(after.spentCents - before.spentCents).toBe(amount);
    expect(after.reservedCents).toBe(before.reservedCents);
    expect(after.pendingCents).toBe(before.pendingCents);
    expect(after.availableCents).toBe(before.availableCents - amount);
  });

  it('releases the reservation when the specialist declines and returns the request to submitted', async () => {
    const requester = await t.as('requester.ede');
    const coordinator = await t.as('coordinator');
    const worker = await t.as('specialist2');
    const before = await budget(coordinator);
    const request = await createRequest(requester);
    const sp = await specialist(coordinator, 2);
    const assigned = await coordinator('POST', `/api/v1/interpretation-requests/${request.id}/assignments`, {
      specialistId: sp.id,
      estimatedMinutes: 90,
      overrideReason: 'Vaste keuze van de test',
    });
    expect(assigned.status).toBe(201);
    const declined = await worker('PATCH', `/api/v1/assignments/${assigned.body.id}`, { status: 'declined', reason: 'Geen capaciteit' });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ status: 'declined', reservedCents: 0 });
    expect(await budget(coordinator)).toEqual(before);
    const detail = await coordinator('GET', `/api/v1/interpretation-requests/${request.id}`);
    expect(detail.body.status).toBe('submitted');
    // The declining specialist no longer sees the request.
    expect((await worker('GET', `/api/v1/interpretation-requests/${request.id}`)).status).toBe(404);
  });

  it('refuses an entry past the estimate with estimate-exceeded and changes nothing', async () => {
    const requester = await t.as('requester.nijmegen');
    const coordinator = await t.as('coordinator');
    const worker = await t.as('specialist3');
    const { assignment } = await acceptedAssignment(requester, coordinator, worker, 3, 60);
    const before = await budget(coordinator);
    const res = await worker('POST', `/api/v1/assignments/${assignment.id}/time-entries`, {
      workedOn: today(),
      minutes: 61,
      activity: 'travel',
      description: 'Reistijd',
    });
    expect(res.status).toBe(409);
    expect(res.body.type).toBe('estimate-exceeded');
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await budget(coordinator)).toEqual(before);
    // After the coordinator raises the estimate, it fits.
    expect((await coordinator('PATCH', `/api/v1/assignments/${assignment.id}`, { estimatedMinutes: 120 })).status).toBe(200);
    expect(
      (
        await worker('POST', `/api/v1/assignments/${assignment.id}/time-entries`, {
          workedOn: today(),
          minutes: 61,
          activity: 'travel',
          description: 'Reistijd',
        })
      ).status,
    ).toBe(201);
  });
});
