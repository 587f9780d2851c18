// The authorisation matrix (docs/design.md §2, §6): every API route × every actor with the expected
// status, walked against Fastify's registered routes so a new route without a row fails the test.
// Each call is authorised or refused only by who calls it: bodies are valid, and where a success
// would change the shared fixture, the row makes fresh objects for the call (`fresh`).
import { randomBytes, randomUUID } from 'node:crypto';
import { DEMO_DOMAIN, DEMO_PASSWORD, schema } from '@duidingspool/db';
import { DEFAULT_SERVICE_LEVEL_TARGETS, REQUEST_ID_PATTERN } from '@duidingspool/shared';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCoordinatorSpecialist } from './db-helpers.ts';
import {
  acceptedAssignment,
  createRequest,
  entryBody,
  firstCaseTable,
  listAll,
  multipartBody,
  publishKnowledge,
  requestBody,
  specialist,
  thisYear,
  uniquePdf,
} from './fixtures.ts';
import { type Caller, useTestApp } from './harness.ts';

const t = useTestApp();

/** The actors of the matrix. */
const ACTORS = [
  'requesterOwn', // member of the casustafel that owns the request
  'requesterOther', // member of another casustafel
  // Member of the municipality of Arnhem (decision 095): asks for the non-case types on its behalf;
  // on a casustafel's request it answers as requesterOther unless a row says otherwise.
  'municipalAdviser',
  'coordinator',
  // Holds coordinator and specialist (separation of duties): the fixture's request is another
  // specialist's, so they act on it as coordinator; on their own work (`OwnWork`) they are refused.
  'coordinatorSpecialist',
  'specialistAssigned', // accepted the assignment on the request
  'specialistUnassigned',
  'finance',
  'admin',
  'anonymous',
] as const;
type ActorName = (typeof ACTORS)[number];

/** Demo account of each actor (anonymous has none). */
const LOGIN: Record<Exclude<ActorName, 'anonymous'>, string> = {
  requesterOwn: 'requester.apeldoorn',
  requesterOther: 'requester.hengelo',
  municipalAdviser: 'adviser.arnhem',
  coordinator: 'coordinator',
  coordinatorSpecialist: 'coordinator.specialist',
  specialistAssigned: 'specialist4',
  specialistUnassigned: 'specialist6',
  finance: 'finance',
  admin: 'admin',
};

/** The shared objects: a request of the own casustafel, in progress with specialist4, with an entry. */
interface Fixture {
  request: string;
  assignment: string;
  entry: string;
  caseTable: string;
  specialist6: string;
  user: string;
  /** A knowledge product published by the coordinator. */
  knowledge: string;
}

/**
 * The work of `coordinatorSpecialist` as specialist: an accepted assignment (proposed by the other
 * coordinator) with a submitted entry and an open extension request. Every decision on it by its
 * own specialist is refused, so one set serves every row.
 */
interface OwnWork {
  specialist: string;
  assignment: string;
  entry: string;
  extension: string;
}
let own: OwnWork;
const isDual = (actor: ActorName) => actor === 'coordinatorSpecialist';

interface Call {
  url: string;
  body?: unknown;
  /** Headers of the call, e.g. a multipart body's content type. */
  headers?: Record<string, string>;
}

interface Row {
  /** Builds the call; `fresh` rows get a new fixture per actor. */
  call: (f: Fixture, actor: ActorName) => Call | Promise<Call>;
  /** Expected status per actor. */
  expect: Record<ActorName, number>;
  /** Make new objects for every call (the success would change the shared fixture). */
  fresh?: boolean;
  /** Use a new session for the call (the call ends the session). */
  ownSession?: boolean;
}

/**
 * Expectation helper: `base` for every actor, overridden per actor; anonymous 401 unless given.
 * `coordinatorSpecialist` answers as `coordinator` unless the row says otherwise (it does on every
 * route where the call is on their own work); `municipalAdviser` answers as `requesterOther`.
 */
const by = (base: number, overrides: Partial<Record<ActorName, number>> = {}): Record<ActorName, number> =>
  Object.fromEntries(
    ACTORS.map((a) => [
      a,
      overrides[a] ??
        (a === 'coordinatorSpecialist' ? overrides.coordinator : undefined) ??
        (a === 'municipalAdviser' ? overrides.requesterOther : undefined) ??
        (a === 'anonymous' ? 401 : base),
    ]),
  ) as Record<ActorName, number>;
const all = (status: number) => by(status, { anonymous: status });

const STRONG = 'Vier willekeurige woorden zoals kompas lantaarn';

/** A new line of this year's budget holding 0 and never booked on (its change or deletion touches nothing else). */
async function emptyLine(): Promise<string> {
  const [row] = await t.handle.db
    .insert(schema.budgetLines)
    .values({ year: thisYear(), code: `empty-${randomUUID().slice(0, 8)}`, name: 'Lege regel', fundingSource: 'other', allocatedCents: 0 })
    .returning({ id: schema.budgetLines.id });
  if (!row) throw new Error('no line');
  return row.id;
}

