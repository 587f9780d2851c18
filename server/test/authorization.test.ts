// Role- and object-level authorisation (docs/design.md §2, §6): who may call which route, who may see
// which object, and the session/JWT rules behind it.
import { createHmac, randomUUID } from 'node:crypto';
import { DEMO_DOMAIN, DEMO_PASSWORD, schema } from '@duidingspool/db';
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRequest, entryBody, expectProblem, firstCaseTable, listAll, requestBody, specialist, thisYear } from './fixtures.ts';
import { type Caller, testConfig, useTestApp } from './harness.ts';

const t = useTestApp();

const QUESTION = 'Welke betekenis hebben de teksten die betrokkene deelt in besloten groepen?';

let coordinator: Caller;
let finance: Caller;
let admin: Caller;
let reqA: Caller; // requester.apeldoorn
let reqB: Caller; // requester.hengelo
let sp4: Caller; // works on A1
let sp5: Caller; // declined A3
let sp6: Caller; // proposed on B1, unassigned elsewhere

/** Ids of the objects the tests look at. */
const ids = {} as {
  a1: string; // A's request, assigned to specialist4 (accepted), with a submitted entry
  a1Assignment: string;
  a1Entry: string;
  a2Draft: string; // A's draft
  a3: string; // A's request that specialist5 declined
  a3Assignment: string;
  b1: string; // B's request, proposed to specialist6
  b1Assignment: string;
  b2: string; // B's submitted request
  tableA: string;
  tableB: string;
};

beforeAll(async () => {
  [coordinator, finance, admin, reqA, reqB, sp4, sp5, sp6] = await Promise.all([
    t.as('coordinator'),
    t.as('finance'),
    t.as('admin'),
    t.as('requester.apeldoorn'),
    t.as('requester.hengelo'),
    t.as('specialist4'),
    t.as('specialist5'),
    t.as('specialist6'),
  ]);
  ids.tableA = (await firstCaseTable(reqA)).id;
  ids.tableB = (await firstCaseTable(reqB)).id;
  const [s4, s5, s6] = [await specialist(coordinator, 4), await specialist(coordinator, 5), await specialist(coordinator, 6)];

  const a1 = await createRequest(reqA, { question: QUESTION });
  ids.a1 = a1.id;
  const as1 = await coordinator('POST', `/api/v1/interpretation-requests/${a1.id}/assignments`, {
    specialistId: s4.id,
    estimatedMinutes: 240,
    overrideReason: 'Vaste keuze van de test',
  });
  expect(as1.status).toBe(201);
  ids.a1Assignment = as1.body.id;
  expect((await sp4('PATCH', `/api/v1/assignments/${ids.a1Assignment}`, { status: 'accepted' })).status).toBe(200);
  const entry = await sp4('POST', `/api/v1/assignments/${ids.a1Assignment}/time-entries`, entryBody({ minutes: 45 }));
  expect(entry.status).toBe(201);
  ids.a1Entry = entry.body.id;

  ids.a2Draft = (await createRequest(reqA, { submit: false })).id;

  const a3 = await createRequest(reqA);
  ids.a3 = a3.id;
  const as3 = await coordinator('POST', `/api/v1/interpretation-requests/${a3.id}/assignments`, {
    specialistId: s5.id,
    estimatedMinutes: 60,
    overrideReason: 'Vaste keuze van de test',
  });
  expect(as3.status).toBe(201);
  ids.a3Assignment = as3.body.id;
  expect((await sp5('PATCH', `/api/v1/assignments/${ids.a3Assignment}`, { status: 'declined', reason: 'Geen tijd' })).status).toBe(200);

  const b1 = await createRequest(reqB);
  ids.b1 = b1.id;
  const asb = await coordinator('POST', `/api/v1/interpretation-requests/${b1.id}/assignments`, {
    specialistId: s6.id,
    estimatedMinutes: 120,
    overrideReason: 'Vaste keuze van de test',
  });
  expect(asb.status).toBe(201);
  ids.b1Assignment = asb.body.id;

  ids.b2 = (await createRequest(reqB)).id;
});

