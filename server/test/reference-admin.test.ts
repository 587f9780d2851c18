// The admin's reference data (docs/design.md §2, decision 081): safety regions, safety houses,
// municipalities, casustafels (with the municipalities they serve and their members), expertise
// areas and activities are added, renamed and retired through the API, every change audited. A
// retired item stays in history and in the admin's list but is offered for nothing new; retiring
// something still in active use is refused with what uses it; a retired casustafel's members cannot
// submit; the structure import keeps working around retired rows.
import { randomBytes } from 'node:crypto';
import { schema } from '@duidingspool/db';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { importStructureCommand } from '../src/cli/import-structure.ts';
import { expectProblem, listAll, requestBody } from './fixtures.ts';
import { type Caller, useTestApp } from './harness.ts';

const t = useTestApp();

let admin: Caller;
let requester: Caller;
let coordinator: Caller;

beforeAll(async () => {
  [admin, requester, coordinator] = await Promise.all([t.as('admin'), t.as('requester.zwolle'), t.as('coordinator')]);
});

const BASE = '/api/v1/admin/reference';
const suffix = () => randomBytes(3).toString('hex');
/** A CBS-shaped code no real municipality of the shipped file has (GM9xxx), a new one each call. */
let nextCbs = 0;
const cbs = () => `GM9${String(nextCbs++).padStart(3, '0')}`;

async function add(kind: string, body: Record<string, unknown>) {
  const res = await admin('POST', `${BASE}/${kind}`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { code: string; name: string; retiredAt: string | null; members: { userId: string }[]; municipalities: { code: string }[] };
}

/** A new region, safety house, municipality and casustafel serving it; returns their codes. */
async function newStructure() {
  const s = suffix();
  const region = await add('safety-regions', { code: `vr-${s}`, name: `Regio ${s}`, seat: 'Stad' });
  const house = await add('safety-houses', { code: `zvh-${s}`, name: `Huis ${s}`, city: 'Stad', parentCode: region.code });
  const municipality = await add('municipalities', { code: cbs(), name: `Gemeente ${s}`, parentCode: house.code });
  const table = await add('case-tables', { code: `ct-${s}`, name: `Casustafel ${s}`, parentCode: house.code, municipalityCodes: [municipality.code] });
  return { region: region.code, house: house.code, municipality: municipality.code, table: table.code, tableName: table.name };
}

/** The user id of requester.zwolle@… (read by the admin: the requester's own session ends when their memberships change). */
async function zwolleId(): Promise<string> {
  const user = (await listAll(admin, '/api/v1/users?role=requester')).items.find((u: { email: string }) => u.email.startsWith('requester.zwolle@'));
  return user.id;
}

async function userId(caller: Caller): Promise<string> {
  return (await caller('GET', '/api/v1/me')).body.id;
}

async function auditRows(objectType: string, objectId: string) {
  const a = schema.auditEvents;
  return t.handle.db
    .select({ action: a.action, result: a.result, details: a.details, actorId: a.actorId })
    .from(a)
    .where(and(eq(a.objectType, objectType), eq(a.objectId, objectId)))
    .orderBy(a.occurredAt, a.id);
}

describe('adding and renaming', () => {
  it('adds each kind with trimmed names, lists it, renames it and audits both', async () => {
    const s = suffix();
    const region = await add('safety-regions', { code: `vr-${s}`, name: `  Regio ${s}  `, seat: ' Zetel ' });
    expect(region).toMatchObject({ name: `Regio ${s}`, seat: 'Zetel', retiredAt: null });
    const area = await add('expertise-areas', { code: `x-${s}`, name: `Gebied ${s}`, nameEn: `Area ${s}` });
    expect(area).toMatchObject({ nameEn: `Area ${s}`, retiredAt: null });

    const list = await admin('GET', `${BASE}/safety-regions`);
    expect(list.body.items.map((x: { code: string }) => x.code)).toContain(region.code);

    const renamed = await admin('PATCH', `${BASE}/safety-regions/${region.code}`, { name: `Regio ${s} nieuw` });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ code: region.code, name: `Regio ${s} nieuw`, seat: 'Zetel' });
    const renamedArea = await admin('PATCH', `${BASE}/expertise-areas/${area.code}`, { name: `Gebied ${s} nieuw` });
    expect(renamedArea.body).toMatchObject({ name: `Gebied ${s} nieuw`, nameEn: `Area ${s}` });

    expect((await auditRows('safety-region', region.code)).map((x) => [x.action, x.result])).toEqual([
      ['create', 'success'],
      ['update', 'success'],
    ]);
    const [, update] = await auditRows('safety-region', region.code);
    expect(update?.details).toMatchObject({ name: { from: `Regio ${s}`, to: `Regio ${s} nieuw` } });
    expect(update?.actorId).toBe(await userId(admin));
    // The new expertise area is offered in the forms' reference data.
    const ref = await requester('GET', '/api/v1/reference-data');
    expect(ref.body.expertiseAreas).toContainEqual({ code: area.code, nameNl: `Gebied ${s} nieuw`, nameEn: `Area ${s}`, retired: false });
  });

  it('refuses a duplicate code or name with 409, a wrong municipality code or a missing field with 400, and writes nothing', async () => {
    const { region, house, municipality } = await newStructure();
    expectProblem(await admin('POST', `${BASE}/safety-regions`, { code: region, name: `Ander ${suffix()}`, seat: 'X' }), 409, 'conflict');
    expectProblem(await admin('POST', `${BASE}/expertise-areas`, { code: 'right-wing-extremism', name: 'Dubbel', nameEn: 'Double' }), 409, 'conflict');
    const sameName = await admin('POST', `${BASE}/municipalities`, { code: cbs(), name: 'Arnhem', parentCode: house });
    expectProblem(sameName, 409, 'conflict');
    expect(sameName.body.errors[0].pointer).toBe('/name');
    const notCbs = await admin('POST', `${BASE}/municipalities`, { code: `gem-${suffix()}`, name: `Gemeente ${suffix()}`, parentCode: house });
    expectProblem(notCbs, 400, 'validation-failed');
    expect(notCbs.body.errors[0].pointer).toBe('/code');
    const noSeat = await admin('POST', `${BASE}/safety-regions`, { code: `vr-${suffix()}`, name: `Regio ${suffix()}` });
    expectProblem(noSeat, 400, 'validation-failed');
    expect(noSeat.body.errors[0].pointer).toBe('/seat');
    const stray = await admin('POST', `${BASE}/activities`, { code: `a-${suffix()}`, name: 'Iets', nameEn: 'Something', city: 'Nergens' });
    expectProblem(stray, 400, 'validation-failed');
    const unknownParent = await admin('POST', `${BASE}/case-tables`, {
      code: `ct-${suffix()}`,
      name: `Tafel ${suffix()}`,
      parentCode: 'zvh-nope',
      municipalityCodes: [municipality],
    });
    expectProblem(unknownParent, 400, 'validation-failed');
    expect(unknownParent.body.errors[0].pointer).toBe('/parentCode');
    expectProblem(await admin('POST', `${BASE}/safety-regions`, { code: `vr-${suffix()}`, name: '   ', seat: 'X' }), 400, 'validation-failed');
    expectProblem(await admin('PATCH', `${BASE}/safety-regions/vr-does-not-exist`, { name: 'X' }), 404, 'not-found');
    const regions = (await admin('GET', `${BASE}/safety-regions`)).body.items as { code: string }[];
    expect(regions.filter((x) => x.code === region)).toHaveLength(1);
  });
});

