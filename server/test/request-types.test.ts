// Request types and municipal requesters (docs/design.md §4, decision 095) and the reach of
// trainings and information sessions (§12): every type through the lifecycle with the budget rules
// (reservation, hours, approval, release), the type table's fields, deliverables and activities,
// need-to-know by requesting organisation, bad input refused with nothing written, and the report's
// people reached under small-cell suppression.
import { schema } from '@duidingspool/db';
import {
  addDays,
  entryCostCents,
  REQUEST_TYPE_RULES,
  REQUEST_TYPES,
  type Report,
  type ReportTable,
  type RequestType,
  reachTotals,
  suppressList,
} from '@duidingspool/shared';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createMunicipalAdviser } from './db-helpers.ts';
import { budget, createRequest, expectProblem, listAll, pointers, specialist, today } from './fixtures.ts';
import { type Caller, useTestApp } from './harness.ts';

const t = useTestApp();
let adviser: Caller;
let adviserEde: Caller;
let tableArnhem: Caller;
let coordinator: Caller;
let worker: Caller;
let arnhem: string;

/** The fields a request of `type` needs, for municipality `municipalityId` (no casustafel). */
function bodyOf(type: RequestType, municipalityId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const rule = REQUEST_TYPE_RULES[type];
  return {
    type,
    municipalityId,
    question: `Wat vraagt de gemeente bij ${type}?`,
    expertiseAreaCodes: ['polarisation'],
    urgency: 'regular',
    deliverable: rule.deliverables[0],
    ...(rule.fields.includes('audiences')
      ? { audiences: ['education', 'youth-work'], expectedParticipants: 40, meetingDate: today(), place: 'Stadhuis Arnhem' }
      : {}),
    submit: true,
    ...overrides,
  };
}

/** Rows of the requests table, for “nothing written”. */
async function requestCount(): Promise<number> {
  const [row] = await t.handle.db.select({ n: sql<number>`count(*)::int` }).from(schema.interpretationRequests);
  return row?.n ?? 0;
}

beforeAll(async () => {
  await createMunicipalAdviser(t.handle, 'adviser.ede.test', 'Ede');
  [adviser, adviserEde, tableArnhem, coordinator, worker] = await Promise.all([
    t.as('adviser.arnhem'),
    t.as('adviser.ede.test'),
    t.as('requester.arnhem'),
    t.as('coordinator'),
    t.as('specialist1'),
  ]);
  const me = await adviser('GET', '/api/v1/me');
  expect(me.body.municipalityMemberships).toEqual([{ municipalityId: expect.any(String), municipalityName: 'Arnhem' }]);
  arnhem = me.body.municipalityMemberships[0].municipalityId;
});