/** Every route of the API with a valid body, so only authentication or authorisation can refuse it. */
function routes() {
  const id = randomUUID();
  const tableBody = {
    caseTableId: randomUUID(),
    municipalityId: randomUUID(),
    caseReference: 'CASUS-anon',
    question: 'Vraag',
    expertiseAreaCodes: ['jihadism'],
    urgency: 'regular',
    deliverable: 'written-advice',
  };
  return [
    { method: 'DELETE', path: '/sessions/current' },
    { method: 'GET', path: '/me' },
    { method: 'GET', path: '/case-tables' },
    { method: 'GET', path: '/reference-data' },
    { method: 'GET', path: '/specialists' },
    { method: 'GET', path: '/interpretation-requests' },
    { method: 'POST', path: '/interpretation-requests', body: tableBody },
    { method: 'GET', path: '/interpretation-requests/{id}' },
    { method: 'PATCH', path: '/interpretation-requests/{id}', body: { status: 'withdrawn' } },
    { method: 'POST', path: '/interpretation-requests/{id}/assignments', body: { specialistId: randomUUID(), estimatedMinutes: 60 } },
    { method: 'POST', path: '/interpretation-requests/{id}/advice', body: { summary: 'Kern', body: 'Advies' } },
    { method: 'POST', path: '/interpretation-requests/{id}/reopen', body: { reason: 'Meer werk nodig.' } },
    {
      method: 'POST',
      path: '/interpretation-requests/{id}/advice/corrections',
      body: { summary: 'Kern', body: 'Advies', reason: 'Correctie.', basedOnVersion: 1 },
    },
    { method: 'POST', path: '/interpretation-requests/{id}/feedback', body: { answered: 'yes', usefulness: 5, changes: ['no-change'] } },
    { method: 'PUT', path: '/interpretation-requests/{id}/reach', body: { participants: { police: 3 } } },
    { method: 'GET', path: '/offers' },
    {
      method: 'POST',
      path: '/offers',
      body: {
        type: 'consultation',
        caseTableId: randomUUID(),
        title: 'Aanbod',
        description: 'Een specialist aan tafel.',
        expertiseAreaCodes: ['jihadism'],
        deliverable: 'advice-conversation',
        validUntil: '2099-01-01',
      },
    },
    { method: 'GET', path: '/offers/{id}' },
    { method: 'PATCH', path: '/offers/{id}', body: { status: 'declined' } },
    { method: 'GET', path: '/knowledge-products' },
    { method: 'POST', path: '/knowledge-products' },
    { method: 'GET', path: '/knowledge-products/{id}' },
    { method: 'GET', path: '/knowledge-products/{id}/file' },
    { method: 'DELETE', path: '/knowledge-products/{id}' },
    { method: 'POST', path: '/financial-statements', body: { year: 2026 } },
    { method: 'GET', path: '/financial-statements/{year}' },
    { method: 'GET', path: '/financial-statements/{year}/document' },
    { method: 'POST', path: '/financial-statements/{year}/adoption', body: {} },
    { method: 'GET', path: '/reports', query: '?preset=year-end&year=2026' },
    { method: 'GET', path: '/reports/export', query: '?preset=year-end&year=2026&format=csv' },
    { method: 'GET', path: '/assignments' },
    { method: 'GET', path: '/assignments/{id}' },
    { method: 'PATCH', path: '/assignments/{id}', body: { status: 'accepted' } },
    { method: 'POST', path: '/assignments/{id}/end', body: { reason: 'Specialist niet meer beschikbaar' } },
    { method: 'POST', path: '/assignments/{id}/no-conflict-confirmation' },
    { method: 'GET', path: '/assignments/{id}/time-entries' },
    { method: 'POST', path: '/assignments/{id}/time-entries', body: entryBody() },
    { method: 'GET', path: '/time-entries' },
    { method: 'PATCH', path: '/time-entries/{id}', body: { status: 'approved' } },
    { method: 'DELETE', path: '/time-entries/{id}' },
    { method: 'GET', path: '/budgets' },
    { method: 'GET', path: `/budgets/{year}` },
    { method: 'GET', path: '/me/notification-preferences' },
    { method: 'PUT', path: '/me/notification-preferences', body: { items: [] } },
    { method: 'PUT', path: '/me/language', body: { language: 'nl' } },
    { method: 'GET', path: '/me/inbox-items' },
    { method: 'GET', path: '/me/inbox-summary' },
    { method: 'PATCH', path: '/me/inbox-items/{id}', body: { read: true } },
    { method: 'POST', path: '/me/inbox-items/mark-all-read' },
    { method: 'GET', path: '/notifications' },
    { method: 'GET', path: '/notifications/{id}/preview' },
    { method: 'POST', path: '/notifications/{id}/resend' },
    { method: 'GET', path: '/mail-templates/{event}/preview' },
    { method: 'GET', path: '/notifications/{id}/preview-page' },
    { method: 'GET', path: '/mail-templates/{event}/preview-page' },
    { method: 'POST', path: '/budgets', body: { year: 2099, allocatedCents: 100, fundingSource: 'Test' } },
    { method: 'PATCH', path: '/budgets/{year}', body: { note: 'Notitie' } },
    { method: 'POST', path: '/budgets/{year}/lines', body: { code: 'nieuw', name: 'Nieuw', fundingSource: 'other', allocatedCents: 0 } },
    { method: 'PATCH', path: '/budgets/{year}/lines/{lineId}', body: { name: 'Hernoemd' } },
    { method: 'DELETE', path: '/budgets/{year}/lines/{lineId}' },
    { method: 'GET', path: '/budgets/{year}/burn-up' },
    { method: 'GET', path: '/budgets/{year}/breakdowns', query: '?dimension=specialist' },
    { method: 'GET', path: '/budgets/{year}/ledger-entries' },
    { method: 'GET', path: '/budgets/{year}/ledger-export' },
    { method: 'GET', path: '/accounting-periods', query: `?year=${thisYear()}` },
    { method: 'PATCH', path: '/accounting-periods/{month}', body: { status: 'closed' } },
    { method: 'GET', path: '/specialists/{id}/rates' },
    { method: 'POST', path: '/specialists/{id}/rates', body: { rateCents: 10000, validFrom: '2020-01-01' } },
    { method: 'GET', path: '/specialists/{id}/profile' },
    { method: 'PATCH', path: '/specialists/{id}/profile', body: { bio: 'Bio' } },
    { method: 'GET', path: '/specialists/{id}/absences' },
    { method: 'POST', path: '/specialists/{id}/absences', body: { startsOn: '2020-01-01', endsOn: '2020-01-02' } },
    { method: 'DELETE', path: '/absences/{absenceId}' },
    { method: 'POST', path: '/time-entry-reviews', body: { entryIds: [randomUUID()], status: 'approved' } },
    { method: 'POST', path: '/time-entries/{id}/corrections', body: { minutes: -1, reason: 'Correctie' } },
    { method: 'GET', path: '/extension-requests' },
    { method: 'POST', path: '/assignments/{id}/extension-requests', body: { extraMinutes: 60, reason: 'Meer werk' } },
    { method: 'PATCH', path: '/extension-requests/{id}', body: { status: 'granted' } },
    { method: 'PUT', path: '/me/password', body: { currentPassword: 'x', newPassword: 'een lange nieuwe wachtzin' } },
    { method: 'POST', path: '/me/totp-enrolments' },
    { method: 'POST', path: '/me/totp-confirmations', body: { code: '123456' } },
    { method: 'GET', path: '/users' },
    { method: 'GET', path: '/users/{id}' },
    { method: 'POST', path: '/users', body: { email: 'nieuw@duidingspool.example', displayName: 'Nieuw', roles: ['finance'] } },
    { method: 'PATCH', path: '/users/{id}', body: { isActive: false } },
    { method: 'GET', path: '/audit-events' },
    { method: 'GET', path: '/audit-events/export' },
    { method: 'GET', path: '/admin/reference/{kind}' },
    { method: 'POST', path: '/admin/reference/{kind}', body: { code: 'nieuw', name: 'Nieuw', nameEn: 'New' } },
    { method: 'PATCH', path: '/admin/reference/{kind}/{code}', body: { name: 'Hernoemd' } },
    { method: 'POST', path: '/admin/reference/{kind}/{code}/retirement' },
    { method: 'POST', path: '/admin/reference/case-tables/{code}/members', body: { userId: randomUUID() } },
    { method: 'DELETE', path: '/admin/reference/case-tables/{code}/members/{userId}' },
    { method: 'GET', path: '/interpretation-requests/{id}/suggestions' },
    { method: 'GET', path: '/interpretation-requests/{id}/clocks' },
    { method: 'GET', path: '/service-levels' },
    {
      method: 'PUT',
      path: '/service-levels',
      body: { triageWorkingDays: 2, triageUrgentWorkingHours: 4, proposalAnswerWorkingDays: 1, adviceWorkingDays: 10 },
    },
    { method: 'GET', path: '/specialists/capacity' },
    { method: 'GET', path: '/specialists/{id}/conflicts' },
    { method: 'POST', path: '/specialists/{id}/conflicts', body: { municipalityId: randomUUID() } },
    { method: 'DELETE', path: '/conflicts/{conflictId}' },
    { method: 'GET', path: '/case-tables/{id}/standing-specialists' },
    { method: 'PUT', path: '/case-tables/{id}/standing-specialists', body: { specialistIds: [] } },
    { method: 'DELETE', path: '/interpretation-requests/{id}' },
    { method: 'PATCH', path: '/interpretation-requests/{id}/fields', body: { question: 'Nieuwe vraag' } },
    { method: 'GET', path: '/interpretation-requests/{id}/messages' },
    { method: 'POST', path: '/interpretation-requests/{id}/messages', body: { body: 'Een bericht' } },
    { method: 'GET', path: '/me/unread-messages' },
    { method: 'GET', path: '/interpretation-requests/{id}/advice-draft' },
    { method: 'PUT', path: '/interpretation-requests/{id}/advice-draft', body: { summary: 'Kort', body: 'Lang', version: 0 } },
  ].map((r) => ({
    ...r,
    url: `/api/v1${r.path.replace('{id}', id).replace('{year}', String(thisYear())).replace('{month}', `${thisYear()}-01`).replace('{event}', 'digest').replace('{kind}', 'activities').replace('{code}', 'travel').replace('{userId}', id).replace('{absenceId}', id).replace('{conflictId}', id).replace('{lineId}', id)}${'query' in r ? r.query : ''}`,
  })) as {
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    path: string;
    url: string;
    body?: unknown;
  }[];
}

