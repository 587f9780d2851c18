// Issue 10, item 3: the specialist's profile. Inviting or making someone a specialist makes their
// profile once; the coordinator edits every field of it, the specialist their own languages,
// absences and bio; bad input is refused naming the field; a specialist without a valid screening,
// absent on the meeting date or without a rate is not assignable (409 with the reason) and listed
// as such; coordinator and specialist hear once, 30 days before a screening expires.
import { randomUUID } from 'node:crypto';
import { DEMO_DOMAIN, schema } from '@duidingspool/db';
import {
  addDays,
  amsterdamDate,
  MAX_CAPACITY_MINUTES_PER_MONTH,
  PROFILE_FIELDS,
  SCREENING_REMINDER_DAYS,
  SPECIALIST_OWN_PROFILE_FIELDS,
  screeningValidUntil,
} from '@duidingspool/shared';
import { and, count, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { runScreeningReminders } from '../src/modules/specialists/index.ts';
import { createUserFromCli } from '../src/modules/users/index.ts';
import { createCoordinatorSpecialist } from './db-helpers.ts';
import { createRequest, expectProblem, pointers, specialist, today } from './fixtures.ts';
import { type Caller, testConfig, useTestApp } from './harness.ts';

const t = useTestApp();
let admin: Caller;
let coordinator: Caller;
let requester: Caller;
let sp3: Caller;
let sp3Id: string;
let sp4Id: string;

const profileCount = async (userId: string) =>
  Number((await t.handle.db.select({ n: count() }).from(schema.specialists).where(eq(schema.specialists.userId, userId)))[0]?.n);
const profileIdOf = async (userId: string) => {
  const [row] = await t.handle.db.select({ id: schema.specialists.id }).from(schema.specialists).where(eq(schema.specialists.userId, userId));
  if (!row) throw new Error(`no profile for ${userId}`);
  return row.id;
};

/** Invites a new specialist (as the admin) and returns the user and profile ids. */
async function inviteSpecialist(): Promise<{ userId: string; specialistId: string }> {
  const res = await admin('POST', '/api/v1/users', { email: `sp-${randomUUID()}@${DEMO_DOMAIN}`, displayName: 'Nieuwe specialist', roles: ['specialist'] });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { userId: res.body.id, specialistId: await profileIdOf(res.body.id) };
}

/** An invited specialist with a screening a year ago and a rate, so assignable unless a test changes that. */
async function readySpecialist(): Promise<string> {
  const { specialistId } = await inviteSpecialist();
  const screened = await coordinator('PATCH', `/api/v1/specialists/${specialistId}/profile`, { screeningDate: addDays(today(), -365) });
  expect(screened.status, JSON.stringify(screened.body)).toBe(200);
  const rate = await coordinator('POST', `/api/v1/specialists/${specialistId}/rates`, { rateCents: 10000, validFrom: '2019-01-01' });
  expect(rate.status, JSON.stringify(rate.body)).toBe(201);
  return specialistId;
}

const assign = async (requestId: string, specialistId: string) =>
  coordinator('POST', `/api/v1/interpretation-requests/${requestId}/assignments`, {
    specialistId,
    estimatedMinutes: 60,
    overrideReason: 'Vaste keuze van de test',
  });

beforeAll(async () => {
  [admin, coordinator, requester, sp3] = await Promise.all([t.as('admin'), t.as('coordinator'), t.as('requester.arnhem'), t.as('specialist3')]);
  sp3Id = (await specialist(coordinator, 3)).id;
  sp4Id = (await specialist(coordinator, 4)).id;
});

describe('a profile is made when someone becomes a specialist', () => {
  it('inviting a specialist makes their profile, empty and audited', async () => {
    const { specialistId } = await inviteSpecialist();
    const res = await coordinator('GET', `/api/v1/specialists/${specialistId}/profile`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ screeningDate: null, screeningValidUntil: null, bio: '', expertiseAreaCodes: [], languages: [], active: true });
    expect(res.body.assignability).toEqual({ date: today(), assignable: false, reasons: ['screening-expired', 'no-rate'] });
    const [event] = await t.handle.db
      .select({ n: count() })
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.action, 'create-profile'), eq(schema.auditEvents.objectId, specialistId)));
    expect(Number(event?.n)).toBe(1);
  });

  it('giving the role, taking it away and giving it again keeps one profile', async () => {
    const res = await admin('POST', '/api/v1/users', { email: `fin-${randomUUID()}@${DEMO_DOMAIN}`, displayName: 'Later specialist', roles: ['finance'] });
    expect(res.status).toBe(201);
    const userId = res.body.id as string;
    expect(await profileCount(userId)).toBe(0);
    expect((await admin('PATCH', `/api/v1/users/${userId}`, { roles: ['finance', 'specialist'] })).status).toBe(200);
    const first = await profileIdOf(userId);
    expect((await admin('PATCH', `/api/v1/users/${userId}`, { roles: ['finance'] })).status).toBe(200);
    expect((await admin('PATCH', `/api/v1/users/${userId}`, { roles: ['specialist'] })).status).toBe(200);
    expect(await profileCount(userId)).toBe(1);
    expect(await profileIdOf(userId)).toBe(first);
  });

  it('the command line makes the profile too', async () => {
    const { user } = await createUserFromCli(
      t.handle.db,
      { email: `cli-${randomUUID()}@${DEMO_DOMAIN}`, displayName: 'CLI specialist', roles: ['specialist'] },
      testConfig.publicUrl,
    );
    expect(await profileCount(user.id)).toBe(1);
  });
});