describe('the structure import around retired rows', () => {
  it('keeps a retired row retired, ignores the history of retired rows the file leaves out, and stays idempotent', async () => {
    // A row of the shipped file, retired: an expertise area no open request asks for.
    const areas = (await admin('GET', `${BASE}/expertise-areas`)).body.items as { code: string }[];
    const area = areas.find((x) => x.code === 'returnees')?.code ?? (areas[0] as { code: string }).code;
    const retired = await admin('POST', `${BASE}/expertise-areas/${area}/retirement`);
    expect(retired.status, JSON.stringify(retired.body)).toBe(200);
    // A structure the file does not name, with history (a member), retired from the bottom up.
    const { region, house, municipality, table } = await newStructure();
    expect((await admin('POST', `${BASE}/case-tables/${table}/members`, { userId: await zwolleId() })).status).toBe(200);
    for (const [kind, code] of [
      ['case-tables', table],
      ['municipalities', municipality],
      ['safety-houses', house],
      ['safety-regions', region],
    ] as const) {
      const res = await admin('POST', `${BASE}/${kind}/${code}/retirement`);
      expect(res.status, `${kind} ${JSON.stringify(res.body)}`).toBe(200);
    }

    for (let run = 0; run < 2; run++) {
      const out: string[] = [];
      const err: string[] = [];
      const status = await importStructureCommand(t.handle.db, undefined, { log: (l) => out.push(l), error: (l) => err.push(l) });
      expect(err, err.join('\n')).toEqual([]);
      expect(status).toBe(0);
      expect(out.join('\n')).toMatch(/\b0 added, 0 changed\b/);
    }
    const item = (await admin('GET', `${BASE}/expertise-areas`)).body.items.find((x: { code: string }) => x.code === area);
    expect(item.retiredAt).toBe(retired.body.retiredAt);
    const retiredTable = (await admin('GET', `${BASE}/case-tables`)).body.items.find((x: { code: string }) => x.code === table);
    expect(retiredTable.retiredAt).not.toBeNull();
    expect(retiredTable.members).toHaveLength(1);
    // The retired expertise area is back in service for nothing: a new request may not ask for it.
    const caller = await t.as('requester.zwolle');
    expectProblem(await caller('POST', '/api/v1/interpretation-requests', await requestBody(caller, { expertiseAreaCodes: [area] })), 409, 'retired');
  });
});