// Public: health (and the liveness and readiness probes), the site's contact, login, refresh (authenticated by its own cookie), and the password links.
const PUBLIC = new Set([
  'GET /health',
  'GET /site-info',
  'GET /health/live',
  'GET /health/ready',
  'POST /sessions',
  'POST /sessions/current/refresh',
  'POST /password-resets',
  'POST /password-changes',
]);

describe('authentication', () => {
  it('covers every operation of the OpenAPI document in the route list below', async () => {
    const doc = await t.anonymous('GET', '/api/v1/openapi.json');
    expect(doc.status).toBe(200);
    const documented = Object.entries(doc.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
        .map((m) => `${m.toUpperCase()} ${path}`),
    );
    const listed = [...routes().map((r) => `${r.method} ${r.path}`), ...PUBLIC];
    expect([...documented].sort()).toEqual([...listed].sort());
  });

  it('answers 401 unauthenticated on every route without a session, except health, login and the OpenAPI document', async () => {
    for (const r of routes()) {
      const res = await t.anonymous(r.method, r.url, r.body);
      expectProblem(res, 401, 'unauthenticated');
    }
    expect((await t.anonymous('GET', '/api/v1/health')).body).toEqual({ status: 'ok' });
    expect((await t.anonymous('GET', '/api/v1/openapi.json')).status).toBe(200);
    expect((await t.anonymous('GET', '/api/v1/site-info')).body.contact.email).toBe('duidingspool@duidingspool.example');
    const login = await t.anonymous('POST', '/api/v1/sessions', { email: `coordinator@${DEMO_DOMAIN}`, password: DEMO_PASSWORD });
    expect(login.status).toBe(200);
  });

  it('answers 401 to a garbage or empty session cookie', async () => {
    for (const cookie of ['dp_session=', 'dp_session=abc.def.ghi', 'dp_session=%00']) {
      expectProblem(await t.anonymous('GET', '/api/v1/me', undefined, { cookie }), 401, 'unauthenticated');
    }
  });

  // Authentication comes before anything else: an anonymous caller learns nothing about the
  // input rules or ids of a route (it gets 401, not 400).
  it('checks the session before validating the input', async () => {
    const answered: string[] = [];
    for (const r of routes()) {
      const url = r.url.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/, 'not-a-uuid');
      const res = await t.anonymous(r.method, url, r.body === undefined ? undefined : {});
      answered.push(`${r.method} ${r.path} -> ${res.status} ${res.body?.type}`);
    }
    expect(answered.filter((a) => !a.endsWith('-> 401 unauthenticated'))).toEqual([]);
  });

  it('logout ends the session at once: the same cookie answers 401 immediately', async () => {
    const me = await t.as('requester.apeldoorn');
    expect((await me('GET', '/api/v1/me')).status).toBe(200);
    const out = await me('DELETE', '/api/v1/sessions/current');
    expect(out.status).toBe(204);
    expectProblem(await me('GET', '/api/v1/me'), 401, 'unauthenticated');
    expectProblem(await me('GET', '/api/v1/interpretation-requests'), 401, 'unauthenticated');
    expectProblem(await me('DELETE', '/api/v1/sessions/current'), 401, 'unauthenticated');
    // Other sessions of the same user live on.
    expect((await reqA('GET', '/api/v1/me')).status).toBe(200);
  });

  it('sets the session cookie httpOnly, SameSite=Strict, on the whole path, with a short life', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { email: `finance@${DEMO_DOMAIN}`, password: DEMO_PASSWORD } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'dp_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie?.maxAge).toBeGreaterThan(0);
    expect(cookie?.maxAge).toBeLessThanOrEqual(testConfig.jwtTtlSeconds);
    // The token carries no more than ids and times.
    const payload = JSON.parse(Buffer.from((cookie?.value ?? '').split('.')[1] as string, 'base64url').toString());
    expect(Object.keys(payload).sort()).toEqual(['exp', 'iat', 'sid', 'sub']);
  });

  it('refuses a state change from another website (Origin of another host), and creates nothing', async () => {
    const before = (await reqA('GET', '/api/v1/interpretation-requests')).body.total;
    const res = await reqA('POST', '/api/v1/interpretation-requests', await requestBody(reqA), { origin: 'https://evil.example' });
    expectProblem(res, 403, 'forbidden');
    const res2 = await reqA('POST', '/api/v1/interpretation-requests', await requestBody(reqA), { 'sec-fetch-site': 'cross-site' });
    expectProblem(res2, 403, 'forbidden');
    expect((await reqA('GET', '/api/v1/interpretation-requests')).body.total).toBe(before);
  });

  it('a wrong password and an unknown e-mail answer alike: 401 with identical detail and no cookie', async () => {
    const wrong = await t.anonymous('POST', '/api/v1/sessions', { email: `coordinator@${DEMO_DOMAIN}`, password: 'not-the-password' });
    const unknown = await t.anonymous('POST', '/api/v1/sessions', { email: `nobody@${DEMO_DOMAIN}`, password: DEMO_PASSWORD });
    expectProblem(wrong, 401, 'unauthenticated');
    expectProblem(unknown, 401, 'unauthenticated');
    expect(wrong.body.detail).toBe(unknown.body.detail);
    expect(wrong.body.title).toBe(unknown.body.title);
    expect(wrong.headers['set-cookie']).toBeUndefined();
    expect(unknown.headers['set-cookie']).toBeUndefined();
  });

  describe('JWT', () => {
    const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
    const sign = (header: object, payload: object, secret: string, alg = 'sha256') => {
      const head = `${b64(header)}.${b64(payload)}`;
      return `${head}.${createHmac(alg, secret).update(head).digest('base64url')}`;
    };
    let claims: { sub: string; sid: string; iat: number; exp: number };

    beforeAll(async () => {
      const me = await t.as('coordinator');
      const token = me.cookie.replace(/^dp_session=/, '');
      claims = JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString());
      expect(claims.sub).toMatch(/^[0-9a-f-]{36}$/);
    });

    const call = (token: string) => t.anonymous('GET', '/api/v1/me', undefined, { cookie: `dp_session=${token}` });
    const now = () => Math.floor(Date.now() / 1000);

    it('accepts a token signed with the server secret (control for the refusals below)', async () => {
      const res = await call(sign({ alg: 'HS256', typ: 'JWT' }, { ...claims, iat: now(), exp: now() + 600 }, testConfig.jwtSecret));
      expect(res.status).toBe(200);
      expect(res.body.id).toBe(claims.sub);
    });

    it('refuses a token signed with another secret', async () => {
      const res = await call(sign({ alg: 'HS256', typ: 'JWT' }, { ...claims, iat: now(), exp: now() + 600 }, 'another-secret-of-sufficient-length-123456'));
      expectProblem(res, 401, 'unauthenticated');
    });

    it('refuses alg none', async () => {
      const payload = { ...claims, iat: now(), exp: now() + 600 };
      expectProblem(await call(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(payload)}.`), 401, 'unauthenticated');
      expectProblem(await call(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(payload)}`), 401, 'unauthenticated');
    });

    it('refuses another algorithm even with the right secret (algorithm pinned)', async () => {
      const res = await call(sign({ alg: 'HS512', typ: 'JWT' }, { ...claims, iat: now(), exp: now() + 600 }, testConfig.jwtSecret, 'sha512'));
      expectProblem(res, 401, 'unauthenticated');
    });

    it('refuses a token without exp, and an expired one', async () => {
      const { exp: _exp, ...noExp } = claims;
      expectProblem(await call(sign({ alg: 'HS256', typ: 'JWT' }, { ...noExp, iat: now() }, testConfig.jwtSecret)), 401, 'unauthenticated');
      expectProblem(
        await call(sign({ alg: 'HS256', typ: 'JWT' }, { ...claims, iat: now() - 7200, exp: now() - 3600 }, testConfig.jwtSecret)),
        401,
        'unauthenticated',
      );
    });

    it('refuses a well-signed token for a session that does not exist', async () => {
      const res = await call(sign({ alg: 'HS256', typ: 'JWT' }, { ...claims, sid: randomUUID(), iat: now(), exp: now() + 600 }, testConfig.jwtSecret));
      expectProblem(res, 401, 'unauthenticated');
    });

    it('does not accept the token in an Authorization header instead of the cookie', async () => {
      const token = sign({ alg: 'HS256', typ: 'JWT' }, { ...claims, iat: now(), exp: now() + 600 }, testConfig.jwtSecret);
      expectProblem(await t.anonymous('GET', '/api/v1/me', undefined, { authorization: `Bearer ${token}` }), 401, 'unauthenticated');
    });
  });
});