describe('who sees and edits what', () => {
  it('the coordinator may edit every field; the specialist their own languages, absences and bio; another specialist sees nothing', async () => {
    const asCoordinator = await coordinator('GET', `/api/v1/specialists/${sp3Id}/profile`);
    expect(asCoordinator.body.editableFields).toEqual([...PROFILE_FIELDS]);
    // “Mijn profiel” finds the profile through the signed-in user.
    expect((await sp3('GET', '/api/v1/me')).body.specialistId).toBe(sp3Id);
    const own = await sp3('GET', `/api/v1/specialists/${sp3Id}/profile`);
    expect(own.status).toBe(200);
    expect(own.body.editableFields).toEqual([...SPECIALIST_OWN_PROFILE_FIELDS]);
    expect(own.body.assignability.assignable).toBe(true);
    expectProblem(await sp3('GET', `/api/v1/specialists/${sp4Id}/profile`), 404, 'not-found');
    expectProblem(await sp3('PATCH', `/api/v1/specialists/${sp4Id}/profile`, { bio: 'Niet van mij' }), 404, 'not-found');
    expectProblem(await sp3('GET', `/api/v1/specialists/${sp4Id}/absences`), 404, 'not-found');
  });

  it('the specialist changes their own languages and bio, and is refused the other fields by name', async () => {
    const ok = await sp3('PATCH', `/api/v1/specialists/${sp3Id}/profile`, {
      languages: ['nl', 'en', 'nl', 'de'],
      bio: '  Onderzoeker online radicalisering.  ',
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.languages).toEqual(['de', 'en', 'nl']);
    expect(ok.body.bio).toBe('Onderzoeker online radicalisering.');
    const refused = await sp3('PATCH', `/api/v1/specialists/${sp3Id}/profile`, { capacityMinutesPerMonth: 600, screeningDate: today(), bio: 'x' });
    expectProblem(refused, 403, 'forbidden');
    expect(pointers(refused).sort()).toEqual(['/capacityMinutesPerMonth', '/screeningDate']);
    expect((await sp3('GET', `/api/v1/specialists/${sp3Id}/profile`)).body.bio).toBe('Onderzoeker online radicalisering.');
  });

  it('a coordinator who is also a specialist does not certify their own screening', async () => {
    const dual = await createCoordinatorSpecialist(t.handle, 'coordinator.specialist');
    const me = await t.as('coordinator.specialist');
    const profile = await me('GET', `/api/v1/specialists/${dual.specialistId}/profile`);
    expect(profile.body.editableFields).toEqual([...SPECIALIST_OWN_PROFILE_FIELDS]);
    const res = await me('PATCH', `/api/v1/specialists/${dual.specialistId}/profile`, { screeningDate: today() });
    expectProblem(res, 403, 'separation-of-duties');
    expect(pointers(res)).toEqual(['/screeningDate']);
    expect((await me('PATCH', `/api/v1/specialists/${dual.specialistId}/profile`, { bio: 'Eigen bio' })).status).toBe(200);
  });

  it('the coordinator sets expertise, regions, capacity and the screening; the expiry follows from the rule; audited', async () => {
    const { specialistId } = await inviteSpecialist();
    const screeningDate = addDays(today(), -100);
    const res = await coordinator('PATCH', `/api/v1/specialists/${specialistId}/profile`, {
      expertiseAreaCodes: ['jihadism', 'polarisation'],
      regionCodes: ['GM', 'TW'],
      capacityMinutesPerMonth: MAX_CAPACITY_MINUTES_PER_MONTH,
      screeningDate,
      bio: 'Theoloog.',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      expertiseAreaCodes: ['jihadism', 'polarisation'],
      regionCodes: ['GM', 'TW'],
      capacityMinutesPerMonth: MAX_CAPACITY_MINUTES_PER_MONTH,
      screeningDate,
      screeningValidUntil: screeningValidUntil(screeningDate),
    });
    const [audited] = await t.handle.db
      .select({ details: schema.auditEvents.details })
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.action, 'update-profile'), eq(schema.auditEvents.objectId, specialistId)));
    expect(audited?.details).toMatchObject({ screeningDate, capacityMinutesPerMonth: MAX_CAPACITY_MINUTES_PER_MONTH });
    expect(JSON.stringify(audited?.details)).not.toContain('Theoloog');
    const cleared = await coordinator('PATCH', `/api/v1/specialists/${specialistId}/profile`, { screeningDate: null });
    expect(cleared.body).toMatchObject({ screeningDate: null, screeningValidUntil: null });
  });
});