describe('retiring', () => {
  it('retires an unused casustafel, keeps it in the admin list marked, and leaves it out of the choices', async () => {
    const { table, municipality } = await newStructure();
    const res = await admin('POST', `${BASE}/case-tables/${table}/retirement`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.retiredAt).not.toBeNull();
    const listed = (await admin('GET', `${BASE}/case-tables`)).body.items.find((x: { code: string }) => x.code === table);
    expect(listed.retiredAt).toBe(res.body.retiredAt);
    const names = async (caller: Caller, query = '') => (await listAll(caller, `/api/v1/case-tables${query}`)).items.map((x: { name: string }) => x.name);
    expect(await names(coordinator)).not.toContain(res.body.name);
    expect(await names(admin, '?includeRetired=true')).toContain(res.body.name);
    expectProblem(await admin('POST', `${BASE}/case-tables/${table}/retirement`), 409, 'invalid-transition');
    // Its municipality is now served by no casustafel in service, so it may be retired too.
    expect((await admin('POST', `${BASE}/municipalities/${municipality}/retirement`)).status).toBe(200);
    expect((await auditRows('case-table', table)).map((x) => x.action)).toEqual(['create', 'retire']);
  });

  it('refuses to retire what is in active use, names what uses it, audits the refusal and writes nothing', async () => {
    const { region, house, municipality, table, tableName } = await newStructure();
    expect((await admin('POST', `${BASE}/case-tables/${table}/members`, { userId: await zwolleId() })).status).toBe(200);
    const member = await t.as('requester.zwolle'); // the membership change ended the session
    const mine = await tableOf(member, tableName);
    const submitted = await member(
      'POST',
      '/api/v1/interpretation-requests',
      await requestBody(member, { caseTableId: mine.id, municipalityId: mine.municipalities[0]?.id }),
    );
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    const reference: string = submitted.body.reference;

    const tableRefused = await admin('POST', `${BASE}/case-tables/${table}/retirement`);
    expectProblem(tableRefused, 409, 'in-use');
    expect(tableRefused.body.usedBy).toEqual([`1 open aanvraag (${reference})`]);
    const municipalityRefused = await admin('POST', `${BASE}/municipalities/${municipality}/retirement`);
    expectProblem(municipalityRefused, 409, 'in-use');
    expect(municipalityRefused.body.usedBy).toContain(`1 casustafel die haar bedient (${tableName})`);
    expect(municipalityRefused.body.usedBy.join(' ')).toContain(reference);
    expectProblem(await admin('POST', `${BASE}/safety-houses/${house}/retirement`), 409, 'in-use');
    expectProblem(await admin('POST', `${BASE}/safety-regions/${region}/retirement`), 409, 'in-use');
    // The request asks for right-wing extremism (the fixture's body): that area is in use now.
    const areaRefused = await admin('POST', `${BASE}/expertise-areas/right-wing-extremism/retirement`);
    expectProblem(areaRefused, 409, 'in-use');
    expect(areaRefused.body.usedBy[0]).toContain(reference);
    // The casustafel cannot stop serving the municipality of its open request either.
    const s = suffix();
    const other = await add('municipalities', { code: cbs(), name: `Gemeente ${s}`, parentCode: house });
    expectProblem(await admin('PATCH', `${BASE}/case-tables/${table}`, { municipalityCodes: [other.code] }), 409, 'in-use');

    const listed = (await admin('GET', `${BASE}/case-tables`)).body.items.find((x: { code: string }) => x.code === table);
    expect(listed.retiredAt).toBeNull();
    expect(listed.municipalities.map((x: { code: string }) => x.code)).toEqual([municipality]);
    const refusals = (await auditRows('case-table', table)).filter((x) => x.action === 'retire');
    expect(refusals).toEqual([expect.objectContaining({ result: 'denied', details: { usedBy: [`1 open aanvraag (${reference})`] } })]);

    // Once the request is withdrawn, nothing is in active use any more.
    const withdrawn = await member('PATCH', `/api/v1/interpretation-requests/${submitted.body.id}`, { status: 'withdrawn', reason: 'Niet meer nodig.' });
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    expect((await admin('POST', `${BASE}/case-tables/${table}/retirement`)).status).toBe(200);
  });

  it("a retired casustafel's members cannot submit, it takes no new members, and they can be removed", async () => {
    const { table, tableName } = await newStructure();
    const member = await zwolleId();
    expect((await admin('POST', `${BASE}/case-tables/${table}/members`, { userId: member })).status).toBe(200);
    let caller = await t.as('requester.zwolle');
    const mine = await tableOf(caller, tableName);
    expect((await admin('POST', `${BASE}/case-tables/${table}/retirement`)).status).toBe(200);

    // The choices no longer offer it; a submission anyway is refused with the reason.
    expect(((await caller('GET', '/api/v1/case-tables?pageSize=100')).body.items as { id: string }[]).map((x) => x.id)).not.toContain(mine.id);
    const refused = await caller(
      'POST',
      '/api/v1/interpretation-requests',
      await requestBody(caller, { caseTableId: mine.id, municipalityId: mine.municipalities[0]?.id }),
    );
    expectProblem(refused, 409, 'retired');
    expect(refused.body.errors[0].pointer).toBe('/caseTableId');

    const coordinatorId = await userId(coordinator);
    expectProblem(await admin('POST', `${BASE}/case-tables/${table}/members`, { userId: coordinatorId }), 409, 'retired');
    // Nor through the user forms: no invitation into it, and an existing membership survives a save.
    const invite = await admin('POST', '/api/v1/users', {
      email: `ref-${suffix()}@duidingspool.example`,
      displayName: 'Nieuw lid',
      roles: ['requester'],
      caseTableIds: [mine.id],
    });
    expectProblem(invite, 409, 'retired');
    expect(invite.body.errors[0].pointer).toBe('/caseTableIds/0');
    const kept = (await admin('GET', `/api/v1/users/${member}`)).body.caseTableIds as string[];
    expect(kept).toContain(mine.id);
    expect((await admin('PATCH', `/api/v1/users/${member}`, { caseTableIds: kept })).status).toBe(200);
    const removed = await admin('DELETE', `${BASE}/case-tables/${table}/members/${member}`);
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    expect(removed.body.members).toEqual([]);
    caller = await t.as('requester.zwolle');
    expect((await caller('GET', '/api/v1/me')).status).toBe(200);
    // The membership changes are audited on the user.
    const a = schema.auditEvents;
    const events = await t.handle.db
      .select({ details: a.details })
      .from(a)
      .where(and(eq(a.objectType, 'user'), eq(a.objectId, member), eq(a.action, 'update')));
    expect(events.length).toBeGreaterThanOrEqual(2);
  });

  it('refuses a member who is no requester, and taking a requester off their last casustafel', async () => {
    const { table } = await newStructure();
    const coordinatorId = await userId(coordinator);
    const res = await admin('POST', `${BASE}/case-tables/${table}/members`, { userId: coordinatorId });
    expectProblem(res, 400, 'validation-failed');
    expect(res.body.errors[0].pointer).toBe('/userId');
    const hengelo = (await listAll(admin, '/api/v1/users?role=requester')).items.find((u: { email: string }) => u.email.startsWith('requester.hengelo@'));
    const tables = (await admin('GET', `${BASE}/case-tables`)).body.items as { code: string; members: { userId: string }[] }[];
    const own = tables.find((x) => x.members.some((mm) => mm.userId === hengelo.id));
    expect(own).toBeDefined();
    expectProblem(await admin('DELETE', `${BASE}/case-tables/${own?.code}/members/${hengelo.id}`), 409, 'conflict');
    expectProblem(await admin('DELETE', `${BASE}/case-tables/${table}/members/${hengelo.id}`), 404, 'not-found');
  });

  it('a retired expertise area or activity is marked in the reference data and refused for new things', async () => {
    const s = suffix();
    const area = await add('expertise-areas', { code: `x-${s}`, name: `Gebied ${s}`, nameEn: `Area ${s}` });
    const activity = await add('activities', { code: `a-${s}`, name: `Activiteit ${s}`, nameEn: `Activity ${s}` });
    expect((await admin('POST', `${BASE}/expertise-areas/${area.code}/retirement`)).status).toBe(200);
    expect((await admin('POST', `${BASE}/activities/${activity.code}/retirement`)).status).toBe(200);
    const caller = await t.as('requester.zwolle');
    const ref = (await caller('GET', '/api/v1/reference-data')).body;
    expect(ref.expertiseAreas.find((x: { code: string }) => x.code === area.code)).toMatchObject({ retired: true });
    expect(ref.activities.find((x: { code: string }) => x.code === activity.code)).toMatchObject({ retired: true });
    const refused = await caller('POST', '/api/v1/interpretation-requests', await requestBody(caller, { expertiseAreaCodes: ['jihadism', area.code] }));
    expectProblem(refused, 409, 'retired');
    expect(refused.body.errors[0].pointer).toBe('/expertiseAreaCodes/1');
    expect((await auditRows('activity', activity.code)).map((x) => x.action)).toEqual(['create', 'retire']);
  });
});