describe('server-side sessions: changes take effect at once', () => {
  const claimsOf = (caller: Caller) =>
    JSON.parse(Buffer.from(caller.cookie.replace(/^dp_session=/, '').split('.')[1] as string, 'base64url').toString()) as { sub: string; sid: string };

  it('a session idle for longer than the idle timeout answers 401', async () => {
    const me = await t.as('specialist1');
    expect((await me('GET', '/api/v1/me')).status).toBe(200);
    await t.handle.db
      .update(schema.sessions)
      .set({ lastSeenAt: sql`now() - make_interval(secs => ${testConfig.sessionIdleSeconds + 60})` as never })
      .where(eq(schema.sessions.id, claimsOf(me).sid));
    expectProblem(await me('GET', '/api/v1/me'), 401, 'unauthenticated');
  });

  it('a session past its absolute lifetime answers 401', async () => {
    const me = await t.as('specialist1');
    await t.handle.db
      .update(schema.sessions)
      .set({ expiresAt: sql`now() - interval '1 second'` as never })
      .where(eq(schema.sessions.id, claimsOf(me).sid));
    expectProblem(await me('GET', '/api/v1/me'), 401, 'unauthenticated');
  });

  it('a deactivated user is out at once', async () => {
    const me = await t.as('specialist1');
    const { sub } = claimsOf(me);
    await t.handle.db.update(schema.users).set({ isActive: false }).where(eq(schema.users.id, sub));
    try {
      expectProblem(await me('GET', '/api/v1/me'), 401, 'unauthenticated');
      expectProblem(await t.anonymous('POST', '/api/v1/sessions', { email: `specialist1@${DEMO_DOMAIN}`, password: DEMO_PASSWORD }), 401, 'unauthenticated');
    } finally {
      await t.handle.db.update(schema.users).set({ isActive: true }).where(eq(schema.users.id, sub));
    }
  });

  it('a removed role and a removed membership take effect on the next request', async () => {
    const fin = await t.as('finance');
    expect((await fin('GET', `/api/v1/budgets/${thisYear()}`)).status).toBe(200);
    const finId = claimsOf(fin).sub;
    await t.handle.db.delete(schema.userRoles).where(and(eq(schema.userRoles.userId, finId), eq(schema.userRoles.role, 'finance')));
    try {
      expectProblem(await fin('GET', `/api/v1/budgets/${thisYear()}`), 403, 'forbidden');
    } finally {
      await t.handle.db.insert(schema.userRoles).values({ userId: finId, role: 'finance' });
    }
    expect((await fin('GET', `/api/v1/budgets/${thisYear()}`)).status).toBe(200);

    const member = await t.as('requester.apeldoorn');
    expect((await member('GET', `/api/v1/interpretation-requests/${ids.a1}`)).status).toBe(200);
    const memberId = claimsOf(member).sub;
    const m = schema.caseTableMembers;
    await t.handle.db.delete(m).where(and(eq(m.userId, memberId), eq(m.caseTableId, ids.tableA)));
    try {
      expectProblem(await member('GET', `/api/v1/interpretation-requests/${ids.a1}`), 404, 'not-found');
      expect((await member('GET', '/api/v1/interpretation-requests')).body.total).toBe(0);
    } finally {
      await t.handle.db.insert(m).values({ userId: memberId, caseTableId: ids.tableA });
    }
  });

  // docs/design.md §6: "rate-limited login"; §7 lists `rate-limited` (429).
  it('rate-limits repeated failed logins with 429 rate-limited', async () => {
    const statuses: number[] = [];
    let limited: { statusCode: number; body: string; headers: Record<string, unknown> } | undefined;
    for (let i = 0; i < 30 && !limited; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/sessions',
        remoteAddress: '203.0.113.7',
        payload: { email: `specialist1@${DEMO_DOMAIN}`, password: `guess-${i}` },
      });
      statuses.push(res.statusCode);
      if (res.statusCode === 429) limited = res as never;
      else expect(res.statusCode).toBe(401);
    }
    expect(statuses, 'no 429 after 30 failed logins').toContain(429);
    expect(JSON.parse(limited?.body ?? '{}')).toMatchObject({ type: 'rate-limited', status: 429 });
    // Decision 042: five attempts per (account, client) pair go freely; then the next one waits 1 s.
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    expect(limited?.headers['retry-after']).toBe('1');
  });
});