describe('bad input is refused naming the field', () => {
  it('a screening date in the future, a capacity below zero or above a month, unknown codes', async () => {
    const url = `/api/v1/specialists/${sp4Id}/profile`;
    const future = await coordinator('PATCH', url, { screeningDate: addDays(today(), 1) });
    expectProblem(future, 400, 'validation-failed');
    expect(pointers(future)).toEqual(['/screeningDate']);
    for (const capacityMinutesPerMonth of [-1, MAX_CAPACITY_MINUTES_PER_MONTH + 1, 1.5]) {
      const res = await coordinator('PATCH', url, { capacityMinutesPerMonth });
      expectProblem(res, 400, 'validation-failed');
      expect(pointers(res)).toEqual(['/capacityMinutesPerMonth']);
    }
    const area = await coordinator('PATCH', url, { expertiseAreaCodes: ['psychology', 'astrologie'] });
    expectProblem(area, 400, 'validation-failed');
    expect(pointers(area)).toEqual(['/expertiseAreaCodes/1']);
    const region = await coordinator('PATCH', url, { regionCodes: ['XX'] });
    expectProblem(region, 400, 'validation-failed');
    expect(pointers(region)).toEqual(['/regionCodes/0']);
    const zero = await coordinator('PATCH', url, { capacityMinutesPerMonth: 0 });
    expect(zero.status).toBe(200);
  });

  it('a retired expertise area stays on a profile that has it, but is not added (409 retired)', async () => {
    const code = `profiel-${randomUUID().slice(0, 8)}`;
    expect((await admin('POST', '/api/v1/admin/reference/expertise-areas', { code, name: 'Tijdelijk gebied', nameEn: 'Temporary area' })).status).toBe(201);
    const holder = await inviteSpecialist();
    const other = await inviteSpecialist();
    expect((await coordinator('PATCH', `/api/v1/specialists/${holder.specialistId}/profile`, { expertiseAreaCodes: [code] })).status).toBe(200);
    const retired = await admin('POST', `/api/v1/admin/reference/expertise-areas/${code}/retirement`);
    expect(retired.status, JSON.stringify(retired.body)).toBe(200);
    const kept = await coordinator('PATCH', `/api/v1/specialists/${holder.specialistId}/profile`, { expertiseAreaCodes: ['psychology', code] });
    expect(kept.status, JSON.stringify(kept.body)).toBe(200);
    const refused = await coordinator('PATCH', `/api/v1/specialists/${other.specialistId}/profile`, { expertiseAreaCodes: ['psychology', code] });
    expectProblem(refused, 409, 'retired');
    expect(pointers(refused)).toEqual(['/expertiseAreaCodes/1']);
  });

  it('an absence that ends before it starts', async () => {
    const res = await sp3('POST', `/api/v1/specialists/${sp3Id}/absences`, { startsOn: '2027-03-10', endsOn: '2027-03-09' });
    expectProblem(res, 400, 'validation-failed');
    expect(pointers(res)).toEqual(['/endsOn']);
  });
});

