// Matching: ranked suggestions with reasons (decision 100), conflicts of interest that exclude and
// refuse (409 `conflict-of-interest`), standing specialists who rank first (decision 101), and the
// reason for passing over the top suggestion recorded in the audit log. Expected scores follow from
// MATCH_POINTS in shared, applied to specialists made here with known profiles.
import { randomUUID } from 'node:crypto';
import { DEMO_DOMAIN, schema } from '@duidingspool/db';
import { addDays, MATCH_POINTS } from '@duidingspool/shared';
import { and, desc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { mondayOf, weekCapacity } from '../src/lib/capacity.ts';
import { createRequest, expectProblem, firstCaseTable, pointers, today } from './fixtures.ts';
import { type Caller, useTestApp } from './harness.ts';

const t = useTestApp();
let admin: Caller;
let coordinator: Caller;
let requester: Caller;
let table: { id: string; name: string; municipalities: { id: string; name: string }[] };
let regionCode: string;
const meetingDate = addDays(today(), 14);
const AREA = 'returnees';

interface Made {
  id: string;
  userId: string;
  caller?: Caller;
}

/** A new specialist, screened a year ago, with a rate and the given profile (as the coordinator). */
async function makeSpecialist(name: string, profile: Record<string, unknown>): Promise<Made> {
  const email = `match-${randomUUID()}@${DEMO_DOMAIN}`;
  const res = await admin('POST', '/api/v1/users', { email, displayName: name, roles: ['specialist'] });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const [row] = await t.handle.db.select({ id: schema.specialists.id }).from(schema.specialists).where(eq(schema.specialists.userId, res.body.id));
  if (!row) throw new Error('no profile');
  const patched = await coordinator('PATCH', `/api/v1/specialists/${row.id}/profile`, { screeningDate: addDays(today(), -365), ...profile });
  expect(patched.status, JSON.stringify(patched.body)).toBe(200);
  const rate = await coordinator('POST', `/api/v1/specialists/${row.id}/rates`, { rateCents: 9000, validFrom: '2019-01-01' });
  expect(rate.status).toBe(201);
  return { id: row.id, userId: res.body.id };
}

const suggestionsOf = async (requestId: string) => {
  const res = await coordinator('GET', `/api/v1/interpretation-requests/${requestId}/suggestions`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as {
    date: string;
    suggestions: { specialistId: string; score: number; standing: boolean; reasons: { code: string; points: number; params: Record<string, unknown> }[] }[];
    excluded: { specialistId: string; reasons: { code: string; params: Record<string, unknown> }[] }[];
  };
};

let a: Made; // expertise, language, region
let b: Made; // expertise, region
let c: Made; // expertise only: made standing later
let d: Made; // conflict with the municipality
let e: Made; // absent on the meeting date
let requestId: string;

beforeAll(async () => {
  [admin, coordinator, requester] = await Promise.all([t.as('admin'), t.as('coordinator'), t.as('requester.arnhem')]);
  table = await firstCaseTable(requester);
  const tables = (await coordinator('GET', '/api/v1/case-tables?pageSize=100')).body.items as { id: string; safetyRegionName: string }[];
  const regionName = tables.find((x) => x.id === table.id)?.safetyRegionName;
  const regions = (await coordinator('GET', '/api/v1/reference-data')).body.safetyRegions as { code: string; name: string }[];
  regionCode = regions.find((r) => r.name === regionName)?.code as string;
  const tag = randomUUID().slice(0, 6);
  a = await makeSpecialist(`Anna ${tag}`, { expertiseAreaCodes: [AREA], languages: ['ar'], regionCodes: [regionCode], capacityMinutesPerMonth: 600 });
  b = await makeSpecialist(`Bram ${tag}`, { expertiseAreaCodes: [AREA], regionCodes: [regionCode], capacityMinutesPerMonth: 600 });
  c = await makeSpecialist(`Cas ${tag}`, { expertiseAreaCodes: [AREA], capacityMinutesPerMonth: 600 });
  d = await makeSpecialist(`Dirk ${tag}`, { expertiseAreaCodes: [AREA], languages: ['ar'], regionCodes: [regionCode] });
  e = await makeSpecialist(`Eva ${tag}`, { expertiseAreaCodes: [AREA], languages: ['ar'], regionCodes: [regionCode] });
  const absent = await coordinator('POST', `/api/v1/specialists/${e.id}/absences`, { startsOn: meetingDate, endsOn: meetingDate });
  expect(absent.status).toBe(201);
  requestId = (await createRequest(requester, { expertiseAreaCodes: [AREA], languages: ['ar'], meetingDate })).id;
});

describe('suggestions', () => {
  it('rank by the documented score with reasons as codes and parameters', async () => {
    const list = await suggestionsOf(requestId);
    expect(list.date).toBe(meetingDate);
    const full = MATCH_POINTS.expertiseArea + MATCH_POINTS.capacityMax;
    const scoreOf = (m: Made) => list.suggestions.find((s) => s.specialistId === m.id)?.score;
    expect(scoreOf(a)).toBe(full + MATCH_POINTS.language + MATCH_POINTS.region);
    expect(scoreOf(b)).toBe(full + MATCH_POINTS.region);
    expect(scoreOf(c)).toBe(full);
    const mine = list.suggestions.filter((s) => [a.id, b.id, c.id].includes(s.specialistId)).map((s) => s.specialistId);
    expect(mine).toEqual([a.id, b.id, c.id]);
    // Best first: no standing specialists yet, so the scores never rise down the list.
    for (let i = 1; i < list.suggestions.length; i++) expect(list.suggestions[i - 1]?.score).toBeGreaterThanOrEqual(list.suggestions[i]?.score as number);
    // Every score is the sum of its reasons' points.
    for (const s of list.suggestions) expect(s.score).toBe(s.reasons.reduce((sum, r) => sum + r.points, 0));
    const reasonsOfA = list.suggestions.find((s) => s.specialistId === a.id)?.reasons;
    expect(reasonsOfA).toEqual(
      expect.arrayContaining([
        { code: 'expertise-match', points: MATCH_POINTS.expertiseArea, params: { codes: [AREA] } },
        { code: 'language-match', points: MATCH_POINTS.language, params: { codes: ['ar'] } },
        { code: 'region-served', points: MATCH_POINTS.region, params: { regionCode } },
        // The date lies within 30 days: one month of capacity, 600 minutes, nothing open.
        { code: 'capacity-left', points: MATCH_POINTS.capacityMax, params: { minutes: 600, date: meetingDate } },
      ]),
    );
    expect(list.excluded).toEqual(
      expect.arrayContaining([
        { specialistId: e.id, displayName: expect.any(String), reasons: [{ code: 'specialist-absent', params: { date: meetingDate } }] },
      ]),
    );
  });

  it('the load of live assignments lowers the capacity left', async () => {
    const other = (await createRequest(requester, { expertiseAreaCodes: [AREA] })).id;
    const assigned = await coordinator('POST', `/api/v1/interpretation-requests/${other}/assignments`, {
      specialistId: b.id,
      estimatedMinutes: 450,
      overrideReason: 'Belasting meten',
    });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(201);
    const list = await suggestionsOf(requestId);
    const capacity = list.suggestions.find((s) => s.specialistId === b.id)?.reasons.find((r) => r.code === 'capacity-left');
    expect(capacity).toEqual({
      code: 'capacity-left',
      points: Math.round((MATCH_POINTS.capacityMax * 150) / 600),
      params: { minutes: 150, date: meetingDate },
    });
  });

  it('is the coordinator’s: 404 for an unknown request', async () => {
    expectProblem(await coordinator('GET', `/api/v1/interpretation-requests/${randomUUID()}/suggestions`), 404, 'not-found');
  });
});

describe('conflicts of interest', () => {
  let conflictId: string;

  it('a specialist declares one for the municipality; listed with the note for them and the coordinator', async () => {
    const municipality = table.municipalities[0] as { id: string; name: string };
    const res = await coordinator('POST', `/api/v1/specialists/${d.id}/conflicts`, { municipalityId: municipality.id, note: 'Zus werkt bij deze gemeente' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ kind: 'municipality', targetId: municipality.id, targetName: municipality.name, note: 'Zus werkt bij deze gemeente' });
    conflictId = res.body.id;
    const listed = await coordinator('GET', `/api/v1/specialists/${d.id}/conflicts`);
    expect(listed.body.items.map((x: { id: string }) => x.id)).toEqual([conflictId]);
    expectProblem(await coordinator('POST', `/api/v1/specialists/${d.id}/conflicts`, { municipalityId: municipality.id }), 409, 'conflict');
  });

  it('excludes from the suggestions, naming the municipality, and refuses the assignment with 409', async () => {
    const list = await suggestionsOf(requestId);
    expect(list.suggestions.map((s) => s.specialistId)).not.toContain(d.id);
    expect(list.excluded.find((x) => x.specialistId === d.id)?.reasons).toEqual([
      { code: 'conflict-of-interest', params: { kind: 'municipality', name: table.municipalities[0]?.name } },
    ]);
    const res = await coordinator('POST', `/api/v1/interpretation-requests/${requestId}/assignments`, { specialistId: d.id, estimatedMinutes: 60 });
    expectProblem(res, 409, 'conflict-of-interest');
    expect(pointers(res)).toEqual(['/specialistId']);
  });

  it('a conflict with the casustafel’s organisation (Zorg- en Veiligheidshuis) excludes as well; withdrawing it includes again', async () => {
    const [house] = await t.handle.db.select({ id: schema.caseTables.safetyHouseId }).from(schema.caseTables).where(eq(schema.caseTables.id, table.id));
    const made = await coordinator('POST', `/api/v1/specialists/${b.id}/conflicts`, { safetyHouseId: house?.id });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect((await suggestionsOf(requestId)).excluded.find((x) => x.specialistId === b.id)?.reasons[0]?.code).toBe('conflict-of-interest');
    expect((await coordinator('DELETE', `/api/v1/conflicts/${made.body.id}`)).status).toBe(204);
    expect((await suggestionsOf(requestId)).suggestions.map((s) => s.specialistId)).toContain(b.id);
  });

  it('bad input names the field and writes nothing', async () => {
    const before = (await coordinator('GET', `/api/v1/specialists/${a.id}/conflicts`)).body.items.length;
    const unknown = await coordinator('POST', `/api/v1/specialists/${a.id}/conflicts`, { municipalityId: randomUUID() });
    expectProblem(unknown, 400, 'validation-failed');
    expect(pointers(unknown)).toEqual(['/municipalityId']);
    const two = await coordinator('POST', `/api/v1/specialists/${a.id}/conflicts`, { municipalityId: table.municipalities[0]?.id, caseTableId: table.id });
    expectProblem(two, 400, 'validation-failed');
    const none = await coordinator('POST', `/api/v1/specialists/${a.id}/conflicts`, {});
    expectProblem(none, 400, 'validation-failed');
    expect((await coordinator('GET', `/api/v1/specialists/${a.id}/conflicts`)).body.items.length).toBe(before);
  });

  it('a capacity of 10,000 hours a week is refused naming the field', async () => {
    const res = await coordinator('PATCH', `/api/v1/specialists/${a.id}/profile`, { capacityMinutesPerMonth: 10_000 * 60 * 4 });
    expectProblem(res, 400, 'validation-failed');
    expect(pointers(res)).toEqual(['/capacityMinutesPerMonth']);
  });
});

describe('standing specialists', () => {
  it('a standing specialist who fits ranks first, and is listed for the casustafel', async () => {
    const put = await coordinator('PUT', `/api/v1/case-tables/${table.id}/standing-specialists`, { specialistIds: [c.id] });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body.items).toEqual([{ specialistId: c.id, displayName: expect.any(String), active: true, conflictOfInterest: false }]);
    const list = await suggestionsOf(requestId);
    expect(list.suggestions[0]).toMatchObject({ specialistId: c.id, standing: true });
    expect(list.suggestions[0]?.reasons[0]).toEqual({ code: 'standing-specialist', points: 0, params: {} });
  });

  it('refuses an unknown specialist naming the item, and a coordinator linking nothing clears the list', async () => {
    const res = await coordinator('PUT', `/api/v1/case-tables/${table.id}/standing-specialists`, { specialistIds: [c.id, randomUUID()] });
    expectProblem(res, 400, 'validation-failed');
    expect(pointers(res)).toEqual(['/specialistIds/1']);
    expect(
      (await coordinator('GET', `/api/v1/case-tables/${table.id}/standing-specialists`)).body.items.map((x: { specialistId: string }) => x.specialistId),
    ).toEqual([c.id]);
    expectProblem(await coordinator('GET', `/api/v1/case-tables/${randomUUID()}/standing-specialists`), 404, 'not-found');
  });

  it('a retired casustafel gets no standing specialists (409 retired); emptying its list is allowed', async () => {
    const [house] = await t.handle.db.select({ id: schema.safetyHouses.id }).from(schema.safetyHouses).limit(1);
    const [retired] = await t.handle.db
      .insert(schema.caseTables)
      .values({ code: `opgeheven-${Date.now()}`, name: `Opgeheven casustafel ${Date.now()}`, safetyHouseId: house?.id as string, retiredAt: new Date() })
      .returning({ id: schema.caseTables.id });
    const url = `/api/v1/case-tables/${retired?.id}/standing-specialists`;
    expectProblem(await coordinator('PUT', url, { specialistIds: [c.id] }), 409, 'retired');
    expect((await coordinator('GET', url)).body.items).toEqual([]);
    expect((await coordinator('PUT', url, { specialistIds: [] })).status).toBe(200);
  });
});

describe('choosing another than the top suggestion', () => {
  const lastAssign = async () => {
    const [row] = await t.handle.db
      .select({ details: schema.auditEvents.details })
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.action, 'assign'), eq(schema.auditEvents.result, 'success')))
      .orderBy(desc(schema.auditEvents.occurredAt), desc(schema.auditEvents.id))
      .limit(1);
    return row?.details as Record<string, unknown>;
  };

  it('records the suggestion passed over and the reason in the audit log', async () => {
    const top = (await suggestionsOf(requestId)).suggestions[0]?.specialistId;
    expect(top).toBe(c.id);
    const res = await coordinator('POST', `/api/v1/interpretation-requests/${requestId}/assignments`, {
      specialistId: a.id,
      estimatedMinutes: 60,
      overrideReason: 'Spreekt Arabisch, nodig voor dit gesprek',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(await lastAssign()).toMatchObject({ suggestedSpecialistId: c.id, overrideReason: 'Spreekt Arabisch, nodig voor dit gesprek' });
  });

  it('another than the top suggestion without a reason is assigned, and the audit event records the suggestion passed over with no reason (decision 103)', async () => {
    const other = (await createRequest(requester, { expertiseAreaCodes: [AREA], languages: ['ar'], meetingDate })).id;
    const top = (await suggestionsOf(other)).suggestions[0]?.specialistId;
    const notTop = top === a.id ? b.id : a.id;
    const res = await coordinator('POST', `/api/v1/interpretation-requests/${other}/assignments`, {
      specialistId: notTop,
      estimatedMinutes: 60,
      overrideReason: '   ',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(await lastAssign()).toMatchObject({ suggestedSpecialistId: top, overrideReason: null });
  });

  it('the top suggestion records no override', async () => {
    const other = (await createRequest(requester, { expertiseAreaCodes: [AREA], languages: ['ar'], meetingDate })).id;
    const top = (await suggestionsOf(other)).suggestions[0]?.specialistId as string;
    const res = await coordinator('POST', `/api/v1/interpretation-requests/${other}/assignments`, { specialistId: top, estimatedMinutes: 60 });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const details = await lastAssign();
    expect(details).not.toHaveProperty('suggestedSpecialistId');
    expect(details).not.toHaveProperty('overrideReason');
  });
});

describe('capacity view', () => {
  it('gives each active specialist’s capacity for the coming eight weeks, less absences, with their load', async () => {
    const res = await coordinator('GET', '/api/v1/specialists/capacity');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const first = mondayOf(today());
    expect(res.body.weekStarts).toEqual(Array.from({ length: 8 }, (_, i) => addDays(first, 7 * i)));
    const row = (res.body.items as { specialistId: string; weeks: { weekStart: string; capacityMinutes: number; absentDays: number }[] }[]).find(
      (x) => x.specialistId === e.id,
    );
    // Eva: the default capacity and one absent day, the meeting date.
    const profile = (await coordinator('GET', `/api/v1/specialists/${e.id}/profile`)).body as { capacityMinutesPerMonth: number };
    const absence = [{ startsOn: meetingDate, endsOn: meetingDate }];
    expect(row?.weeks).toEqual(res.body.weekStarts.map((w: string) => ({ weekStart: w, ...weekCapacity(profile.capacityMinutesPerMonth, w, absence) })));
    expectProblem(await requester('GET', '/api/v1/specialists/capacity'), 403, 'forbidden');
  });
});

describe('a proposal shows the summary first; content after the no-conflict confirmation (decision 103)', () => {
  const question = 'Welke duiding past bij de berichten in de groepsapp?';
  let worker: Caller;
  let other: Caller;
  let sp1: { id: string };
  let sp2: { id: string };
  beforeAll(async () => {
    [worker, other] = await Promise.all([t.as('specialist1'), t.as('specialist2')]);
    const list = (await coordinator('GET', '/api/v1/specialists?pageSize=100')).body.items as { id: string; email: string }[];
    sp1 = list.find((x) => x.email === 'specialist1@duidingspool.example') as { id: string };
    sp2 = list.find((x) => x.email === 'specialist2@duidingspool.example') as { id: string };
  });
  const propose = async (specialistId: string) => {
    const request = await createRequest(requester, { question });
    const res = await coordinator('POST', `/api/v1/interpretation-requests/${request.id}/assignments`, {
      specialistId,
      estimatedMinutes: 180,
      overrideReason: 'Proef van de bevestiging',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return { requestId: request.id, assignmentId: res.body.id as string };
  };
  const auditsOf = (action: 'confirm-no-conflict' | 'declare-conflict', objectId: string) =>
    t.handle.db
      .select({ details: schema.auditEvents.details })
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.action, action), eq(schema.auditEvents.objectId, objectId)));

  it('the proposed specialist reads the summary only, by the API: no case reference, question, context, timeline or thread', async () => {
    const { requestId: id, assignmentId } = await propose(sp1.id);
    const detail = await worker('GET', `/api/v1/interpretation-requests/${id}`);
    expect(detail.status, JSON.stringify(detail.body)).toBe(200);
    expect(detail.body).toMatchObject({
      summaryOnly: 'confirm-no-conflict',
      caseReference: '',
      question: '',
      context: null,
      timeline: [],
      advice: null,
      caseTableName: table.name,
      expertiseAreaCodes: ['right-wing-extremism'],
      urgency: 'regular',
      deliverable: 'written-advice',
      safetyRegionName: expect.any(String),
    });
    expect(detail.body.assignments).toEqual([
      expect.objectContaining({ id: assignmentId, estimatedMinutes: 180, allowedActions: ['confirm-no-conflict', 'decline'] }),
    ]);
    expect(JSON.stringify(detail.body)).not.toContain(question);
    expectProblem(await worker('GET', `/api/v1/interpretation-requests/${id}/messages`), 404, 'not-found');
    const list = await worker('GET', '/api/v1/interpretation-requests?pageSize=100');
    expect(list.body.items.find((x: { id: string }) => x.id === id)).toMatchObject({ summaryOnly: 'confirm-no-conflict', caseReference: '' });
    // The clocks carry no content: the answer clock shows.
    expect((await worker('GET', `/api/v1/interpretation-requests/${id}/clocks`)).body.items.map((x: { kind: string }) => x.kind)).toEqual(['proposal-answer']);
    // Another specialist cannot confirm it.
    expectProblem(await other('POST', `/api/v1/assignments/${assignmentId}/no-conflict-confirmation`), 404, 'not-found');

    const confirmed = await worker('POST', `/api/v1/assignments/${assignmentId}/no-conflict-confirmation`);
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'proposed', noConflictConfirmedAt: expect.any(String), allowedActions: ['accept', 'decline'] });
    expect(await auditsOf('confirm-no-conflict', assignmentId)).toEqual([{ details: { requestId: id, via: 'confirmation' } }]);
    // Confirming twice changes nothing and is not audited again.
    expect((await worker('POST', `/api/v1/assignments/${assignmentId}/no-conflict-confirmation`)).status).toBe(200);
    expect(await auditsOf('confirm-no-conflict', assignmentId)).toHaveLength(1);

    const open = await worker('GET', `/api/v1/interpretation-requests/${id}`);
    expect(open.body).toMatchObject({ summaryOnly: null, question, caseReference: expect.stringMatching(/^CASUS-/) });
    expect((await worker('GET', `/api/v1/interpretation-requests/${id}/messages`)).status).toBe(200);
    expect((await worker('PATCH', `/api/v1/assignments/${assignmentId}`, { status: 'accepted' })).status).toBe(200);
    expectProblem(await worker('POST', `/api/v1/assignments/${assignmentId}/no-conflict-confirmation`), 409, 'invalid-transition');
  });

  it('accepting without the confirmation confirms too (the fixed contract), audited', async () => {
    const { assignmentId } = await propose(sp1.id);
    const res = await worker('PATCH', `/api/v1/assignments/${assignmentId}`, { status: 'accepted' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.noConflictConfirmedAt).toEqual(expect.any(String));
    expect(await auditsOf('confirm-no-conflict', assignmentId)).toEqual([{ details: expect.objectContaining({ via: 'accept' }) }]);
  });

  it('a conflict declared after the proposal blocks the confirmation and the acceptance: the proposal is to be declined', async () => {
    const { requestId: id, assignmentId } = await propose(sp1.id);
    const declared = await worker('POST', `/api/v1/specialists/${sp1.id}/conflicts`, { caseTableId: table.id });
    expect(declared.status, JSON.stringify(declared.body)).toBe(201);
    expectProblem(await worker('POST', `/api/v1/assignments/${assignmentId}/no-conflict-confirmation`), 409, 'conflict-of-interest');
    expectProblem(await worker('PATCH', `/api/v1/assignments/${assignmentId}`, { status: 'accepted' }), 409, 'conflict-of-interest');
    expect(await auditsOf('confirm-no-conflict', assignmentId)).toEqual([]);
    expect((await worker('GET', `/api/v1/interpretation-requests/${id}`)).body).toMatchObject({ status: 'assigned', summaryOnly: 'confirm-no-conflict' });
    expect((await worker('PATCH', `/api/v1/assignments/${assignmentId}`, { status: 'declined', reason: 'Belangenverstrengeling' })).status).toBe(200);
    expect((await worker('DELETE', `/api/v1/conflicts/${declared.body.id}`)).status).toBe(204);
  });

  it('declining because of a conflict records the conflict; the specialist is then excluded', async () => {
    const { requestId: id, assignmentId } = await propose(sp2.id);
    const wrong = await other('PATCH', `/api/v1/assignments/${assignmentId}`, { status: 'accepted', conflictOfInterest: 'municipality' });
    expectProblem(wrong, 400, 'validation-failed');
    expect(pointers(wrong)).toEqual(['/conflictOfInterest']);
    const res = await other('PATCH', `/api/v1/assignments/${assignmentId}`, { status: 'declined', conflictOfInterest: 'case-table' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const conflicts = (await coordinator('GET', `/api/v1/specialists/${sp2.id}/conflicts`)).body as { kind: string; targetId?: string; caseTableId?: string }[];
    expect(JSON.stringify(conflicts)).toContain(table.id);
    expect(await auditsOf('declare-conflict', sp2.id)).toEqual(
      expect.arrayContaining([{ details: expect.objectContaining({ kind: 'case-table', targetId: table.id, via: 'declined-proposal', assignmentId }) }]),
    );
    const list = await suggestionsOf(id);
    expect(list.excluded.find((x) => x.specialistId === sp2.id)?.reasons.map((r) => r.code)).toContain('conflict-of-interest');
    expectProblem(
      await coordinator('POST', `/api/v1/interpretation-requests/${id}/assignments`, { specialistId: sp2.id, estimatedMinutes: 60, overrideReason: 'Toch' }),
      409,
      'conflict-of-interest',
    );
  });

  it('a standing specialist sees the new requests of their casustafel as a summary only', async () => {
    const before = (await coordinator('GET', `/api/v1/case-tables/${table.id}/standing-specialists`)).body.items.map(
      (x: { specialistId: string }) => x.specialistId,
    );
    expect((await coordinator('PUT', `/api/v1/case-tables/${table.id}/standing-specialists`, { specialistIds: [...before, sp1.id] })).status).toBe(200);
    try {
      const request = await createRequest(requester, { question });
      const detail = await worker('GET', `/api/v1/interpretation-requests/${request.id}`);
      expect(detail.status).toBe(200);
      expect(detail.body).toMatchObject({ summaryOnly: 'standing-specialist', question: '', caseReference: '', assignments: [] });
      expect(JSON.stringify(detail.body)).not.toContain(question);
      const list = await worker('GET', '/api/v1/interpretation-requests?pageSize=100&status=submitted');
      expect(list.body.items.find((x: { id: string }) => x.id === request.id)).toMatchObject({ summaryOnly: 'standing-specialist', caseReference: '' });
      expectProblem(await worker('GET', `/api/v1/interpretation-requests/${request.id}/messages`), 404, 'not-found');
      // Once it is proposed to someone else it is no longer new: it is gone for the standing specialist.
      const proposed = await coordinator('POST', `/api/v1/interpretation-requests/${request.id}/assignments`, {
        specialistId: sp2.id,
        estimatedMinutes: 60,
        overrideReason: 'Ander',
      });
      if (proposed.status === 201) expectProblem(await worker('GET', `/api/v1/interpretation-requests/${request.id}`), 404, 'not-found');
      // A specialist who is not standing for the casustafel does not see it at all.
      const unseen = await createRequest(requester, { question });
      expectProblem(await other('GET', `/api/v1/interpretation-requests/${unseen.id}`), 404, 'not-found');
    } finally {
      await coordinator('PUT', `/api/v1/case-tables/${table.id}/standing-specialists`, { specialistIds: before });
    }
  });
  it('a standing specialist who declares a conflict no longer sees the table’s requests, and a conflict with the table rules out linking (409)', async () => {
    const before = (await coordinator('GET', `/api/v1/case-tables/${table.id}/standing-specialists`)).body.items.map(
      (x: { specialistId: string }) => x.specialistId,
    );
    expect((await coordinator('PUT', `/api/v1/case-tables/${table.id}/standing-specialists`, { specialistIds: [...before, sp1.id] })).status).toBe(200);
    const declared: string[] = [];
    try {
      const request = await createRequest(requester, { question });
      const url = `/api/v1/interpretation-requests/${request.id}`;
      expect((await worker('GET', url)).body).toMatchObject({ summaryOnly: 'standing-specialist' });
      // A conflict with the request's municipality closes that request to them, in the detail and the list.
      const { municipalityId } = (await coordinator('GET', url)).body as { municipalityId: string };
      const own = await worker('POST', `/api/v1/specialists/${sp1.id}/conflicts`, { municipalityId });
      expect(own.status, JSON.stringify(own.body)).toBe(201);
      declared.push(own.body.id);
      expectProblem(await worker('GET', url), 404, 'not-found');
      const list = await worker('GET', '/api/v1/interpretation-requests?pageSize=100&status=submitted');
      expect(list.body.items.map((x: { id: string }) => x.id)).not.toContain(request.id);
      // Withdrawn, the summary is back: the conflict alone closed it.
      expect((await worker('DELETE', `/api/v1/conflicts/${declared.pop()}`)).status).toBe(204);
      expect((await worker('GET', url)).body).toMatchObject({ summaryOnly: 'standing-specialist' });
      // A conflict with the casustafel itself: linking them again is refused, naming the item, and nothing changes.
      const withTable = await worker('POST', `/api/v1/specialists/${sp1.id}/conflicts`, { caseTableId: table.id });
      expect(withTable.status, JSON.stringify(withTable.body)).toBe(201);
      declared.push(withTable.body.id);
      expectProblem(await worker('GET', url), 404, 'not-found');
      const refused = await coordinator('PUT', `/api/v1/case-tables/${table.id}/standing-specialists`, { specialistIds: [...before, sp1.id] });
      expectProblem(refused, 409, 'conflict-of-interest');
      expect(pointers(refused)).toEqual([`/specialistIds/${before.length}`]);
      expect(
        (await coordinator('GET', `/api/v1/case-tables/${table.id}/standing-specialists`)).body.items.map((x: { specialistId: string }) => x.specialistId),
      ).toContain(sp1.id);
      // Still linked from before the conflict: the list marks them, for the coordinator to unlink.
      const listed = (await coordinator('GET', `/api/v1/case-tables/${table.id}/standing-specialists`)).body.items as {
        specialistId: string;
        conflictOfInterest: boolean;
      }[];
      expect(listed.find((x) => x.specialistId === sp1.id)?.conflictOfInterest).toBe(true);
      expect(listed.filter((x) => x.specialistId !== sp1.id).every((x) => !x.conflictOfInterest)).toBe(true);
    } finally {
      for (const id of declared) await worker('DELETE', `/api/v1/conflicts/${id}`);
      await coordinator('PUT', `/api/v1/case-tables/${table.id}/standing-specialists`, { specialistIds: before });
    }
  });
});