describe('role authorisation', () => {
  /** Routes on requests, assignments and time entries, with real ids. */
  const caseRoutes = () =>
    [
      { method: 'GET', url: '/api/v1/interpretation-requests' },
      {
        method: 'POST',
        url: '/api/v1/interpretation-requests',
        body: {
          caseTableId: ids.tableA,
          municipalityId: randomUUID(),
          caseReference: 'X-1',
          question: 'Vraag',
          expertiseAreaCodes: ['jihadism'],
          urgency: 'regular',
          deliverable: 'written-advice',
        },
      },
      { method: 'GET', url: `/api/v1/interpretation-requests/${ids.a1}` },
      { method: 'PATCH', url: `/api/v1/interpretation-requests/${ids.b2}`, body: { status: 'cancelled', reason: 'Niet meer nodig' } },
      { method: 'POST', url: `/api/v1/interpretation-requests/${ids.b2}/assignments`, body: { specialistId: randomUUID(), estimatedMinutes: 60 } },
      { method: 'POST', url: `/api/v1/interpretation-requests/${ids.a1}/advice`, body: { summary: 'Kern', body: 'Advies' } },
      { method: 'GET', url: '/api/v1/assignments' },
      { method: 'GET', url: `/api/v1/assignments/${ids.a1Assignment}` },
      { method: 'PATCH', url: `/api/v1/assignments/${ids.a1Assignment}`, body: { estimatedMinutes: 300 } },
      { method: 'GET', url: `/api/v1/assignments/${ids.a1Assignment}/time-entries` },
      { method: 'POST', url: `/api/v1/assignments/${ids.a1Assignment}/time-entries`, body: entryBody() },
      { method: 'GET', url: '/api/v1/time-entries' },
      { method: 'PATCH', url: `/api/v1/time-entries/${ids.a1Entry}`, body: { status: 'approved' } },
    ] as { method: 'GET' | 'POST' | 'PATCH'; url: string; body?: unknown }[];

  it.each(['finance', 'admin'])('%s gets 403 forbidden on every request, assignment and time-entry route, and no case content anywhere', async (role) => {
    const caller = role === 'finance' ? finance : admin;
    const before = await coordinator('GET', `/api/v1/interpretation-requests/${ids.b2}`);
    for (const r of caseRoutes()) {
      const res = await caller(r.method, r.url, r.body);
      expectProblem(res, 403, 'forbidden');
      expect(JSON.stringify(res.body)).not.toContain(QUESTION);
    }
    // Nothing changed.
    const after = await coordinator('GET', `/api/v1/interpretation-requests/${ids.b2}`);
    expect(after.body.status).toBe(before.body.status);
    expect(after.body.assignments).toEqual(before.body.assignments);
    const entry = (await coordinator('GET', `/api/v1/assignments/${ids.a1Assignment}/time-entries`)).body.items[0];
    expect(entry.status).toBe('submitted');
    // What they can read carries no case content.
    for (const url of ['/api/v1/me', '/api/v1/case-tables?pageSize=100', '/api/v1/reference-data', '/api/v1/budgets', `/api/v1/budgets/${thisYear()}`]) {
      const res = await caller('GET', url);
      expect(JSON.stringify(res.body)).not.toContain(QUESTION);
    }
  });

  it('finance reads budgets; admin does not (budgets are for coordinator and finance)', async () => {
    expect((await finance('GET', `/api/v1/budgets/${thisYear()}`)).status).toBe(200);
    expect((await finance('GET', '/api/v1/budgets')).status).toBe(200);
    expectProblem(await admin('GET', `/api/v1/budgets/${thisYear()}`), 403, 'forbidden');
    expectProblem(await admin('GET', '/api/v1/budgets'), 403, 'forbidden');
  });

  it.each(['requester', 'specialist', 'coordinator', 'finance'])('%s gets 403 on the outbox and the Mail preview (admin only)', async (role) => {
    const caller = { requester: reqA, specialist: sp4, coordinator, finance }[role] as Caller;
    expectProblem(await caller('GET', '/api/v1/notifications'), 403, 'forbidden');
    expectProblem(await caller('GET', `/api/v1/notifications/${randomUUID()}/preview`), 403, 'forbidden');
    expectProblem(await caller('GET', '/api/v1/mail-templates/digest/preview'), 403, 'forbidden');
    expect((await caller('GET', '/api/v1/me/notification-preferences')).status).toBe(200);
  });

  it.each(['requester', 'specialist', 'finance', 'admin'])('%s gets 403 on /specialists; requester and specialist also on /budgets', async (role) => {
    const caller = { requester: reqA, specialist: sp4, finance, admin }[role] as Caller;
    expectProblem(await caller('GET', '/api/v1/specialists'), 403, 'forbidden');
    if (role === 'requester' || role === 'specialist') {
      expectProblem(await caller('GET', `/api/v1/budgets/${thisYear()}`), 403, 'forbidden');
      expectProblem(await caller('GET', '/api/v1/budgets/2019'), 403, 'forbidden');
      expectProblem(await caller('GET', '/api/v1/budgets'), 403, 'forbidden');
    }
  });

  it('a requester cannot assign, review hours, or list assignments and entries', async () => {
    const sp = await specialist(coordinator, 4);
    expectProblem(
      await reqB('POST', `/api/v1/interpretation-requests/${ids.b2}/assignments`, {
        specialistId: sp.id,
        estimatedMinutes: 60,
        overrideReason: 'Vaste keuze van de test',
      }),
      403,
      'forbidden',
    );
    expectProblem(await reqA('PATCH', `/api/v1/time-entries/${ids.a1Entry}`, { status: 'approved' }), 403, 'forbidden');
    expectProblem(await reqA('GET', '/api/v1/assignments'), 403, 'forbidden');
    expectProblem(await reqA('GET', `/api/v1/assignments/${ids.a1Assignment}`), 403, 'forbidden');
    expectProblem(await reqA('GET', '/api/v1/time-entries'), 403, 'forbidden');
    expect((await coordinator('GET', `/api/v1/interpretation-requests/${ids.b2}`)).body).toMatchObject({ status: 'submitted', assignments: [] });
  });

  it('a requester sees no rates or reservations on their own request', async () => {
    const res = await reqA('GET', `/api/v1/interpretation-requests/${ids.a1}`);
    expect(res.status).toBe(200);
    expect(res.body.assignments.length).toBeGreaterThan(0);
    for (const a of res.body.assignments) expect(a).toMatchObject({ rateCents: null, reservedCents: null });
  });

  it('a specialist cannot approve or reject entries (403), not even their own', async () => {
    expectProblem(await sp4('PATCH', `/api/v1/time-entries/${ids.a1Entry}`, { status: 'approved' }), 403, 'forbidden');
    expectProblem(await sp4('PATCH', `/api/v1/time-entries/${ids.a1Entry}`, { status: 'rejected', reason: 'x' }), 403, 'forbidden');
    const entries = await sp4('GET', `/api/v1/assignments/${ids.a1Assignment}/time-entries`);
    expect(entries.body.items.find((e: { id: string }) => e.id === ids.a1Entry).status).toBe('submitted');
  });

  it("a specialist cannot accept someone else's assignment, nor change an estimate", async () => {
    // Not theirs: they cannot even see it.
    expectProblem(await sp4('PATCH', `/api/v1/assignments/${ids.b1Assignment}`, { status: 'accepted' }), 404, 'not-found');
    // The coordinator sees it but is not the proposed specialist.
    expectProblem(await coordinator('PATCH', `/api/v1/assignments/${ids.b1Assignment}`, { status: 'accepted' }), 403, 'forbidden');
    // The assigned specialist may not change their own estimate.
    expectProblem(await sp6('PATCH', `/api/v1/assignments/${ids.b1Assignment}`, { estimatedMinutes: 6000 }), 403, 'forbidden');
    const after = await coordinator('GET', `/api/v1/assignments/${ids.b1Assignment}`);
    expect(after.body).toMatchObject({ status: 'proposed', estimatedMinutes: 120 });
    expect((await coordinator('GET', `/api/v1/interpretation-requests/${ids.b1}`)).body.status).toBe('assigned');
  });

  it('a specialist cannot change the lifecycle of a request through PATCH', async () => {
    expectProblem(await sp4('PATCH', `/api/v1/interpretation-requests/${ids.a1}`, { status: 'cancelled', reason: 'Niet meer nodig' }), 403, 'forbidden');
    expect((await coordinator('GET', `/api/v1/interpretation-requests/${ids.a1}`)).body.status).toBe('in-progress');
  });
});