describe('the bio holds no personal data', () => {
  it('a BSN, IBAN, e-mail address or phone number in the bio is refused naming /bio, and nothing changes', async () => {
    const before = (await sp3('GET', `/api/v1/specialists/${sp3Id}/profile`)).body.bio;
    for (const bio of ['BSN 111222333', 'NL91ABNA0417164300', 'Contact: jan.jansen@example.nl', 'Bel 06-12345678']) {
      const res = await sp3('PATCH', `/api/v1/specialists/${sp3Id}/profile`, { bio });
      expectProblem(res, 422, 'personal-data-detected');
      expect(pointers(res)).toEqual(['/bio']);
    }
    expect((await sp3('GET', `/api/v1/specialists/${sp3Id}/profile`)).body.bio).toBe(before);
  });
});

describe('absences', () => {
  it('the specialist adds and deletes their own; the list is by start date; both are audited', async () => {
    const url = `/api/v1/specialists/${sp3Id}/absences`;
    const later = await sp3('POST', url, { startsOn: '2030-08-01', endsOn: '2030-08-21' });
    const sooner = await sp3('POST', url, { startsOn: '2030-05-05', endsOn: '2030-05-05' });
    expect([later.status, sooner.status]).toEqual([201, 201]);
    const list = await coordinator('GET', url);
    expect(list.body.items.map((a: { startsOn: string }) => a.startsOn)).toEqual(expect.arrayContaining(['2030-05-05', '2030-08-01']));
    const starts = list.body.items.map((a: { startsOn: string }) => a.startsOn);
    expect(starts).toEqual([...starts].sort());
    expectProblem(await t.as('specialist4').then((sp4) => sp4('DELETE', `/api/v1/absences/${later.body.id}`)), 404, 'not-found');
    expect((await sp3('DELETE', `/api/v1/absences/${later.body.id}`)).status).toBe(204);
    expectProblem(await sp3('DELETE', `/api/v1/absences/${later.body.id}`), 404, 'not-found');
    const actions = await t.handle.db
      .select({ action: schema.auditEvents.action })
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.objectId, sp3Id), sql`${schema.auditEvents.action} in ('add-absence', 'delete-absence')`));
    expect(actions.map((a) => a.action).sort()).toEqual(['add-absence', 'add-absence', 'delete-absence']);
  });

  it('an absence overlapping another of the same specialist is refused (409 conflict at /startsOn); touching days are fine', async () => {
    const url = `/api/v1/specialists/${sp3Id}/absences`;
    expect((await sp3('POST', url, { startsOn: '2031-03-10', endsOn: '2031-03-12' })).status).toBe(201);
    for (const [startsOn, endsOn] of [
      ['2031-03-10', '2031-03-12'],
      ['2031-03-11', '2031-03-14'],
      ['2031-03-01', '2031-03-10'],
      ['2031-03-01', '2031-03-31'],
    ]) {
      const res = await coordinator('POST', url, { startsOn, endsOn });
      expectProblem(res, 409, 'conflict');
      expect(pointers(res)).toEqual(['/startsOn']);
    }
    expect((await sp3('POST', url, { startsOn: '2031-03-13', endsOn: '2031-03-13' })).status).toBe(201);
    expect((await sp3('POST', url, { startsOn: '2031-03-09', endsOn: '2031-03-09' })).status).toBe(201);
  });
});