/** The casustafel named `name` among those `caller` may act for. */
async function tableOf(caller: Caller, name: string) {
  const items = (await caller('GET', '/api/v1/case-tables?pageSize=100')).body.items as { id: string; name: string; municipalities: { id: string }[] }[];
  const found = items.find((x) => x.name === name);
  if (!found) throw new Error(`casustafel ${name} not offered`);
  return found;
}

describe('retiring and using at the same moment', () => {
  // Rule: an item is retired only when nothing uses it, and a retired item takes nothing new — so
  // of a retirement and a new use sent together exactly one succeeds, whichever comes first.
  it('a casustafel retired while a member submits: exactly one of the two succeeds, five times over', async () => {
    const member = await zwolleId();
    for (let round = 0; round < 5; round++) {
      const { table, tableName } = await newStructure();
      expect((await admin('POST', `${BASE}/case-tables/${table}/members`, { userId: member })).status).toBe(200);
      const caller = await t.as('requester.zwolle');
      const mine = await tableOf(caller, tableName);
      const body = await requestBody(caller, { caseTableId: mine.id, municipalityId: mine.municipalities[0]?.id });
      const [submitted, retired] = await Promise.all([
        caller('POST', '/api/v1/interpretation-requests', body),
        admin('POST', `${BASE}/case-tables/${table}/retirement`),
      ]);
      const outcome = [submitted.status, retired.status];
      expect([
        [201, 409],
        [409, 200],
      ]).toContainEqual(outcome);
      if (submitted.status === 201) expectProblem(retired, 409, 'in-use');
      else expectProblem(submitted, 409, 'retired');
    }
  });

  it('an expertise area retired while a request asks for it: exactly one of the two succeeds, five times over', async () => {
    // A session of its own: a change of the requester's memberships above ended the earlier one.
    const caller = await t.as('requester.zwolle');
    for (let round = 0; round < 5; round++) {
      const code = `race-${suffix()}`;
      await add('expertise-areas', { code, name: `Racegebied ${code}`, nameEn: `Race area ${code}` });
      const [submitted, retired] = await Promise.all([
        caller('POST', '/api/v1/interpretation-requests', await requestBody(caller, { expertiseAreaCodes: [code] })),
        admin('POST', `${BASE}/expertise-areas/${code}/retirement`),
      ]);
      expect([
        [201, 409],
        [409, 200],
      ]).toContainEqual([submitted.status, retired.status]);
    }
  });
});