describe('object authorisation (need to know)', () => {
  it('a requester of another casustafel gets 404 on the request (GET and PATCH) and never sees it in a list', async () => {
    expectProblem(await reqB('GET', `/api/v1/interpretation-requests/${ids.a1}`), 404, 'not-found');
    expectProblem(await reqB('GET', `/api/v1/interpretation-requests/${ids.a2Draft}`), 404, 'not-found');
    expectProblem(await reqB('PATCH', `/api/v1/interpretation-requests/${ids.a1}`, { status: 'withdrawn' }), 404, 'not-found');
    expectProblem(await reqB('PATCH', `/api/v1/interpretation-requests/${ids.a2Draft}`, { status: 'submitted' }), 404, 'not-found');
    // The 404 is the same as for an id that does not exist.
    const missing = await reqB('GET', `/api/v1/interpretation-requests/${randomUUID()}`);
    const other = await reqB('GET', `/api/v1/interpretation-requests/${ids.a1}`);
    expect(other.body.detail).toBe(missing.body.detail);

    const aIds = new Set([ids.a1, ids.a2Draft, ids.a3]);
    for (const url of [
      '/api/v1/interpretation-requests',
      `/api/v1/interpretation-requests?caseTableId=${ids.tableA}`,
      '/api/v1/interpretation-requests?status=draft,submitted,in-progress,assigned',
    ]) {
      const { items } = await listAll(reqB, url);
      expect(items.filter((i: { id: string }) => aIds.has(i.id))).toEqual([]);
      for (const i of items) expect(i.caseTableId).toBe(ids.tableB);
    }
    expect((await reqB('GET', `/api/v1/interpretation-requests?caseTableId=${ids.tableA}`)).body.total).toBe(0);
    // Unchanged.
    expect((await reqA('GET', `/api/v1/interpretation-requests/${ids.a1}`)).body.status).toBe('in-progress');
    expect((await reqA('GET', `/api/v1/interpretation-requests/${ids.a2Draft}`)).body.status).toBe('draft');
  });

  it('a requester cannot create a request for a casustafel they are not a member of', async () => {
    const before = (await reqB('GET', '/api/v1/interpretation-requests')).body.total;
    const body = await requestBody(reqA);
    const res = await reqB('POST', '/api/v1/interpretation-requests', body);
    expect([400, 403, 404]).toContain(res.status);
    expect(res.body.type).not.toBe('internal-error');
    expect((await reqB('GET', '/api/v1/interpretation-requests')).body.total).toBe(before);
  });

  it('an unassigned specialist gets 404 on the request and on the assignment of another specialist', async () => {
    expectProblem(await sp6('GET', `/api/v1/interpretation-requests/${ids.a1}`), 404, 'not-found');
    expectProblem(await sp6('GET', `/api/v1/interpretation-requests/${ids.b2}`), 404, 'not-found');
    expectProblem(await sp6('GET', `/api/v1/assignments/${ids.a1Assignment}`), 404, 'not-found');
    expectProblem(await sp6('GET', `/api/v1/assignments/${ids.a1Assignment}/time-entries`), 404, 'not-found');
    expectProblem(await sp6('POST', `/api/v1/assignments/${ids.a1Assignment}/time-entries`, entryBody()), 404, 'not-found');
    expectProblem(await sp6('POST', `/api/v1/interpretation-requests/${ids.a1}/advice`, { summary: 'Kern', body: 'Advies' }), 404, 'not-found');
    expectProblem(await sp6('PATCH', `/api/v1/assignments/${ids.a1Assignment}`, { status: 'declined', reason: 'Geen tijd' }), 404, 'not-found');
    // The proposed specialist sees their own request.
    expect((await sp6('GET', `/api/v1/interpretation-requests/${ids.b1}`)).status).toBe(200);
    const mine = await sp6('GET', `/api/v1/interpretation-requests/${ids.b1}`);
    expect(mine.body.assignments.map((a: { specialistId: string }) => a.specialistId)).toEqual([mine.body.assignments[0].specialistId]);
    expect((await coordinator('GET', `/api/v1/assignments/${ids.a1Assignment}`)).body.loggedMinutes).toBe(45);
  });

  it('a specialist who declined no longer sees the request, but still sees their own declined assignment', async () => {
    expectProblem(await sp5('GET', `/api/v1/interpretation-requests/${ids.a3}`), 404, 'not-found');
    const own = await sp5('GET', `/api/v1/assignments/${ids.a3Assignment}`);
    expect(own.status).toBe(200);
    expect(own.body.status).toBe('declined');
  });

  it("a specialist never sees other specialists' hours", async () => {
    const { items } = await listAll(sp6, '/api/v1/time-entries');
    expect(items.find((e: { id: string }) => e.id === ids.a1Entry)).toBeUndefined();
    const s6 = await specialist(coordinator, 6);
    for (const e of items) expect(e.specialistId).toBe(s6.id);
  });
});