describe('who can be assigned', () => {
  it('an expired screening: 409 screening-expired, and listed with the reason', async () => {
    const specialistId = await readySpecialist();
    // The latest screening date whose last valid day lies before today: one day too long ago.
    let screeningDate = addDays(today(), -365 * 3 - 3);
    while (screeningValidUntil(addDays(screeningDate, 1)) < today()) screeningDate = addDays(screeningDate, 1);
    expect(screeningValidUntil(screeningDate) < today()).toBe(true);
    expect((await coordinator('PATCH', `/api/v1/specialists/${specialistId}/profile`, { screeningDate })).status).toBe(200);
    const request = await createRequest(requester);
    const res = await assign(request.id, specialistId);
    expectProblem(res, 409, 'screening-expired');
    expect(pointers(res)).toEqual(['/specialistId']);
    const listed = (await coordinator('GET', '/api/v1/specialists?pageSize=100')).body.items.find((s: { id: string }) => s.id === specialistId);
    expect(listed.assignability).toEqual({ date: today(), assignable: false, reasons: ['screening-expired'] });
    // A day later the screening is still valid today, its last day: assignable again.
    expect((await coordinator('PATCH', `/api/v1/specialists/${specialistId}/profile`, { screeningDate: addDays(screeningDate, 1) })).status).toBe(200);
    expect((await assign(request.id, specialistId)).status).toBe(201);
  });

  it('absent on the meeting date: 409 specialist-absent; the list answers for the meeting date asked', async () => {
    const specialistId = await readySpecialist();
    const meetingDate = addDays(today(), 14);
    const absence = await coordinator('POST', `/api/v1/specialists/${specialistId}/absences`, { startsOn: addDays(meetingDate, -2), endsOn: meetingDate });
    expect(absence.status).toBe(201);
    const request = await createRequest(requester, { meetingDate });
    expectProblem(await assign(request.id, specialistId), 409, 'specialist-absent');
    const find = async (q: string) =>
      (await coordinator('GET', `/api/v1/specialists?pageSize=100${q}`)).body.items.find((s: { id: string }) => s.id === specialistId).assignability;
    expect(await find(`&meetingDate=${meetingDate}`)).toEqual({ date: meetingDate, assignable: false, reasons: ['specialist-absent'] });
    expect(await find(`&meetingDate=${addDays(meetingDate, 1)}`)).toEqual({ date: addDays(meetingDate, 1), assignable: true, reasons: [] });
    expect(await find('')).toEqual({ date: today(), assignable: true, reasons: [] });
    // Present again once the absence is gone.
    expect((await coordinator('DELETE', `/api/v1/absences/${absence.body.id}`)).status).toBe(204);
    expect((await assign(request.id, specialistId)).status).toBe(201);
  });

  it('absent today with a request without meeting date: 409 specialist-absent', async () => {
    const specialistId = await readySpecialist();
    expect((await coordinator('POST', `/api/v1/specialists/${specialistId}/absences`, { startsOn: today(), endsOn: today() })).status).toBe(201);
    const request = await createRequest(requester);
    expectProblem(await assign(request.id, specialistId), 409, 'specialist-absent');
  });

  it('no rate: 409 no-rate', async () => {
    const { specialistId } = await inviteSpecialist();
    expect((await coordinator('PATCH', `/api/v1/specialists/${specialistId}/profile`, { screeningDate: today() })).status).toBe(200);
    const request = await createRequest(requester);
    expectProblem(await assign(request.id, specialistId), 409, 'no-rate');
  });
});