/** Every route of the API: `METHOD url-pattern` as Fastify registers it. */
const MATRIX: Record<string, Row> = {
  'GET /api/v1/health': { call: () => ({ url: '/api/v1/health' }), expect: all(200) },
  'GET /api/v1/health/ready': { call: () => ({ url: '/api/v1/health/ready' }), expect: all(200) },
  // The pool's contact and retention terms: every page shows them, also before login.
  'GET /api/v1/site-info': { call: () => ({ url: '/api/v1/site-info' }), expect: all(200) },
  'GET /api/v1/health/live': { call: () => ({ url: '/api/v1/health/live' }), expect: all(200) },
  'GET /api/v1/openapi.json': { call: () => ({ url: '/api/v1/openapi.json' }), expect: all(200) },
  'POST /api/v1/sessions': {
    // A fresh unknown address per call: eight wrong logins for one address from one client would
    // rightly meet the login throttle (decision 042) after five.
    call: () => ({ url: '/api/v1/sessions', body: { email: `niemand-${randomBytes(4).toString('hex')}@${DEMO_DOMAIN}`, password: DEMO_PASSWORD } }),
    expect: all(401),
  },
  'POST /api/v1/sessions/current/refresh': { call: () => ({ url: '/api/v1/sessions/current/refresh' }), expect: all(401) },
  'DELETE /api/v1/sessions/current': { call: () => ({ url: '/api/v1/sessions/current' }), expect: by(204), ownSession: true },
  'GET /api/v1/me': { call: () => ({ url: '/api/v1/me' }), expect: by(200) },
  // Authorised, refused on the wrong current password: 400, not 401/403.
  'PUT /api/v1/me/password': {
    call: () => ({ url: '/api/v1/me/password', body: { currentPassword: 'niet-het-wachtwoord', newPassword: STRONG } }),
    expect: by(400),
  },
  'POST /api/v1/me/totp-enrolments': { call: () => ({ url: '/api/v1/me/totp-enrolments' }), expect: by(201) },
  // After the enrolment above: a wrong code is refused with 400.
  'POST /api/v1/me/totp-confirmations': { call: () => ({ url: '/api/v1/me/totp-confirmations', body: { code: '000000' } }), expect: by(400) },
  'POST /api/v1/password-resets': {
    call: () => ({ url: '/api/v1/password-resets', body: { email: `niemand-${randomBytes(3).toString('hex')}@${DEMO_DOMAIN}` } }),
    expect: all(202),
  },
  'POST /api/v1/password-changes': {
    call: () => ({ url: '/api/v1/password-changes', body: { token: randomBytes(32).toString('base64url'), newPassword: STRONG } }),
    expect: all(400),
  },
  'GET /api/v1/case-tables': { call: () => ({ url: '/api/v1/case-tables' }), expect: by(200) },
  'GET /api/v1/reference-data': { call: () => ({ url: '/api/v1/reference-data' }), expect: by(200) },
  'GET /api/v1/specialists': { call: () => ({ url: '/api/v1/specialists' }), expect: by(403, { coordinator: 200 }) },
  'GET /api/v1/interpretation-requests': {
    call: () => ({ url: '/api/v1/interpretation-requests' }),
    expect: by(200, { finance: 403, admin: 403 }),
  },
  'POST /api/v1/interpretation-requests': {
    call: async (f) => ({ url: '/api/v1/interpretation-requests', body: { ...(await requestBody(callers.requesterOwn)), caseTableId: f.caseTable } }),
    // The other casustafel's member may not act for this casustafel: 400 on caseTableId.
    expect: by(403, { requesterOwn: 201, requesterOther: 400 }),
  },
  'GET /api/v1/interpretation-requests/:id': {
    call: (f) => ({ url: `/api/v1/interpretation-requests/${f.request}` }),
    expect: by(403, { requesterOwn: 200, requesterOther: 404, coordinator: 200, specialistAssigned: 200, specialistUnassigned: 404 }),
  },
  'GET /api/v1/interpretation-requests/:id/clocks': {
    call: (f) => ({ url: `/api/v1/interpretation-requests/${f.request}/clocks` }),
    expect: by(403, { requesterOwn: 200, requesterOther: 404, coordinator: 200, specialistAssigned: 200, specialistUnassigned: 404 }),
  },
  'GET /api/v1/service-levels': { call: () => ({ url: '/api/v1/service-levels' }), expect: by(403, { coordinator: 200 }) },
  // The defaults again: the matrix's other rows keep their clocks.
  'PUT /api/v1/service-levels': {
    call: () => ({ url: '/api/v1/service-levels', body: DEFAULT_SERVICE_LEVEL_TARGETS }),
    expect: by(403, { coordinator: 200 }),
  },
  // in-progress → submitted is no edge: authorised callers get 409, others 404/403.
  'PATCH /api/v1/interpretation-requests/:id': {
    call: (f) => ({ url: `/api/v1/interpretation-requests/${f.request}`, body: { status: 'submitted' } }),
    expect: by(403, { requesterOwn: 409, requesterOther: 404, coordinator: 409, coordinatorSpecialist: 409 }),
  },
  // Reopening after the advice is the casustafel's (decision 113): the fixture's request is in
  // progress, so its own requester is authorised and refused on the state (409).
  'POST /api/v1/interpretation-requests/:id/reopen': {
    call: (f) => ({ url: `/api/v1/interpretation-requests/${f.request}/reopen`, body: { reason: 'Meer werk nodig na het advies.' } }),
    expect: by(403, { requesterOwn: 409, requesterOther: 404 }),
  },
  // Assigning oneself is refused (separation of duties).
  'POST /api/v1/interpretation-requests/:id/assignments': {
    call: async (_f, actor) => {
      const request = await createRequest(callers.requesterOwn);
      const specialistId = isDual(actor) ? own.specialist : fixture.specialist6;
      return {
        url: `/api/v1/interpretation-requests/${request.id}/assignments`,
        body: { specialistId, estimatedMinutes: 60, overrideReason: 'Vaste keuze van de test' },
      };
    },
    expect: by(403, { coordinator: 201, coordinatorSpecialist: 403 }),
  },
  'POST /api/v1/interpretation-requests/:id/advice': {
    call: (f) => ({ url: `/api/v1/interpretation-requests/${f.request}/advice`, body: { summary: 'Kern van het advies', body: 'Het advies.' } }),
    expect: by(403, { requesterOwn: 403, requesterOther: 403, specialistAssigned: 201, specialistUnassigned: 404 }),
    fresh: true,
  },
  // A correction of delivered advice is the holding specialist's (decision 114): the fixture's
  // request is in progress, so they are authorised and refused on the state (409).
  'POST /api/v1/interpretation-requests/:id/advice/corrections': {
    call: (f) => ({
      url: `/api/v1/interpretation-requests/${f.request}/advice/corrections`,
      body: { summary: 'Kern', body: 'Het gecorrigeerde advies.', reason: 'Een datum stond verkeerd.', basedOnVersion: 1 },
    }),
    expect: by(403, { specialistAssigned: 409, specialistUnassigned: 404 }),
  },
  // The advice being written: only its writer (the holding specialist) reads and saves it.
  'GET /api/v1/interpretation-requests/:id/advice-draft': {
    call: (f) => ({ url: `/api/v1/interpretation-requests/${f.request}/advice-draft` }),
    expect: by(403, { specialistAssigned: 200, specialistUnassigned: 404 }),
  },
  'PUT /api/v1/interpretation-requests/:id/advice-draft': {
    call: (f) => ({ url: `/api/v1/interpretation-requests/${f.request}/advice-draft`, body: { summary: 'Kern', body: 'Eerste opzet.', version: 0 } }),
    // Not fresh (each fresh fixture reserves budget): the one save that succeeds is the first on the fixture's request.
    expect: by(403, { specialistAssigned: 200, specialistUnassigned: 404 }),
  },
  // Drafts (docs/design.md §4): the fixture's request is in progress, so its casustafel is refused with 409; others 404/403.
  'PATCH /api/v1/interpretation-requests/:id/fields': {
    call: (f) => ({ url: `/api/v1/interpretation-requests/${f.request}/fields`, body: { urgency: 'urgent' } }),
    expect: by(403, { requesterOwn: 409, requesterOther: 404 }),
  },
  'DELETE /api/v1/interpretation-requests/:id': {
    call: async () => {
      const draft = await createRequest(callers.requesterOwn, { submit: false });
      return { url: `/api/v1/interpretation-requests/${draft.id}` };
    },
    expect: by(403, { requesterOwn: 204, requesterOther: 404 }),
  },
  // Messages: the request's need-to-know (decision 110); another casustafel and an unassigned specialist get 404.
  'GET /api/v1/interpretation-requests/:id/messages': {
    call: (f) => ({ url: `/api/v1/interpretation-requests/${f.request}/messages` }),
    expect: by(403, { requesterOwn: 200, requesterOther: 404, coordinator: 200, specialistAssigned: 200, specialistUnassigned: 404 }),
  },
  'POST /api/v1/interpretation-requests/:id/messages': {
    call: (f) => ({ url: `/api/v1/interpretation-requests/${f.request}/messages`, body: { body: 'Een vraag over de planning.' } }),
    expect: by(403, { requesterOwn: 201, requesterOther: 404, coordinator: 201, specialistAssigned: 201, specialistUnassigned: 404 }),
  },
  'GET /api/v1/me/unread-messages': {
    call: () => ({ url: '/api/v1/me/unread-messages' }),
    expect: by(200, { finance: 403, admin: 403 }),
  },
  // The fixture's request is in progress: its own requester is authorised and refused on the state (409).
  // Reach (docs/design.md §12): only a specialist records; the fixture's request is a case interpretation, so its specialist gets 409.
  'PUT /api/v1/interpretation-requests/:id/reach': {
    call: (f) => ({ url: `/api/v1/interpretation-requests/${f.request}/reach`, body: { participants: { police: 12 } } }),
    expect: by(403, { specialistAssigned: 409, specialistUnassigned: 404 }),
  },
  'POST /api/v1/interpretation-requests/:id/feedback': {
    call: (f) => ({ url: `/api/v1/interpretation-requests/${f.request}/feedback`, body: { answered: 'yes', usefulness: 5, changes: ['no-change'] } }),
    expect: by(403, { requesterOwn: 409, requesterOther: 404 }),
  },
  'GET /api/v1/assignments': {
    call: () => ({ url: '/api/v1/assignments' }),
    expect: by(403, { coordinator: 200, coordinatorSpecialist: 200, specialistAssigned: 200, specialistUnassigned: 200 }),
  },
  'GET /api/v1/assignments/:id': {
    call: (f) => ({ url: `/api/v1/assignments/${f.assignment}` }),
    expect: by(403, { coordinator: 200, coordinatorSpecialist: 200, specialistAssigned: 200, specialistUnassigned: 404 }),
  },
  // Raising the estimate is the coordinator's; the assigned specialist may not, nor a coordinator on their own assignment.
  'PATCH /api/v1/assignments/:id': {
    call: (f, actor) => ({ url: `/api/v1/assignments/${isDual(actor) ? own.assignment : f.assignment}`, body: { estimatedMinutes: 300 } }),
    expect: by(403, { coordinator: 200, coordinatorSpecialist: 403, specialistUnassigned: 404 }),
  },
  // Only the proposed specialist confirms no conflict of interest, on an open proposal (decision 103): the
  // fixture's assignment is accepted, so its specialist is authorised and refused on the state (409).
  'POST /api/v1/assignments/:id/no-conflict-confirmation': {
    call: (f) => ({ url: `/api/v1/assignments/${f.assignment}/no-conflict-confirmation` }),
    expect: by(403, { coordinatorSpecialist: 403, specialistAssigned: 409, specialistUnassigned: 404 }),
  },
  // Ending an assignment is the coordinator's, never on their own assignment.
  'POST /api/v1/assignments/:id/end': {
    call: (f, actor) => ({
      url: `/api/v1/assignments/${isDual(actor) ? own.assignment : f.assignment}/end`,
      body: { reason: 'Specialist niet meer beschikbaar' },
    }),
    expect: by(403, { coordinator: 200, coordinatorSpecialist: 403 }),
    fresh: true,
  },
  'GET /api/v1/assignments/:id/time-entries': {
    call: (f) => ({ url: `/api/v1/assignments/${f.assignment}/time-entries` }),
    expect: by(403, { coordinator: 200, coordinatorSpecialist: 200, specialistAssigned: 200, specialistUnassigned: 404 }),
  },
  // Only the assigned specialist logs hours: a coordinator who is also a specialist is not assigned here.
  'POST /api/v1/assignments/:id/time-entries': {
    call: (f) => ({ url: `/api/v1/assignments/${f.assignment}/time-entries`, body: entryBody({ minutes: 15 }) }),
    expect: by(403, { specialistAssigned: 201, specialistUnassigned: 404 }),
  },
  'GET /api/v1/time-entries': {
    call: () => ({ url: '/api/v1/time-entries' }),
    expect: by(403, { coordinator: 200, coordinatorSpecialist: 200, specialistAssigned: 200, specialistUnassigned: 200 }),
  },
  'PATCH /api/v1/time-entries/:id': {
    call: (f, actor) => ({ url: `/api/v1/time-entries/${isDual(actor) ? own.entry : f.entry}`, body: { status: 'approved' } }),
    expect: by(403, { coordinator: 200, coordinatorSpecialist: 403 }),
    fresh: true,
  },
  // Only the specialist who logged an entry withdraws it; a coordinator who is also a specialist
  // sees the fixture's entry but it is not theirs.
  // The withdrawing specialist gets an entry of its own, so the fixture's entry stays for the others.
  'DELETE /api/v1/time-entries/:id': {
    call: async (f, actor) => {
      if (actor !== 'specialistAssigned') return { url: `/api/v1/time-entries/${f.entry}` };
      const entry = await callers.specialistAssigned('POST', `/api/v1/assignments/${f.assignment}/time-entries`, entryBody({ minutes: 15 }));
      expect(entry.status).toBe(201);
      return { url: `/api/v1/time-entries/${entry.body.id}` };
    },
    expect: by(403, { specialistAssigned: 204, specialistUnassigned: 404 }),
  },
  'GET /api/v1/budgets': { call: () => ({ url: '/api/v1/budgets' }), expect: by(403, { coordinator: 200, coordinatorSpecialist: 200, finance: 200 }) },
  'GET /api/v1/budgets/:year': {
    call: () => ({ url: `/api/v1/budgets/${thisYear()}` }),
    expect: by(403, { coordinator: 200, coordinatorSpecialist: 200, finance: 200 }),
  },
  // Everyone sets only their own language (Dutch, the default: the fixture keeps its language).
  'PUT /api/v1/me/language': { call: () => ({ url: '/api/v1/me/language', body: { language: 'nl' } }), expect: by(204) },
  // The inbox: everyone lists, counts and marks only their own items; another's item is not found.
  'GET /api/v1/me/inbox-items': { call: () => ({ url: '/api/v1/me/inbox-items' }), expect: by(200) },
  'GET /api/v1/me/inbox-summary': { call: () => ({ url: '/api/v1/me/inbox-summary' }), expect: by(200) },
  'POST /api/v1/me/inbox-items/mark-all-read': { call: () => ({ url: '/api/v1/me/inbox-items/mark-all-read' }), expect: by(200) },
  'PATCH /api/v1/me/inbox-items/:id': {
    // An item of the coordinator (the fixture's request was submitted to them).
    call: async () => {
      const [item] = await t.handle.db
        .select({ id: schema.inboxItems.id })
        .from(schema.inboxItems)
        .innerJoin(schema.users, eq(schema.users.id, schema.inboxItems.userId))
        .where(eq(schema.users.email, `coordinator@${DEMO_DOMAIN}`))
        .limit(1);
      return { url: `/api/v1/me/inbox-items/${item?.id ?? randomUUID()}`, body: { read: true } };
    },
    expect: by(404, { coordinator: 200, coordinatorSpecialist: 404 }),
  },
  // Notifications: own preferences for everyone; the outbox and its previews for admins.
  'GET /api/v1/me/notification-preferences': { call: () => ({ url: '/api/v1/me/notification-preferences' }), expect: by(200) },
  'PUT /api/v1/me/notification-preferences': { call: () => ({ url: '/api/v1/me/notification-preferences', body: { items: [] } }), expect: by(200) },
  'GET /api/v1/notifications': { call: () => ({ url: '/api/v1/notifications' }), expect: by(403, { admin: 200 }) },
  'GET /api/v1/notifications/:id/preview': {
    call: async () => {
      const [mail] = await t.handle.db.select({ id: schema.notifications.id }).from(schema.notifications).limit(1);
      return { url: `/api/v1/notifications/${mail?.id ?? randomUUID()}/preview` };
    },
    expect: by(403, { admin: 200 }),
  },
  'GET /api/v1/notifications/:id/preview-page': {
    call: async () => {
      const [mail] = await t.handle.db.select({ id: schema.notifications.id }).from(schema.notifications).limit(1);
      return { url: `/api/v1/notifications/${mail?.id ?? randomUUID()}/preview-page` };
    },
    expect: by(403, { admin: 200 }),
  },
  'POST /api/v1/notifications/:id/resend': {
    // A failed mail of its own per call: the admin's success puts it back in the queue.
    call: async () => {
      const [user] = await t.handle.db.select({ id: schema.users.id, email: schema.users.email }).from(schema.users).limit(1);
      if (!user) throw new Error('no user');
      const [mail] = await t.handle.db
        .insert(schema.notifications)
        .values({ event: 'request-submitted', recipientUserId: user.id, recipientEmail: user.email, status: 'failed', lastError: 'SMTP 550' })
        .returning({ id: schema.notifications.id });
      return { url: `/api/v1/notifications/${mail?.id}/resend` };
    },
    expect: by(403, { admin: 200 }),
  },
  'GET /api/v1/mail-templates/:event/preview-page': { call: () => ({ url: '/api/v1/mail-templates/digest/preview-page' }), expect: by(403, { admin: 200 }) },
  'GET /api/v1/mail-templates/:event/preview': { call: () => ({ url: '/api/v1/mail-templates/digest/preview' }), expect: by(403, { admin: 200 }) },
  // The ledger: money for coordinator and finance, never for case roles.
  'GET /api/v1/accounting-periods': {
    call: () => ({ url: `/api/v1/accounting-periods?year=${thisYear()}` }),
    expect: by(403, { coordinator: 200, finance: 200 }),
  },
  'PATCH /api/v1/accounting-periods/:month': {
    // A month of its own per actor that may close it, long past and without entries.
    call: (_f, actor) => ({
      url: `/api/v1/accounting-periods/2020-${actor === 'coordinator' ? '01' : actor === 'finance' ? '02' : isDual(actor) ? '04' : '03'}`,
      body: { status: 'closed' },
    }),
    expect: by(403, { coordinator: 200, finance: 200 }),
  },
  'POST /api/v1/budgets': {
    call: (_f, actor) => ({ url: '/api/v1/budgets', body: { year: 2090 + ACTORS.indexOf(actor), allocatedCents: 100, fundingSource: 'Test' } }),
    expect: by(403, { coordinator: 201, finance: 201 }),
  },
  'PATCH /api/v1/budgets/:year': {
    call: () => ({ url: `/api/v1/budgets/${thisYear()}`, body: { note: 'Notitie' } }),
    expect: by(403, { coordinator: 200, finance: 200 }),
  },
  // Budget lines (decision 094): money roles only. A line of 0 always fits the year; each actor its own code.
  'POST /api/v1/budgets/:year/lines': {
    call: (_f, actor) => ({
      url: `/api/v1/budgets/${thisYear()}/lines`,
      body: { code: `matrix-${ACTORS.indexOf(actor)}`, name: `Matrix ${actor}`, fundingSource: 'municipal', allocatedCents: 0 },
    }),
    expect: by(403, { coordinator: 201, finance: 201 }),
  },
  'PATCH /api/v1/budgets/:year/lines/:lineId': {
    call: async () => ({ url: `/api/v1/budgets/${thisYear()}/lines/${await emptyLine()}`, body: { name: 'Hernoemd' } }),
    expect: by(403, { coordinator: 200, finance: 200 }),
  },
  'DELETE /api/v1/budgets/:year/lines/:lineId': {
    call: async () => ({ url: `/api/v1/budgets/${thisYear()}/lines/${await emptyLine()}` }),
    expect: by(403, { coordinator: 204, finance: 204 }),
  },
  'GET /api/v1/reports': {
    call: () => ({ url: `/api/v1/reports?preset=year-end&year=${thisYear()}` }),
    expect: by(403, { coordinator: 200, finance: 200 }),
  },
  'GET /api/v1/reports/export': {
    call: () => ({ url: `/api/v1/reports/export?preset=interim&year=${thisYear()}&format=csv` }),
    expect: by(403, { coordinator: 200, finance: 200 }),
  },
  'GET /api/v1/budgets/:year/burn-up': { call: () => ({ url: `/api/v1/budgets/${thisYear()}/burn-up` }), expect: by(403, { coordinator: 200, finance: 200 }) },
  'GET /api/v1/budgets/:year/breakdowns': {
    call: () => ({ url: `/api/v1/budgets/${thisYear()}/breakdowns?dimension=specialist` }),
    expect: by(403, { coordinator: 200, finance: 200 }),
  },
  'GET /api/v1/budgets/:year/ledger-entries': {
    call: () => ({ url: `/api/v1/budgets/${thisYear()}/ledger-entries` }),
    expect: by(403, { coordinator: 200, finance: 200 }),
  },
  'GET /api/v1/budgets/:year/ledger-export': {
    call: () => ({ url: `/api/v1/budgets/${thisYear()}/ledger-export` }),
    expect: by(403, { coordinator: 200, finance: 200 }),
  },
  'GET /api/v1/specialists/:id/rates': { call: (f) => ({ url: `/api/v1/specialists/${f.specialist6}/rates` }), expect: by(403, { coordinator: 200 }) },
  // Nobody sets their own rate.
  'POST /api/v1/specialists/:id/rates': {
    call: (f, actor) => ({
      url: `/api/v1/specialists/${isDual(actor) ? own.specialist : f.specialist6}/rates`,
      body: { rateCents: 10000, validFrom: '2020-06-01' },
    }),
    expect: by(403, { coordinator: 201, coordinatorSpecialist: 403 }),
  },
  // specialist6 (specialistUnassigned) keeps up their own profile; another specialist does not see it.
  'GET /api/v1/specialists/:id/profile': {
    call: (f) => ({ url: `/api/v1/specialists/${f.specialist6}/profile` }),
    expect: by(403, { coordinator: 200, specialistUnassigned: 200, specialistAssigned: 404 }),
  },
  'PATCH /api/v1/specialists/:id/profile': {
    call: (f) => ({ url: `/api/v1/specialists/${f.specialist6}/profile`, body: { bio: 'Bio' } }),
    expect: by(403, { coordinator: 200, specialistUnassigned: 200, specialistAssigned: 404 }),
  },
  'GET /api/v1/specialists/:id/absences': {
    call: (f) => ({ url: `/api/v1/specialists/${f.specialist6}/absences` }),
    expect: by(403, { coordinator: 200, specialistUnassigned: 200, specialistAssigned: 404 }),
  },
  // Long past, so the fixture's specialist stays assignable; a day of its own per call (absences do not overlap).
  'POST /api/v1/specialists/:id/absences': {
    call: (f) => ({ url: `/api/v1/specialists/${f.specialist6}/absences`, body: pastDay() }),
    expect: by(403, { coordinator: 201, specialistUnassigned: 201, specialistAssigned: 404 }),
  },
  'DELETE /api/v1/absences/:absenceId': {
    call: async (f) => {
      const made = await callers.coordinator('POST', `/api/v1/specialists/${f.specialist6}/absences`, pastDay());
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      return { url: `/api/v1/absences/${made.body.id}` };
    },
    expect: by(403, { coordinator: 204, specialistUnassigned: 204, specialistAssigned: 404 }),
  },
  // The financial statement to the NCTV: finance prepares, finance or a coordinator reads and adopts.
  // No year of the fixture is closed, so those allowed meet 404 (none prepared) or 409 (months open).
  'GET /api/v1/financial-statements/:year': { call: () => ({ url: '/api/v1/financial-statements/2019' }), expect: by(403, { finance: 404, coordinator: 404 }) },
  'POST /api/v1/financial-statements': { call: () => ({ url: '/api/v1/financial-statements', body: { year: 2019 } }), expect: by(403, { finance: 409 }) },
  'POST /api/v1/financial-statements/:year/adoption': {
    call: () => ({ url: '/api/v1/financial-statements/2019/adoption', body: { sha256: '0'.repeat(64) } }),
    expect: by(403, { finance: 404, coordinator: 404 }),
  },
  'GET /api/v1/financial-statements/:year/document': {
    call: () => ({ url: '/api/v1/financial-statements/2019/document' }),
    expect: by(403, { finance: 404, coordinator: 404 }),
  },
  // The knowledge library: every signed-in user reads; coordinators and specialists publish; the
  // publisher or a coordinator withdraws (docs/design.md §10).
  'GET /api/v1/knowledge-products': { call: () => ({ url: '/api/v1/knowledge-products' }), expect: by(200) },
  'GET /api/v1/knowledge-products/:id': { call: (f) => ({ url: `/api/v1/knowledge-products/${f.knowledge}` }), expect: by(200) },
  'GET /api/v1/knowledge-products/:id/file': { call: (f) => ({ url: `/api/v1/knowledge-products/${f.knowledge}/file` }), expect: by(200) },
  'POST /api/v1/knowledge-products': {
    call: async () => {
      const { payload, headers } = await multipartBody(
        { title: 'Matrix', summary: 'Een kennisproduct.', audiences: ['police'] },
        { name: 'matrix.pdf', bytes: uniquePdf() },
      );
      return { url: '/api/v1/knowledge-products', body: payload, headers };
    },
    expect: by(403, { coordinator: 201, specialistAssigned: 201, specialistUnassigned: 201 }),
  },
  'DELETE /api/v1/knowledge-products/:id': {
    call: async () => {
      const made = await publishKnowledge(callers.coordinator);
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      return { url: `/api/v1/knowledge-products/${made.body.id}` };
    },
    // A specialist may withdraw only what they published: the coordinator's product is refused by the service.
    expect: by(403, { coordinator: 204 }),
  },
  'GET /api/v1/specialists/capacity': { call: () => ({ url: '/api/v1/specialists/capacity' }), expect: by(403, { coordinator: 200 }) },
  'GET /api/v1/specialists/:id/conflicts': {
    call: (f) => ({ url: `/api/v1/specialists/${f.specialist6}/conflicts` }),
    expect: by(403, { coordinator: 200, specialistUnassigned: 200, specialistAssigned: 404 }),
  },
  // A municipality of its own per call, none the fixture's casustafel serves, so specialist6 stays assignable there.
  'POST /api/v1/specialists/:id/conflicts': {
    call: async (f) => ({ url: `/api/v1/specialists/${f.specialist6}/conflicts`, body: { municipalityId: await otherMunicipality(), note: 'Oud-collega' } }),
    expect: by(403, { coordinator: 201, specialistUnassigned: 201, specialistAssigned: 404 }),
  },
  'DELETE /api/v1/conflicts/:conflictId': {
    call: async (f) => {
      const made = await callers.coordinator('POST', `/api/v1/specialists/${f.specialist6}/conflicts`, { municipalityId: await otherMunicipality() });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      return { url: `/api/v1/conflicts/${made.body.id}` };
    },
    expect: by(403, { coordinator: 204, specialistUnassigned: 204, specialistAssigned: 404 }),
  },
  'GET /api/v1/interpretation-requests/:id/suggestions': {
    call: (f) => ({ url: `/api/v1/interpretation-requests/${f.request}/suggestions` }),
    expect: by(403, { coordinator: 200 }),
  },
  'GET /api/v1/case-tables/:id/standing-specialists': {
    call: (f) => ({ url: `/api/v1/case-tables/${f.caseTable}/standing-specialists` }),
    expect: by(403, { coordinator: 200 }),
  },
  'PUT /api/v1/case-tables/:id/standing-specialists': {
    call: (f) => ({ url: `/api/v1/case-tables/${f.caseTable}/standing-specialists`, body: { specialistIds: [] } }),
    expect: by(403, { coordinator: 200 }),
  },
  // A selection with an own entry is refused as a whole.
  'POST /api/v1/time-entry-reviews': {
    call: (f, actor) => ({ url: '/api/v1/time-entry-reviews', body: { entryIds: isDual(actor) ? [f.entry, own.entry] : [f.entry], status: 'approved' } }),
    expect: by(403, { coordinator: 200, coordinatorSpecialist: 403 }),
    fresh: true,
  },
  // Only an approved entry is corrected: the fixture's entry is submitted, so the coordinator passes
  // authorisation and meets the rule (409); every other actor is refused before, the
  // coordinator-specialist on their own entry as well.
  'POST /api/v1/time-entries/:id/corrections': {
    call: (f, actor) => ({ url: `/api/v1/time-entries/${isDual(actor) ? own.entry : f.entry}/corrections`, body: { minutes: -1, reason: 'Correctie' } }),
    expect: by(403, { coordinator: 409, coordinatorSpecialist: 403 }),
  },
  'GET /api/v1/extension-requests': {
    call: () => ({ url: '/api/v1/extension-requests' }),
    expect: by(403, { coordinator: 200, coordinatorSpecialist: 200, specialistAssigned: 200, specialistUnassigned: 200 }),
  },
  'POST /api/v1/assignments/:id/extension-requests': {
    call: (f) => ({ url: `/api/v1/assignments/${f.assignment}/extension-requests`, body: { extraMinutes: 60, reason: 'Meer werk dan geschat' } }),
    expect: by(403, { specialistAssigned: 201, specialistUnassigned: 404 }),
    fresh: true,
  },
  // Deciding is the coordinator's; an unknown request answers 404 only to them; their own is refused.
  'PATCH /api/v1/extension-requests/:id': {
    call: (_f, actor) => ({ url: `/api/v1/extension-requests/${isDual(actor) ? own.extension : randomUUID()}`, body: { status: 'granted' } }),
    expect: by(403, { coordinator: 404, coordinatorSpecialist: 403 }),
  },
  // The coordinator's offers (decision 130): coordinators see all, members of the organisation it is
  // made to see theirs, any other requester 404; specialists, finance and admins none.
  'GET /api/v1/offers': { call: () => ({ url: '/api/v1/offers' }), expect: by(403, { requesterOwn: 200, requesterOther: 200, coordinator: 200 }) },
  'POST /api/v1/offers': {
    call: (f) => ({ url: '/api/v1/offers', body: offerBody(f.caseTable) }),
    expect: by(403, { coordinator: 201 }),
  },
  'GET /api/v1/offers/:id': {
    call: () => ({ url: `/api/v1/offers/${sharedOffer}` }),
    expect: by(403, { requesterOwn: 200, requesterOther: 404, coordinator: 200 }),
  },
  // A new open offer per call: the casustafel's member accepts it (a request is made), a coordinator withdraws it.
  'PATCH /api/v1/offers/:id': {
    call: async (f, actor) => ({
      url: `/api/v1/offers/${await freshOffer(f.caseTable)}`,
      body: actor === 'coordinator' || actor === 'coordinatorSpecialist' ? { status: 'withdrawn' } : { status: 'accepted', municipalityId: ownMunicipality },
    }),
    expect: by(403, { requesterOwn: 200, requesterOther: 404, coordinator: 200 }),
  },
  'GET /api/v1/users': { call: () => ({ url: '/api/v1/users' }), expect: by(403, { admin: 200 }) },
  'GET /api/v1/users/:id': { call: (f) => ({ url: `/api/v1/users/${f.user}` }), expect: by(403, { admin: 200 }) },
  'POST /api/v1/users': {
    call: () => ({
      url: '/api/v1/users',
      body: { email: `uitnodiging-${randomBytes(4).toString('hex')}@${DEMO_DOMAIN}`, displayName: 'Nieuwe collega', roles: ['finance'] },
    }),
    expect: by(403, { admin: 201 }),
  },
  'PATCH /api/v1/users/:id': { call: (f) => ({ url: `/api/v1/users/${f.user}`, body: { displayName: 'Hernoemde collega' } }), expect: by(403, { admin: 200 }) },
  'GET /api/v1/audit-events': { call: () => ({ url: '/api/v1/audit-events' }), expect: by(403, { coordinator: 200, admin: 200 }) },
  'GET /api/v1/audit-events/export': { call: () => ({ url: '/api/v1/audit-events/export' }), expect: by(403, { coordinator: 200, admin: 200 }) },
  // Reference data: the admin's only (decision 081). Each call adds, renames or retires an item of its own.
  'GET /api/v1/admin/reference/:kind': { call: () => ({ url: '/api/v1/admin/reference/case-tables' }), expect: by(403, { admin: 200 }) },
  'POST /api/v1/admin/reference/:kind': {
    call: () => {
      const code = `matrix-${randomBytes(4).toString('hex')}`;
      return { url: '/api/v1/admin/reference/activities', body: { code, name: `Matrix ${code}`, nameEn: `Matrix ${code}` } };
    },
    expect: by(403, { admin: 201 }),
  },
  'PATCH /api/v1/admin/reference/:kind/:code': {
    call: async () => {
      const code = await freshActivity();
      return { url: `/api/v1/admin/reference/activities/${code}`, body: { name: `Hernoemd ${code}` } };
    },
    expect: by(403, { admin: 200 }),
  },
  'POST /api/v1/admin/reference/:kind/:code/retirement': {
    call: async () => ({ url: `/api/v1/admin/reference/activities/${await freshActivity()}/retirement` }),
    expect: by(403, { admin: 200 }),
  },
  'POST /api/v1/admin/reference/case-tables/:code/members': {
    call: async () => ({ url: `/api/v1/admin/reference/case-tables/${(await freshCaseTable()).code}/members`, body: { userId: await freshRequester() } }),
    expect: by(403, { admin: 200 }),
  },
  'DELETE /api/v1/admin/reference/case-tables/:code/members/:userId': {
    call: async () => {
      const table = await freshCaseTable();
      const user = await freshRequester();
      expect((await callers.admin('POST', `/api/v1/admin/reference/case-tables/${table.code}/members`, { userId: user })).status).toBe(200);
      return { url: `/api/v1/admin/reference/case-tables/${table.code}/members/${user}` };
    },
    expect: by(403, { admin: 200 }),
  },
};