describe('every request type through the lifecycle, with the budget rules', () => {
  const municipalTypes = REQUEST_TYPES.filter((type) => !REQUEST_TYPE_RULES[type].caseContent);

  it.each(municipalTypes)('%s asked by a municipality: reserved on assignment, charged on approval, released on closing', async (type) => {
    const before = await budget(coordinator);
    const created = await adviser('POST', '/api/v1/interpretation-requests', bodyOf(type, arnhem));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ type, status: 'submitted', caseTableId: null, caseTableName: null, municipalityId: arnhem, caseReference: '' });
    expect(created.body.reference).toMatch(/^DP-\d{4}-\d{4}$/);

    const sp = await specialist(coordinator, 1);
    const assigned = await coordinator('POST', `/api/v1/interpretation-requests/${created.body.id}/assignments`, {
      specialistId: sp.id,
      estimatedMinutes: 180,
    });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(201);
    expect(assigned.body).toMatchObject({ requestType: type, reservedCents: 3 * sp.currentRateCents });
    expect((await budget(coordinator)).reservedCents - before.reservedCents).toBe(3 * sp.currentRateCents);
    expect((await worker('PATCH', `/api/v1/assignments/${assigned.body.id}`, { status: 'accepted' })).status).toBe(200);

    // Hours only under the type's own activity codes.
    const foreign = REQUEST_TYPE_RULES['case-interpretation'].activities.find((a) => !REQUEST_TYPE_RULES[type].activities.includes(a)) as string;
    const refused = await worker('POST', `/api/v1/assignments/${assigned.body.id}/time-entries`, {
      workedOn: today(),
      minutes: 60,
      activity: foreign,
      description: 'Verkeerde activiteit',
    });
    expectProblem(refused, 400, 'validation-failed');
    expect(pointers(refused)).toEqual(['/activity']);
    const activity = REQUEST_TYPE_RULES[type].activities[0] as string;
    const entry = await worker('POST', `/api/v1/assignments/${assigned.body.id}/time-entries`, {
      workedOn: today(),
      minutes: 90,
      activity,
      description: 'Uitvoering',
    });
    expect(entry.status, JSON.stringify(entry.body)).toBe(201);
    const amount = entryCostCents(90, sp.currentRateCents);
    expect(entry.body.amountCents).toBe(amount);
    expect((await budget(coordinator)).pendingCents - before.pendingCents).toBe(amount);

    expect((await coordinator('PATCH', `/api/v1/time-entries/${entry.body.id}`, { status: 'approved' })).status).toBe(200);
    const advice = await worker('POST', `/api/v1/interpretation-requests/${created.body.id}/advice`, { summary: 'Verslag', body: 'Wat er is gedaan.' });
    expect(advice.status).toBe(201);
    const read = await adviser('GET', `/api/v1/interpretation-requests/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body.advice).toMatchObject({ summary: 'Verslag' });
    expect(read.body.allowedTransitions).toContain('closed');
    const closed = await adviser('PATCH', `/api/v1/interpretation-requests/${created.body.id}`, { status: 'closed' });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body.timeline.map((e: { toStatus: string }) => e.toStatus)).toEqual(['submitted', 'assigned', 'in-progress', 'advice-delivered', 'closed']);

    const after = await budget(coordinator);
    expect(after.spentCents - before.spentCents).toBe(amount);
    expect(after.reservedCents).toBe(before.reservedCents);
    expect(after.availableCents).toBe(before.availableCents - amount);
  });

  it('a casustafel asks for a training too, and a draft of a municipality is completed on submission', async () => {
    const { municipalityId: _m, ...training } = bodyOf('training', arnhem);
    const table = await createRequest(tableArnhem, { ...training, caseReference: undefined, context: undefined });
    expect(table).toMatchObject({ status: 'submitted' });
    const draft = await adviser('POST', '/api/v1/interpretation-requests', bodyOf('consultation', arnhem, { submit: false, question: undefined }));
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    expect(draft.body).toMatchObject({ status: 'draft', reference: null, type: 'consultation' });
    const incomplete = await adviser('PATCH', `/api/v1/interpretation-requests/${draft.body.id}`, { status: 'submitted' });
    expectProblem(incomplete, 400, 'validation-failed');
    expect(pointers(incomplete)).toEqual(['/question']);
    expect(
      (await adviser('PATCH', `/api/v1/interpretation-requests/${draft.body.id}/fields`, { question: 'Hoe gaan wij om met de spanningen in de wijk?' })).status,
    ).toBe(200);
    const sent = await adviser('PATCH', `/api/v1/interpretation-requests/${draft.body.id}`, { status: 'submitted' });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body.reference).toMatch(/^DP-/);
  });
});

describe('bad input: 400 naming the field, nothing written', () => {
  const cases: [string, () => Record<string, unknown>, string[]][] = [
    ['a consultation with a case reference', () => bodyOf('consultation', arnhem, { caseReference: 'CASUS-1' }), ['/caseReference']],
    ['a training for 0 people', () => bodyOf('training', arnhem, { expectedParticipants: 0 }), ['/expectedParticipants']],
    ['a training for 100,000 people', () => bodyOf('training', arnhem, { expectedParticipants: 100_000 }), ['/expectedParticipants']],
    ['a training asking for written advice', () => bodyOf('training', arnhem, { deliverable: 'written-advice' }), ['/deliverable']],
    ['a training without a place', () => bodyOf('training', arnhem, { place: undefined }), ['/place']],
    ['an analysis with expected participants', () => bodyOf('analysis', arnhem, { expectedParticipants: 10 }), ['/expectedParticipants']],
    [
      'a case interpretation without a casustafel',
      () => bodyOf('consultation', arnhem, { type: 'case-interpretation', deliverable: 'written-advice' }),
      ['/caseTableId'],
    ],
    ['an unknown type', () => bodyOf('consultation', arnhem, { type: 'party' }), ['/type']],
  ];
  it.each(cases)('%s', async (_name, body, expected) => {
    const before = await requestCount();
    const res = await adviser('POST', '/api/v1/interpretation-requests', body());
    expectProblem(res, 400, 'validation-failed');
    expect(pointers(res)).toEqual(expected);
    expect(await requestCount()).toBe(before);
  });

  it('asking for another municipality, or personal data in the place, is refused', async () => {
    const before = await requestCount();
    const other = await adviserEde('POST', '/api/v1/interpretation-requests', bodyOf('consultation', arnhem));
    expectProblem(other, 400, 'validation-failed');
    expect(pointers(other)).toEqual(['/municipalityId']);
    const personal = await adviser('POST', '/api/v1/interpretation-requests', bodyOf('training', arnhem, { place: 'Bel 06-12345678' }));
    expect(personal.status).toBe(422);
    expect(pointers(personal)).toEqual(['/place']);
    expect(await requestCount()).toBe(before);
  });

  it('a field of another type is refused on a draft’s edit too', async () => {
    const draft = await adviser('POST', '/api/v1/interpretation-requests', bodyOf('consultation', arnhem, { submit: false }));
    const res = await adviser('PATCH', `/api/v1/interpretation-requests/${draft.body.id}/fields`, { caseReference: 'CASUS-2' });
    expectProblem(res, 400, 'validation-failed');
    expect(pointers(res)).toEqual(['/caseReference']);
  });
});

describe('need-to-know follows the requesting organisation', () => {
  it('another municipality’s adviser and the casustafel get 404; the adviser never sees a casustafel’s case request', async () => {
    const training = await adviser('POST', '/api/v1/interpretation-requests', bodyOf('training', arnhem));
    const caseRequest = await createRequest(tableArnhem);
    for (const path of ['', '/clocks', '/messages']) {
      expect((await adviserEde('GET', `/api/v1/interpretation-requests/${training.body.id}${path}`)).status, path).toBe(404);
      expect((await tableArnhem('GET', `/api/v1/interpretation-requests/${training.body.id}${path}`)).status, path).toBe(404);
      expect((await adviser('GET', `/api/v1/interpretation-requests/${caseRequest.id}${path}`)).status, path).toBe(404);
      expect((await adviser('GET', `/api/v1/interpretation-requests/${training.body.id}${path}`)).status, path).toBe(200);
    }
    expect((await adviserEde('PATCH', `/api/v1/interpretation-requests/${training.body.id}`, { status: 'withdrawn' })).status).toBe(404);
    const own = (await listAll(adviser, '/api/v1/interpretation-requests')).items as { id: string; caseTableId: string | null }[];
    expect(own.map((x) => x.id)).toContain(training.body.id);
    expect(own.every((x) => x.caseTableId === null)).toBe(true);
    expect((await listAll(adviserEde, '/api/v1/interpretation-requests')).items.map((x: { id: string }) => x.id)).not.toContain(training.body.id);
    // The adviser writes in the thread of their own request.
    expect((await adviser('POST', `/api/v1/interpretation-requests/${training.body.id}/messages`, { body: 'Graag in de middag.' })).status).toBe(201);
  });

  it('the triage queue filters by type', async () => {
    const res = await listAll(coordinator, '/api/v1/interpretation-requests?status=submitted&type=training,information-session');
    expect(res.items.length).toBeGreaterThan(0);
    expect(res.items.every((x: { type: string }) => x.type === 'training' || x.type === 'information-session')).toBe(true);
    expectProblem(await coordinator('GET', '/api/v1/interpretation-requests?type=party'), 400, 'validation-failed');
  });
});

describe('reach: participants recorded after a session, counted in the report with suppression', () => {
  /** A session of `type` in progress with specialist1, dated `date`. */
  async function sessionInProgress(type: 'training' | 'information-session', date: string) {
    const created = await adviser('POST', '/api/v1/interpretation-requests', bodyOf(type, arnhem, { meetingDate: date }));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const sp = await specialist(coordinator, 1);
    const assigned = await coordinator('POST', `/api/v1/interpretation-requests/${created.body.id}/assignments`, { specialistId: sp.id, estimatedMinutes: 60 });
    expect((await worker('PATCH', `/api/v1/assignments/${assigned.body.id}`, { status: 'accepted' })).status).toBe(200);
    return created.body.id as string;
  }
  const peopleTable = (report: Report, id: string) => report.sections.find((s) => s.id === 'reach')?.tables.find((x) => x.id === id) as ReportTable;

  it('only the accepted specialist records, on or after the date; the report counts people reached and professionals trained', async () => {
    const training = await sessionInProgress('training', today());
    const session = await sessionInProgress('information-session', today());
    const participants = { education: 20, police: 8, 'key-figures': 4 };
    expect((await adviser('PUT', `/api/v1/interpretation-requests/${training}/reach`, { participants })).status).toBe(403);
    expect((await t.as('specialist2').then((s) => s('PUT', `/api/v1/interpretation-requests/${training}/reach`, { participants }))).status).toBe(404);
    expectProblem(await worker('PUT', `/api/v1/interpretation-requests/${training}/reach`, { participants: { police: 2001 } }), 400, 'validation-failed');
    const detail = await worker('GET', `/api/v1/interpretation-requests/${training}`);
    expect(detail.body.allowedActions).toContain('record-reach');
    const recorded = await worker('PUT', `/api/v1/interpretation-requests/${training}/reach`, { participants });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
    expect(recorded.body).toMatchObject({ ...reachTotals('training', participants), participants: { ...participants, 'youth-work': 0, welfare: 0 } });
    expect(recorded.body.peopleReached).toBe(32);
    expect(recorded.body.professionalsTrained).toBe(28);
    expect((await worker('PUT', `/api/v1/interpretation-requests/${session}/reach`, { participants: { welfare: 3 } })).status).toBe(200);
    expect((await adviser('GET', `/api/v1/interpretation-requests/${training}`)).body.reach).toMatchObject({ peopleReached: 32 });

    // A report is never less cautious than the default threshold (decision 090).
    expectProblem(await coordinator('GET', `/api/v1/reports?from=${today()}&to=${today()}&threshold=2`), 400, 'validation-failed');

    // Threshold 5: the small count reads "< 5" and what would give it away is hidden; the total stays.
    const report = (await coordinator('GET', `/api/v1/reports?from=${today()}&to=${today()}`)).body as Report;
    const people = peopleTable(report, 'people-by-type');
    const expected = suppressList([32, 3], { threshold: 5, keepTotal: true });
    expect(people.rows.map((r) => r.cells[1])).toEqual(expected.values);
    expect(people.columnTotals?.[1]).toEqual(expected.total);
    expect(expected.values).toEqual([{ kind: 'hidden' }, { kind: 'small', below: 5 }]);
    expect(expected.total).toEqual({ kind: 'value', value: 35 });
    // Every person reached was in one safety region, published as it is (35 is not small).
    const region = peopleTable(report, 'people-by-region').rows.find((r) => r.cells[1]?.kind === 'value' && r.cells[1].value === 35);
    expect(region?.label).toBe('Gelderland-Midden');
  });

  it('a session dated later records no reach yet (409), and the request does not offer it', async () => {
    const later = await sessionInProgress('training', addDays(today(), 30));
    expectProblem(await worker('PUT', `/api/v1/interpretation-requests/${later}/reach`, { participants: { police: 5 } }), 409, 'invalid-transition');
    const detail = await worker('GET', `/api/v1/interpretation-requests/${later}`);
    expect(detail.body.allowedActions).not.toContain('record-reach');
  });
});