describe('a list never shows what the detail refuses', () => {
  const roles = [
    'coordinator',
    'finance',
    'admin',
    'requester.apeldoorn',
    'requester.hengelo',
    'requester.zwolle',
    'specialist4',
    'specialist5',
    'specialist6',
  ];

  it.each(roles)('%s: interpretation requests', async (role) => {
    const caller = await t.as(role);
    const list = await caller('GET', '/api/v1/interpretation-requests?pageSize=100');
    if (role === 'finance' || role === 'admin') {
      expectProblem(list, 403, 'forbidden');
      expectProblem(await caller('GET', `/api/v1/interpretation-requests/${ids.a1}`), 403, 'forbidden');
      return;
    }
    const { items } = await listAll(caller, '/api/v1/interpretation-requests');
    for (const item of items) {
      const detail = await caller('GET', `/api/v1/interpretation-requests/${item.id}`);
      expect(detail.status, `${role} ${item.id}`).toBe(200);
      expect(detail.body).toMatchObject({ id: item.id, status: item.status, reference: item.reference, caseTableId: item.caseTableId });
    }
    const listed = new Set(items.map((i: { id: string }) => i.id));
    // The lists are not vacuous: what each role must see is there, what it must not see is not.
    const expected: Record<string, { in: string[]; out: string[] }> = {
      coordinator: { in: [ids.a1, ids.a3, ids.b1, ids.b2], out: [ids.a2Draft] },
      'requester.apeldoorn': { in: [ids.a1, ids.a2Draft, ids.a3], out: [ids.b1, ids.b2] },
      'requester.hengelo': { in: [ids.b1, ids.b2], out: [ids.a1, ids.a2Draft, ids.a3] },
      'requester.zwolle': { in: [], out: [ids.a1, ids.a2Draft, ids.a3, ids.b1, ids.b2] },
      specialist4: { in: [ids.a1], out: [ids.a2Draft, ids.a3, ids.b1, ids.b2] },
      specialist5: { in: [], out: [ids.a1, ids.a2Draft, ids.a3, ids.b1, ids.b2] },
      specialist6: { in: [ids.b1], out: [ids.a1, ids.a2Draft, ids.a3, ids.b2] },
    };
    const e = expected[role] as { in: string[]; out: string[] };
    for (const id of e.in) expect(listed.has(id), `${role} should list ${id}`).toBe(true);
    for (const id of e.out) {
      expect(listed.has(id), `${role} should not list ${id}`).toBe(false);
      expect((await caller('GET', `/api/v1/interpretation-requests/${id}`)).status).toBe(404);
    }
    // A summary in a list carries no case content.
    for (const item of items) {
      expect(item).not.toHaveProperty('question');
      expect(item).not.toHaveProperty('context');
      expect(item).not.toHaveProperty('advice');
    }
  });

  it.each(roles)('%s: assignments and their time entries', async (role) => {
    const caller = await t.as(role);
    const list = await caller('GET', '/api/v1/assignments');
    if (!role.startsWith('specialist') && role !== 'coordinator') {
      expectProblem(list, 403, 'forbidden');
      expectProblem(await caller('GET', `/api/v1/assignments/${ids.a1Assignment}`), 403, 'forbidden');
      return;
    }
    const { items } = await listAll(caller, '/api/v1/assignments');
    for (const item of items) {
      const detail = await caller('GET', `/api/v1/assignments/${item.id}`);
      expect(detail.status, `${role} ${item.id}`).toBe(200);
      expect(detail.body).toEqual(item);
      expect((await caller('GET', `/api/v1/assignments/${item.id}/time-entries`)).status).toBe(200);
    }
    const listed = new Set(items.map((i: { id: string }) => i.id));
    const expected: Record<string, string[]> = {
      coordinator: [ids.a1Assignment, ids.a3Assignment, ids.b1Assignment],
      specialist4: [ids.a1Assignment],
      specialist5: [ids.a3Assignment],
      specialist6: [ids.b1Assignment],
    };
    const mine = expected[role] as string[];
    for (const id of mine) expect(listed.has(id)).toBe(true);
    if (role !== 'coordinator') expect(listed.size).toBe(mine.length);
  });

  it.each(roles)('%s: time entries', async (role) => {
    const caller = await t.as(role);
    const list = await caller('GET', '/api/v1/time-entries');
    if (!role.startsWith('specialist') && role !== 'coordinator') {
      expectProblem(list, 403, 'forbidden');
      return;
    }
    const { items } = await listAll(caller, '/api/v1/time-entries');
    // There is no GET /time-entries/{id}: each listed entry must be reachable through its assignment.
    for (const item of items) {
      expect((await caller('GET', `/api/v1/assignments/${item.assignmentId}`)).status).toBe(200);
      const perAssignment = await listAll(caller, `/api/v1/assignments/${item.assignmentId}/time-entries`);
      expect(perAssignment.items.find((e: { id: string }) => e.id === item.id)).toEqual(item);
    }
    const listed = items.map((i: { id: string }) => i.id);
    if (role === 'coordinator' || role === 'specialist4') expect(listed).toContain(ids.a1Entry);
    else expect(listed).not.toContain(ids.a1Entry);
  });

  it.each(roles)('%s: case tables', async (role) => {
    const caller = await t.as(role);
    const { items } = await listAll(caller, '/api/v1/case-tables');
    const me = (await caller('GET', '/api/v1/me')).body as { memberships: { caseTableId: string }[] };
    // The structure is public; a specialist sees it all to declare conflicts of interest against it (decision 100).
    if (role === 'coordinator' || role === 'admin' || role.startsWith('specialist')) {
      expect(items.length).toBe(6);
    } else {
      // Exactly the casustafels the user is a member of.
      expect(items.map((i: { id: string }) => i.id).sort()).toEqual(me.memberships.map((m) => m.caseTableId).sort());
    }
    for (const item of items) expect(item).toMatchObject({ id: expect.any(String), name: expect.any(String), safetyHouseName: expect.any(String) });
    if (role.startsWith('requester.')) {
      expect(items.length).toBe(1);
      // What is listed can be acted on: the member can list its requests.
      expect((await caller('GET', `/api/v1/interpretation-requests?caseTableId=${items[0].id}`)).status).toBe(200);
    }
  });
});