/** A new activity made by the admin, for a call that changes it. */
/** A training offered to casustafel `caseTable`, valid for a week. */
function offerBody(caseTable: string) {
  return {
    type: 'training',
    caseTableId: caseTable,
    title: 'Training signalen van polarisatie',
    description: 'Een dagdeel voor professionals.',
    expertiseAreaCodes: ['polarisation'],
    deliverable: 'training-delivery',
    meetingDate: `${thisYear() + 1}-03-01`,
    audiences: ['education'],
    expectedParticipants: 20,
    place: 'Stadhuis',
    validUntil: `${thisYear() + 1}-01-31`,
  };
}

/** A new open offer to casustafel `caseTable`, made by the coordinator. */
async function freshOffer(caseTable: string): Promise<string> {
  const res = await callers.coordinator('POST', '/api/v1/offers', offerBody(caseTable));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

/** An open offer to the own casustafel (read only), and that casustafel's first municipality. */
let sharedOffer: string;
let ownMunicipality: string;

async function freshActivity(): Promise<string> {
  const code = `matrix-${randomBytes(4).toString('hex')}`;
  const res = await callers.admin('POST', '/api/v1/admin/reference/activities', { code, name: `Matrix ${code}`, nameEn: `Matrix ${code}` });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return code;
}

let pastDays = 0;
/** A one-day absence on a day of 2020 no earlier call used. */
function pastDay(): { startsOn: string; endsOn: string } {
  const day = new Date(Date.UTC(2020, 0, 1 + pastDays++)).toISOString().slice(0, 10);
  return { startsOn: day, endsOn: day };
}

let otherMunicipalities: string[] | undefined;
/** A municipality the fixture's casustafel does not serve, a new one per call (a conflict is declared once). */
async function otherMunicipality(): Promise<string> {
  if (!otherMunicipalities) {
    const tables = (await callers.coordinator('GET', '/api/v1/case-tables?pageSize=100')).body.items as { id: string; municipalities: { id: string }[] }[];
    const own = new Set(tables.find((x) => x.id === fixture.caseTable)?.municipalities.map((m) => m.id));
    otherMunicipalities = [...new Set(tables.flatMap((x) => x.municipalities.map((m) => m.id)))].filter((id) => !own.has(id));
  }
  const next = otherMunicipalities.shift();
  if (!next) throw new Error('no municipality left for a conflict');
  return next;
}

/** A new casustafel made by the admin in the first safety house, serving its first municipality. */
async function freshCaseTable(): Promise<{ code: string }> {
  const houses = await callers.admin('GET', '/api/v1/admin/reference/safety-houses');
  const municipalities = await callers.admin('GET', '/api/v1/admin/reference/municipalities');
  const code = `matrix-${randomBytes(4).toString('hex')}`;
  const res = await callers.admin('POST', '/api/v1/admin/reference/case-tables', {
    code,
    name: `Matrix ${code}`,
    parentCode: houses.body.items[0].code,
    municipalityCodes: [municipalities.body.items[0].code],
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { code };
}

/** A new requester of the fixture's casustafel (a membership change ends that user's sessions, so not a matrix actor). */
async function freshRequester(): Promise<string> {
  const res = await callers.admin('POST', '/api/v1/users', {
    email: `matrix-${randomUUID()}@${DEMO_DOMAIN}`,
    displayName: 'Matrix aanvrager',
    roles: ['requester'],
    caseTableIds: [fixture.caseTable],
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

const callers = {} as Record<ActorName, Caller>;
let fixture: Fixture;

/** A request of the own casustafel in progress with specialist4, with one submitted entry. */
async function makeFixture(): Promise<Fixture> {
  const { request, assignment } = await acceptedAssignment(callers.requesterOwn, callers.coordinator, callers.specialistAssigned, 4, 240);
  // A quarter of an hour: every fresh row makes one fixture per actor, all on today, within specialist4's 24 hours.
  const entry = await callers.specialistAssigned('POST', `/api/v1/assignments/${assignment.id}/time-entries`, entryBody({ minutes: 15 }));
  expect(entry.status, JSON.stringify(entry.body)).toBe(201);
  return { ...fixture, request: request.id, assignment: assignment.id, entry: entry.body.id };
}

/** The coordinator-specialist's own accepted assignment, proposed by the other coordinator, with an entry and an extension request. */
async function makeOwnWork(specialistId: string): Promise<OwnWork> {
  const request = await createRequest(callers.requesterOwn);
  const assigned = await callers.coordinator('POST', `/api/v1/interpretation-requests/${request.id}/assignments`, {
    specialistId,
    estimatedMinutes: 240,
    overrideReason: 'Vaste keuze van de test',
  });
  expect(assigned.status, JSON.stringify(assigned.body)).toBe(201);
  const me = callers.coordinatorSpecialist;
  expect((await me('PATCH', `/api/v1/assignments/${assigned.body.id}`, { status: 'accepted' })).status).toBe(200);
  const entry = await me('POST', `/api/v1/assignments/${assigned.body.id}/time-entries`, entryBody({ minutes: 30 }));
  expect(entry.status, JSON.stringify(entry.body)).toBe(201);
  const extension = await me('POST', `/api/v1/assignments/${assigned.body.id}/extension-requests`, { extraMinutes: 60, reason: 'Meer werk dan geschat' });
  expect(extension.status, JSON.stringify(extension.body)).toBe(201);
  return { specialist: specialistId, assignment: assigned.body.id, entry: entry.body.id, extension: extension.body.id };
}

beforeAll(async () => {
  const dual = await createCoordinatorSpecialist(t.handle, LOGIN.coordinatorSpecialist);
  for (const actor of ACTORS) callers[actor] = actor === 'anonymous' ? t.anonymous : await t.as(LOGIN[actor]);
  own = await makeOwnWork(dual.specialistId);
  const invited = await callers.admin('POST', '/api/v1/users', { email: `matrix-${randomUUID()}@${DEMO_DOMAIN}`, displayName: 'Matrix', roles: ['finance'] });
  expect(invited.status).toBe(201);
  fixture = {
    caseTable: (await firstCaseTable(callers.requesterOwn)).id,
    specialist6: (await specialist(callers.coordinator, 6)).id,
    user: invited.body.id,
    knowledge: (await publishKnowledge(callers.coordinator)).body.id,
  } as Fixture;
  fixture = await makeFixture();
  sharedOffer = await freshOffer(fixture.caseTable);
  ownMunicipality = (await firstCaseTable(callers.requesterOwn)).municipalities[0]?.id as string;
});

/** The number of successful audit events so far. */
async function successEvents(): Promise<number> {
  const [row] = await t.handle.db.select({ n: sql<number>`count(*)::int` }).from(schema.auditEvents).where(eq(schema.auditEvents.result, 'success'));
  return row?.n ?? 0;
}

const apiRoutes = () =>
  t.app.registeredRoutes
    .filter((r) => r.url.startsWith('/api/'))
    .map((r) => `${r.method} ${r.url}`)
    .sort();

describe('authorisation matrix', () => {
  it('has a row for every registered API route, and no row for a route that does not exist', () => {
    expect(apiRoutes()).toEqual(Object.keys(MATRIX).sort());
  });

  it('lists each route as public exactly when its row lets anonymous callers past authentication', () => {
    for (const r of t.app.registeredRoutes.filter((x) => x.url.startsWith('/api/'))) {
      const row = MATRIX[`${r.method} ${r.url}`] as Row;
      expect(row.expect.anonymous === 401 || r.public, `${r.method} ${r.url}`).toBe(true);
      if (!r.public) expect(row.expect.anonymous, `${r.method} ${r.url} is not public`).toBe(401);
    }
  });

  for (const [key, row] of Object.entries(MATRIX)) {
    it(`${key}`, async () => {
      const method = key.split(' ')[0] as 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
      const got: Record<string, number> = {};
      for (const actor of ACTORS) {
        const f = row.fresh ? await makeFixture() : fixture;
        const { url, body, headers } = await row.call(f, actor);
        let caller = callers[actor];
        if (row.ownSession && actor !== 'anonymous') caller = await t.as(LOGIN[actor]);
        const before = await successEvents();
        const res = await caller(method, url, body, headers);
        got[actor] = res.status;
        // Every change that succeeds writes its audit event (docs/design.md §6).
        if (method !== 'GET' && res.status < 300) expect(await successEvents(), `${key} as ${actor} wrote no audit event`).toBeGreaterThan(before);
        if (res.status >= 400) {
          expect(String(res.headers['content-type']), `${key} as ${actor}`).toMatch(/^application\/problem\+json/);
          expect(res.status, `${key} as ${actor}: ${JSON.stringify(res.body)}`).not.toBe(500);
          // Every problem names its request: the id in the body is the one in X-Request-Id (decision 053).
          expect(res.body.requestId, `${key} as ${actor}`).toMatch(REQUEST_ID_PATTERN);
          expect(res.headers['x-request-id'], `${key} as ${actor}`).toBe(res.body.requestId);
        }
      }
      expect(got).toEqual(row.expect);
    });
  }

  it('a refused route call (403) is written to the audit log as denied', async () => {
    const before = await callers.coordinator('GET', '/api/v1/audit-events?action=access&result=denied&pageSize=1');
    expect((await callers.requesterOther('GET', '/api/v1/budgets')).status).toBe(403);
    const after = await callers.coordinator('GET', '/api/v1/audit-events?action=access&result=denied&pageSize=1');
    expect(after.body.total).toBe(before.body.total + 1);
    expect(after.body.items[0]).toMatchObject({ objectType: 'route', objectId: 'GET /api/v1/budgets', result: 'denied' });
  });
});

/**
 * One more actor state (decision 103): a specialist with an open proposal on the request who has not
 * confirmed that they have no conflict of interest. They read the summary (detail, list, clocks) and
 * their assignment, confirm or decline; every route that reads or writes case content answers as
 * if the request did not exist (404), and the work of an accepted assignment is refused on its state.
 */
describe('authorisation of a proposed specialist before the no-conflict confirmation', () => {
  const PROPOSED: Record<string, { call: (q: { request: string; assignment: string }) => Call; expect: number }> = {
    'GET /api/v1/interpretation-requests/:id': { call: (q) => ({ url: `/api/v1/interpretation-requests/${q.request}` }), expect: 200 },
    'GET /api/v1/interpretation-requests/:id/clocks': { call: (q) => ({ url: `/api/v1/interpretation-requests/${q.request}/clocks` }), expect: 200 },
    'GET /api/v1/interpretation-requests/:id/messages': { call: (q) => ({ url: `/api/v1/interpretation-requests/${q.request}/messages` }), expect: 404 },
    'POST /api/v1/interpretation-requests/:id/messages': {
      call: (q) => ({ url: `/api/v1/interpretation-requests/${q.request}/messages`, body: { body: 'Een vraag over de planning.' } }),
      expect: 404,
    },
    'GET /api/v1/interpretation-requests/:id/advice-draft': {
      call: (q) => ({ url: `/api/v1/interpretation-requests/${q.request}/advice-draft` }),
      expect: 404,
    },
    'PUT /api/v1/interpretation-requests/:id/advice-draft': {
      call: (q) => ({ url: `/api/v1/interpretation-requests/${q.request}/advice-draft`, body: { summary: 'Kern', body: 'Opzet.', version: 0 } }),
      expect: 404,
    },
    'POST /api/v1/interpretation-requests/:id/advice': {
      call: (q) => ({ url: `/api/v1/interpretation-requests/${q.request}/advice`, body: { summary: 'Kern', body: 'Advies.' } }),
      expect: 404,
    },
    'PATCH /api/v1/interpretation-requests/:id': {
      call: (q) => ({ url: `/api/v1/interpretation-requests/${q.request}`, body: { status: 'closed' } }),
      // Not a specialist's route at all: refused by role first.
      expect: 403,
    },
    'GET /api/v1/assignments/:id': { call: (q) => ({ url: `/api/v1/assignments/${q.assignment}` }), expect: 200 },
    'GET /api/v1/assignments/:id/time-entries': { call: (q) => ({ url: `/api/v1/assignments/${q.assignment}/time-entries` }), expect: 200 },
    'POST /api/v1/assignments/:id/time-entries': {
      call: (q) => ({ url: `/api/v1/assignments/${q.assignment}/time-entries`, body: entryBody({ minutes: 15 }) }),
      expect: 409,
    },
    'POST /api/v1/assignments/:id/extension-requests': {
      call: (q) => ({ url: `/api/v1/assignments/${q.assignment}/extension-requests`, body: { extraMinutes: 60, reason: 'Meer werk' } }),
      expect: 409,
    },
    'POST /api/v1/assignments/:id/no-conflict-confirmation': {
      call: (q) => ({ url: `/api/v1/assignments/${q.assignment}/no-conflict-confirmation` }),
      expect: 200,
    },
  };
  let proposed: Caller;
  let q: { request: string; assignment: string };
  beforeAll(async () => {
    proposed = await t.as('specialist5');
    const request = await createRequest(callers.requesterOwn);
    const res = await callers.coordinator('POST', `/api/v1/interpretation-requests/${request.id}/assignments`, {
      specialistId: (await specialist(callers.coordinator, 5)).id,
      estimatedMinutes: 120,
      overrideReason: 'Vaste keuze van de test',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    q = { request: request.id, assignment: res.body.id };
  });

  it('names only routes of the main matrix', () => {
    for (const key of Object.keys(PROPOSED)) expect(MATRIX[key], key).toBeDefined();
  });

  it('answers each request-scoped route as the actor state allows (the confirmation last)', async () => {
    const got: Record<string, number> = {};
    for (const [key, row] of Object.entries(PROPOSED)) {
      const method = key.split(' ')[0] as 'GET' | 'POST' | 'PATCH' | 'PUT';
      const { url, body } = row.call(q);
      got[key] = (await proposed(method, url, body)).status;
    }
    expect(got).toEqual(Object.fromEntries(Object.entries(PROPOSED).map(([k, v]) => [k, v.expect])));
    // After the confirmation the content opens.
    expect((await proposed('GET', `/api/v1/interpretation-requests/${q.request}/messages`)).status).toBe(200);
  });
});

describe("need-to-know of a municipality's own request (decision 095), route × actor", () => {
  // A training the municipality of Arnhem asked through its adviser: no casustafel, so no member of
  // any casustafel sees it; the adviser, the coordinators and (once assigned) its specialist do.
  let training: string;
  beforeAll(async () => {
    const me = await callers.municipalAdviser('GET', '/api/v1/me');
    const res = await callers.municipalAdviser('POST', '/api/v1/interpretation-requests', {
      type: 'training',
      municipalityId: me.body.municipalityMemberships[0].municipalityId,
      question: 'Training over polarisatie voor jongerenwerkers',
      expertiseAreaCodes: ['polarisation'],
      urgency: 'regular',
      deliverable: 'training-delivery',
      audiences: ['youth-work'],
      expectedParticipants: 25,
      meetingDate: `${thisYear() + 1}-03-01`,
      place: 'Wijkcentrum Presikhaaf',
      submit: true,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    training = res.body.id;
  });
  const seeing = { municipalAdviser: 200, requesterOwn: 404, requesterOther: 404, coordinator: 200, specialistAssigned: 404, specialistUnassigned: 404 };
  const rows: [string, 'GET' | 'POST' | 'PATCH' | 'PUT', string, unknown, Record<ActorName, number>][] = [
    ['detail', 'GET', '', undefined, by(403, seeing)],
    ['clocks', 'GET', '/clocks', undefined, by(403, seeing)],
    ['messages', 'GET', '/messages', undefined, by(403, seeing)],
    ['post a message', 'POST', '/messages', { body: 'Graag op een dinsdag.' }, by(403, { ...seeing, municipalAdviser: 201, coordinator: 201 })],
    ['edit fields (submitted: 409)', 'PATCH', '/fields', { urgency: 'urgent' }, by(403, { municipalAdviser: 409, requesterOwn: 404, requesterOther: 404 })],
    ['no edge', 'PATCH', '', { status: 'submitted' }, by(403, { municipalAdviser: 409, requesterOwn: 404, requesterOther: 404, coordinator: 409 })],
    [
      'feedback (not closed: 409)',
      'POST',
      '/feedback',
      { answered: 'yes', usefulness: 4, changes: ['no-change'] },
      by(403, { municipalAdviser: 409, requesterOwn: 404, requesterOther: 404 }),
    ],
    ['reach (not assigned: 404)', 'PUT', '/reach', { participants: { police: 3 } }, by(403, { specialistAssigned: 404, specialistUnassigned: 404 })],
    ['suggestions', 'GET', '/suggestions', undefined, by(403, { coordinator: 200 })],
  ];
  it.each(rows)('%s', async (_name, method, path, body, expected) => {
    const got: Record<string, number> = {};
    for (const actor of ACTORS) got[actor] = (await callers[actor](method, `/api/v1/interpretation-requests/${training}${path}`, body)).status;
    expect(got).toEqual(expected);
  });

  it('the municipality member lists only its own requests, never a casustafel’s', async () => {
    const items = (await listAll(callers.municipalAdviser, '/api/v1/interpretation-requests')).items as { id: string; caseTableId: string | null }[];
    expect(items.map((x) => x.id)).toContain(training);
    expect(items.map((x) => x.id)).not.toContain(fixture.request);
    expect(items.every((x) => x.caseTableId === null)).toBe(true);
  });
});

describe('a list never shows what the detail refuses, for every list route', () => {
  /** List routes (GET without path parameters answering `items`) with a detail route `<list>/:param`. */
  const pairs = () =>
    t.app.registeredRoutes
      .filter((r) => r.method === 'GET' && r.url.startsWith('/api/v1/') && !r.url.includes(':'))
      .map((list) => ({ list: list.url, detail: t.app.registeredRoutes.find((d) => d.method === 'GET' && new RegExp(`^${list.url}/:[a-zA-Z]+$`).test(d.url)) }))
      .filter((p): p is { list: string; detail: NonNullable<typeof p.detail> } => p.detail !== undefined);

  it('finds the list/detail pairs (not vacuous)', () => {
    expect(
      pairs()
        .map((p) => p.list)
        .sort(),
    ).toEqual(['/api/v1/assignments', '/api/v1/budgets', '/api/v1/interpretation-requests', '/api/v1/knowledge-products', '/api/v1/offers', '/api/v1/users']);
  });

  it.each(ACTORS.filter((a) => a !== 'anonymous'))('%s: every listed item opens on its detail route', async (actor) => {
    const caller = callers[actor];
    let checked = 0;
    for (const { list, detail } of pairs()) {
      const first = await caller('GET', list);
      if (first.status === 403) {
        // Refused as a list, refused as a detail: the detail cannot show more than the list.
        const param = detail.url.split(':')[1] as string;
        const sample = param === 'year' ? String(thisYear()) : fixture.request;
        expect((await caller('GET', detail.url.replace(`:${param}`, sample))).status, `${actor} ${detail.url}`).toBe(403);
        continue;
      }
      const items: Record<string, unknown>[] = first.body.items && first.body.total !== undefined ? (await listAll(caller, list)).items : first.body.items;
      const param = detail.url.split(':')[1] as string;
      for (const item of items) {
        const res = await caller('GET', detail.url.replace(`:${param}`, String(item[param])));
        expect(res.status, `${actor} ${list} → ${detail.url} ${String(item[param])}`).toBe(200);
        checked++;
      }
    }
    if (actor !== 'requesterOther' && actor !== 'specialistUnassigned') expect(checked).toBeGreaterThan(0);
  });
});
