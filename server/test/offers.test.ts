// The coordinator's proactive offers (docs/design.md §4, decision 130): an offer to a casustafel or
// a municipality, its members accept (a request of the offered type, submitted and in triage, with
// the offer as its origin and the member as requester) or decline it, the coordinator withdraws it;
// need-to-know follows the organisation; bad input is refused with nothing written.
import { schema } from '@duidingspool/db';
import { addDays, EXPECTED_PARTICIPANTS, REQUEST_TYPE_RULES } from '@duidingspool/shared';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, firstCaseTable, pointers, today } from './fixtures.ts';
import { type Caller, useTestApp } from './harness.ts';

const t = useTestApp();
let coordinator: Caller;
let member: Caller;
let otherTable: Caller;
let adviser: Caller;
let worker: Caller;
let finance: Caller;
let table: { id: string; name: string; municipalities: { id: string; name: string }[] };
let arnhem: string;

/** A training offered to `target`, valid for a week. */
function trainingOffer(target: { caseTableId: string } | { municipalityId: string }, overrides: Record<string, unknown> = {}) {
  return {
    type: 'training',
    ...target,
    title: 'Training signalen van polarisatie',
    description: 'Een dagdeel voor professionals over het herkennen en duiden van signalen.',
    expertiseAreaCodes: ['polarisation'],
    deliverable: REQUEST_TYPE_RULES.training.deliverables[0],
    meetingDate: addDays(today(), 30),
    audiences: ['education', 'youth-work'],
    expectedParticipants: 25,
    place: 'Stadhuis Apeldoorn',
    validUntil: addDays(today(), 7),
    ...overrides,
  };
}

async function count(table: typeof schema.offers | typeof schema.interpretationRequests): Promise<number> {
  const [row] = await t.handle.db.select({ n: sql<number>`count(*)::int` }).from(table);
  return row?.n ?? 0;
}

async function inboxEvents(caller: Caller): Promise<string[]> {
  const res = await caller('GET', '/api/v1/me/inbox-items?pageSize=100');
  expect(res.status).toBe(200);
  return (res.body.items as { event: string }[]).map((i) => i.event);
}

beforeAll(async () => {
  [coordinator, member, otherTable, adviser, worker, finance] = await Promise.all([
    t.as('coordinator'),
    t.as('requester.apeldoorn'),
    t.as('requester.hengelo'),
    t.as('adviser.arnhem'),
    t.as('specialist1'),
    t.as('finance'),
  ]);
  table = await firstCaseTable(member);
  const me = await adviser('GET', '/api/v1/me');
  arnhem = me.body.municipalityMemberships[0].municipalityId;
});