describe(`the screening reminder, ${SCREENING_REMINDER_DAYS} days before expiry`, () => {
  /** A clock at noon (Europe/Amsterdam) on `date`. */
  const at = (date: string) => ({ ...testConfig, now: () => new Date(`${date}T10:00:00Z`) });

  it('tells the coordinators and the specialist once per expiry date', async () => {
    const specialistId = await readySpecialist();
    const screeningDate = addDays(today(), -200);
    expect((await coordinator('PATCH', `/api/v1/specialists/${specialistId}/profile`, { screeningDate })).status).toBe(200);
    const lastDay = screeningValidUntil(screeningDate);
    const rows = async () =>
      t.handle.db
        .select({ userId: schema.notifications.recipientUserId, params: schema.notifications.params })
        .from(schema.notifications)
        .where(and(eq(schema.notifications.event, 'screening-expiring'), eq(schema.notifications.linkPath, `/specialists/${specialistId}`)));
    const [coordinators] = await t.handle.db
      .select({ n: sql<number>`count(distinct ${schema.users.id})::int` })
      .from(schema.users)
      .innerJoin(schema.userRoles, eq(schema.userRoles.userId, schema.users.id))
      .where(and(eq(schema.userRoles.role, 'coordinator'), eq(schema.users.isActive, true)));
    const [profile] = await t.handle.db.select({ userId: schema.specialists.userId }).from(schema.specialists).where(eq(schema.specialists.id, specialistId));

    await runScreeningReminders(t.handle.db, at(addDays(lastDay, -(SCREENING_REMINDER_DAYS + 1))));
    expect(await rows()).toEqual([]);
    await runScreeningReminders(t.handle.db, at(addDays(lastDay, -SCREENING_REMINDER_DAYS)));
    const sent = await rows();
    expect(sent.length).toBe(Number(coordinators?.n) + 1);
    expect(sent.map((r) => r.userId)).toContain(profile?.userId);
    expect(sent[0]?.params).toEqual({ specialistName: 'Nieuwe specialist', validUntil: lastDay });
    // Later runs, up to the last day, add nothing.
    await runScreeningReminders(t.handle.db, at(addDays(lastDay, -SCREENING_REMINDER_DAYS)));
    await runScreeningReminders(t.handle.db, at(lastDay));
    expect((await rows()).length).toBe(sent.length);
    // A new screening gives a new last day, and in time a new reminder.
    const renewed = addDays(today(), -10);
    expect((await coordinator('PATCH', `/api/v1/specialists/${specialistId}/profile`, { screeningDate: renewed })).status).toBe(200);
    await runScreeningReminders(t.handle.db, at(addDays(screeningValidUntil(renewed), -1)));
    expect((await rows()).length).toBe(2 * sent.length);
  });

  it('the mail renders in Dutch and English', async () => {
    const nl = await admin('GET', '/api/v1/mail-templates/screening-expiring/preview?language=nl');
    const en = await admin('GET', '/api/v1/mail-templates/screening-expiring/preview?language=en');
    expect([nl.status, en.status]).toEqual([200, 200]);
    expect(nl.body.subject).toContain('verloopt');
    expect(en.body.subject).toContain('expires');
    expect(amsterdamDate()).toBe(today());
  });
});