describe('names of expertise areas and activities', () => {
  it('refuses a Dutch or English name another one already has, whatever the letter case, on adding and renaming', async () => {
    for (const kind of ['expertise-areas', 'activities']) {
      const s = suffix();
      const first = await add(kind, { code: `een-${s}`, name: `Naam ${s}`, nameEn: `Name ${s}` });
      const refusedNl = await admin('POST', `${BASE}/${kind}`, { code: `twee-${s}`, name: `NAAM ${s}`, nameEn: `Other ${s}` });
      expectProblem(refusedNl, 409, 'conflict');
      expect(refusedNl.body.errors[0].pointer).toBe('/name');
      const refusedEn = await admin('POST', `${BASE}/${kind}`, { code: `drie-${s}`, name: `Andere ${s}`, nameEn: `name ${s}` });
      expectProblem(refusedEn, 409, 'conflict');
      expect(refusedEn.body.errors[0].pointer).toBe('/nameEn');
      const second = await add(kind, { code: `vier-${s}`, name: `Vierde ${s}`, nameEn: `Fourth ${s}` });
      expectProblem(await admin('PATCH', `${BASE}/${kind}/${second.code}`, { name: first.name }), 409, 'conflict');
      // Renaming an item to its own name in other letters is no conflict.
      expect((await admin('PATCH', `${BASE}/${kind}/${first.code}`, { name: `NAAM ${s}` })).status).toBe(200);
    }
  });
});