describe('an offer to a casustafel', () => {
  it('is made by the coordinator, seen by its members and accepted into a request in triage with the offer as origin', async () => {
    const made = await coordinator('POST', '/api/v1/offers', trainingOffer({ caseTableId: table.id }));
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.headers.location).toBe(`/api/v1/offers/${made.body.id}`);
    expect(made.body).toMatchObject({ status: 'open', type: 'training', caseTableId: table.id, caseTableName: table.name, request: null });
    expect(made.body.allowedActions).toEqual(['withdraw']);

    // The members get an inbox item (no content: no title, no reference).
    expect(await inboxEvents(member)).toContain('offer-made');
    const seen = await member('GET', `/api/v1/offers/${made.body.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.allowedActions).toEqual(['accept', 'decline']);
    const listed = await member('GET', '/api/v1/offers?status=open&pageSize=100');
    expect((listed.body.items as { id: string }[]).map((o) => o.id)).toContain(made.body.id);

    // Another casustafel, a municipality, a specialist: 404 or 403, never the offer.
    expectProblem(await otherTable('GET', `/api/v1/offers/${made.body.id}`), 404, 'not-found');
    expectProblem(await adviser('GET', `/api/v1/offers/${made.body.id}`), 404, 'not-found');
    expect(((await otherTable('GET', '/api/v1/offers?pageSize=100')).body.items as { id: string }[]).map((o) => o.id)).not.toContain(made.body.id);
    expectProblem(await worker('GET', `/api/v1/offers/${made.body.id}`), 403, 'forbidden');
    expectProblem(await finance('GET', '/api/v1/offers'), 403, 'forbidden');

    // An offer to a casustafel is accepted for one of the municipalities it serves.
    const noMunicipality = await member('PATCH', `/api/v1/offers/${made.body.id}`, { status: 'accepted' });
    expectProblem(noMunicipality, 400, 'validation-failed');
    expect(pointers(noMunicipality)).toEqual(['/municipalityId']);
    // The coordinator does not accept on the casustafel's behalf.
    expectProblem(
      await coordinator('PATCH', `/api/v1/offers/${made.body.id}`, { status: 'accepted', municipalityId: table.municipalities[0]?.id }),
      403,
      'forbidden',
    );

    const requestsBefore = await count(schema.interpretationRequests);
    const accepted = await member('PATCH', `/api/v1/offers/${made.body.id}`, { status: 'accepted', municipalityId: table.municipalities[0]?.id });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', allowedActions: [] });
    expect(accepted.body.request.reference).toMatch(/^DP-\d{4}-\d{4}$/);
    expect(await count(schema.interpretationRequests)).toBe(requestsBefore + 1);

    // The request: of the offered type, submitted (in triage), the member its requester, the offer its origin.
    const request = await member('GET', `/api/v1/interpretation-requests/${accepted.body.request.id}`);
    expect(request.status).toBe(200);
    expect(request.body).toMatchObject({
      type: 'training',
      status: 'submitted',
      caseTableId: table.id,
      municipalityId: table.municipalities[0]?.id,
      originOfferId: made.body.id,
      expectedParticipants: 25,
      place: 'Stadhuis Apeldoorn',
      deliverable: 'training-delivery',
    });
    expect(request.body.question).toContain('Training signalen van polarisatie');
    expect(request.body.timeline[0]).toMatchObject({ toStatus: 'submitted', actorRole: 'requester' });
    const [row] = await t.handle.db
      .select({ createdBy: schema.interpretationRequests.createdBy })
      .from(schema.interpretationRequests)
      .where(eq(schema.interpretationRequests.id, accepted.body.request.id));
    const me = await member('GET', '/api/v1/me');
    expect(row?.createdBy).toBe(me.body.id);
    const triage = await coordinator('GET', '/api/v1/interpretation-requests?status=submitted&pageSize=100');
    expect((triage.body.items as { id: string }[]).map((r) => r.id)).toContain(accepted.body.request.id);

    // Decided: read-only for everyone.
    expectProblem(await member('PATCH', `/api/v1/offers/${made.body.id}`, { status: 'declined' }), 409, 'invalid-transition');
    expectProblem(await coordinator('PATCH', `/api/v1/offers/${made.body.id}`, { status: 'withdrawn' }), 409, 'invalid-transition');
    expect(await count(schema.interpretationRequests)).toBe(requestsBefore + 1);
  });

  it('is declined by a member with a reason, and the coordinators are told', async () => {
    const made = await coordinator(
      'POST',
      '/api/v1/offers',
      trainingOffer({ caseTableId: table.id }, { type: 'information-session', deliverable: 'session-delivery' }),
    );
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const declined = await member('PATCH', `/api/v1/offers/${made.body.id}`, { status: 'declined', reason: 'Wij hebben dit al gepland.' });
    expect(declined.status, JSON.stringify(declined.body)).toBe(200);
    expect(declined.body).toMatchObject({ status: 'declined', declineReason: 'Wij hebben dit al gepland.', request: null, allowedActions: [] });
    expect(await inboxEvents(coordinator)).toContain('offer-declined');
    expectProblem(
      await member('PATCH', `/api/v1/offers/${made.body.id}`, { status: 'accepted', municipalityId: table.municipalities[0]?.id }),
      409,
      'invalid-transition',
    );
  });

  it('is withdrawn by the coordinator only', async () => {
    const made = await coordinator('POST', '/api/v1/offers', trainingOffer({ caseTableId: table.id }));
    expectProblem(await member('PATCH', `/api/v1/offers/${made.body.id}`, { status: 'withdrawn' }), 403, 'forbidden');
    const withdrawn = await coordinator('PATCH', `/api/v1/offers/${made.body.id}`, { status: 'withdrawn' });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', allowedActions: [] });
    expect((await member('GET', `/api/v1/offers/${made.body.id}`)).body.allowedActions).toEqual([]);
    // The audit log names the offer by its title (decision 122).
    const events = await coordinator('GET', `/api/v1/audit-events?objectType=offer&objectId=${made.body.id}&pageSize=10`);
    expect(events.status).toBe(200);
    expect((events.body.items as { action: string; objectLabel: string | null }[]).map((e) => [e.action, e.objectLabel]).sort()).toEqual([
      ['create', 'Training signalen van polarisatie'],
      ['withdraw-offer', 'Training signalen van polarisatie'],
    ]);
  });

  it('is read-only once its last day has passed', async () => {
    const made = await coordinator('POST', '/api/v1/offers', trainingOffer({ caseTableId: table.id }, { validUntil: today() }));
    expect(made.status).toBe(201);
    await t.handle.db
      .update(schema.offers)
      .set({ validUntil: addDays(today(), -1) })
      .where(eq(schema.offers.id, made.body.id));
    const seen = await member('GET', `/api/v1/offers/${made.body.id}`);
    expect(seen.body).toMatchObject({ status: 'expired', allowedActions: [] });
    expectProblem(
      await member('PATCH', `/api/v1/offers/${made.body.id}`, { status: 'accepted', municipalityId: table.municipalities[0]?.id }),
      409,
      'invalid-transition',
    );
    expect(((await member('GET', '/api/v1/offers?status=expired&pageSize=100')).body.items as { id: string }[]).map((o) => o.id)).toContain(made.body.id);
  });
});

describe('an offer to a municipality', () => {
  it('is a presence at a table as a consultation, accepted by the adviser into a municipal request', async () => {
    const made = await coordinator('POST', '/api/v1/offers', {
      type: 'consultation',
      municipalityId: arnhem,
      title: 'Een specialist schuift aan bij uw overleg',
      description: 'Een specialist denkt mee over de lokale situatie.',
      expertiseAreaCodes: ['polarisation'],
      deliverable: 'advice-conversation',
      meetingDate: addDays(today(), 14),
      validUntil: addDays(today(), 7),
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(await inboxEvents(adviser)).toContain('offer-made');
    expectProblem(await member('GET', `/api/v1/offers/${made.body.id}`), 404, 'not-found');
    const accepted = await adviser('PATCH', `/api/v1/offers/${made.body.id}`, { status: 'accepted' });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    const request = await adviser('GET', `/api/v1/interpretation-requests/${accepted.body.request.id}`);
    expect(request.body).toMatchObject({ type: 'consultation', status: 'submitted', caseTableId: null, municipalityId: arnhem, originOfferId: made.body.id });
  });
});

describe('the report', () => {
  it('counts the received requests that came from an offer, as the database holds them', async () => {
    // Enough accepted offers today for the count to be published at the default threshold (5).
    for (let i = 0; i < 5; i++) {
      const made = await coordinator('POST', '/api/v1/offers', trainingOffer({ municipalityId: arnhem }));
      expect((await adviser('PATCH', `/api/v1/offers/${made.body.id}`, { status: 'accepted' })).status).toBe(200);
    }
    const [row] = (await t.handle.db.execute(sql`
      select count(*)::int as n from ${schema.interpretationRequests} r
      join (select ${schema.requestStatusEvents.requestId} as id, min(${schema.requestStatusEvents.occurredAt}) as at from ${schema.requestStatusEvents}
        where ${schema.requestStatusEvents.toStatus} = 'submitted' group by 1) f on f.id = r.id
      where r.origin_offer_id is not null and (f.at at time zone 'Europe/Amsterdam')::date = ${today()}::date`)) as unknown as { n: number }[];
    const fromOffers = Number(row?.n);
    expect(fromOffers).toBeGreaterThanOrEqual(5);
    const res = await coordinator('GET', `/api/v1/reports?from=${today()}&to=${today()}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const flow = res.body.sections.find((s: { id: string }) => s.id === 'activities').tables.find((tb: { id: string }) => tb.id === 'flow');
    const cellOf = (key: string) => flow.rows.find((r: { key: string }) => r.key === key).cells[0];
    expect(cellOf('from-offer')).toEqual({ kind: 'value', value: fromOffers });
    expect(cellOf('received').value).toBeGreaterThanOrEqual(fromOffers);
  });
});

describe('bad input, nothing written', () => {
  it('refuses each with the field named', async () => {
    const before = await count(schema.offers);
    const cases: [Record<string, unknown>, number, string, string][] = [
      [trainingOffer({ caseTableId: table.id }, { municipalityId: arnhem }), 400, 'validation-failed', '/municipalityId'],
      [trainingOffer({ caseTableId: table.id }, { caseTableId: undefined }), 400, 'validation-failed', '/caseTableId'],
      [trainingOffer({ caseTableId: '00000000-0000-4000-8000-000000000000' }), 400, 'validation-failed', '/caseTableId'],
      [trainingOffer({ municipalityId: '00000000-0000-4000-8000-000000000000' }), 400, 'validation-failed', '/municipalityId'],
      [trainingOffer({ caseTableId: table.id }, { expectedParticipants: EXPECTED_PARTICIPANTS.min - 1 }), 400, 'validation-failed', '/expectedParticipants'],
      [trainingOffer({ caseTableId: table.id }, { expectedParticipants: 100_000 }), 400, 'validation-failed', '/expectedParticipants'],
      [trainingOffer({ caseTableId: table.id }, { place: undefined }), 400, 'validation-failed', '/place'],
      [trainingOffer({ caseTableId: table.id }, { deliverable: 'written-advice' }), 400, 'validation-failed', '/deliverable'],
      [trainingOffer({ caseTableId: table.id }, { type: 'consultation', deliverable: 'advice-conversation' }), 400, 'validation-failed', '/audiences'],
      [trainingOffer({ caseTableId: table.id }, { type: 'case-interpretation' }), 400, 'validation-failed', '/type'],
      [trainingOffer({ caseTableId: table.id }, { validUntil: addDays(today(), -1) }), 400, 'validation-failed', '/validUntil'],
      // The session lies ahead, and the answer comes no later than its day.
      [trainingOffer({ caseTableId: table.id }, { meetingDate: addDays(today(), -1) }), 400, 'validation-failed', '/meetingDate'],
      [
        trainingOffer({ caseTableId: table.id }, { meetingDate: addDays(today(), 3), validUntil: addDays(today(), 4) }),
        400,
        'validation-failed',
        '/validUntil',
      ],
      [trainingOffer({ caseTableId: table.id }, { expertiseAreaCodes: ['no-such-area'] }), 400, 'validation-failed', '/expertiseAreaCodes/0'],
      [trainingOffer({ caseTableId: table.id }, { description: 'Bel 06-12345678 voor details.' }), 422, 'personal-data-detected', '/description'],
    ];
    for (const [body, status, type, pointer] of cases) {
      const res = await coordinator('POST', '/api/v1/offers', body);
      expectProblem(res, status, type);
      expect(pointers(res), JSON.stringify(body)).toContain(pointer);
    }
    expect(await count(schema.offers)).toBe(before);
  });

  it('offers only declining once an expertise area of an open offer was retired, for accepting it is refused (409)', async () => {
    const code = `aanbod-${Date.now()}`;
    await t.handle.db.insert(schema.expertiseAreas).values({ code, nameNl: `Aanbodgebied ${code}`, nameEn: `Offer area ${code}` });
    const made = await coordinator('POST', '/api/v1/offers', trainingOffer({ caseTableId: table.id }, { expertiseAreaCodes: [code] }));
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect((await member('GET', `/api/v1/offers/${made.body.id}`)).body.allowedActions).toEqual(['accept', 'decline']);
    await t.handle.db.update(schema.expertiseAreas).set({ retiredAt: new Date() }).where(eq(schema.expertiseAreas.code, code));
    const shown = await member('GET', `/api/v1/offers/${made.body.id}`);
    expect(shown.body).toMatchObject({ status: 'open', allowedActions: ['decline'] });
    expectProblem(await member('PATCH', `/api/v1/offers/${made.body.id}`, { status: 'accepted', municipalityId: table.municipalities[0]?.id }), 409, 'retired');
    expect((await coordinator('GET', `/api/v1/offers/${made.body.id}`)).body.allowedActions).toEqual(['withdraw']);
  });

  it('refuses an offer to a retired casustafel with 409', async () => {
    const [house] = await t.handle.db.select({ id: schema.safetyHouses.id }).from(schema.safetyHouses).limit(1);
    const [retired] = await t.handle.db
      .insert(schema.caseTables)
      .values({ code: `opgeheven-${Date.now()}`, name: `Opgeheven casustafel ${Date.now()}`, safetyHouseId: house?.id as string, retiredAt: new Date() })
      .returning({ id: schema.caseTables.id });
    const before = await count(schema.offers);
    const res = await coordinator('POST', '/api/v1/offers', trainingOffer({ caseTableId: retired?.id as string }));
    expectProblem(res, 409, 'retired');
    expect(pointers(res)).toEqual(['/caseTableId']);
    expect(await count(schema.offers)).toBe(before);
  });

  it('writes nothing when an acceptance is refused, and checks a decline reason for personal data', async () => {
    const made = await coordinator('POST', '/api/v1/offers', trainingOffer({ caseTableId: table.id }));
    const requestsBefore = await count(schema.interpretationRequests);
    // A municipality the casustafel does not serve.
    const wrong = await member('PATCH', `/api/v1/offers/${made.body.id}`, { status: 'accepted', municipalityId: arnhem });
    expectProblem(wrong, 400, 'validation-failed');
    expect(pointers(wrong)).toEqual(['/municipalityId']);
    const reasonOnAccept = await member('PATCH', `/api/v1/offers/${made.body.id}`, {
      status: 'accepted',
      municipalityId: table.municipalities[0]?.id,
      reason: 'x',
    });
    expectProblem(reasonOnAccept, 400, 'validation-failed');
    const personal = await member('PATCH', `/api/v1/offers/${made.body.id}`, { status: 'declined', reason: 'Mail jan@example.nl' });
    expectProblem(personal, 422, 'personal-data-detected');
    expect(pointers(personal)).toEqual(['/reason']);
    expect(await count(schema.interpretationRequests)).toBe(requestsBefore);
    expect((await member('GET', `/api/v1/offers/${made.body.id}`)).body).toMatchObject({ status: 'open', request: null });
  });
});
