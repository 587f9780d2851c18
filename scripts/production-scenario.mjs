// The "from an empty database to a working pool" scenario of docs/operations.md, run over HTTP
// against a production server (NODE_ENV=production, COOKIE_SECURE=true, an https PUBLIC_URL) that
// scripts/check-production-install.mjs has installed, migrated, given its first admin by
// `pnpm admin create-user` and loaded with `pnpm admin import-structure`. Only the public API is
// used, never the database:
//   1. the first admin sets a password through the link the CLI printed, enrols TOTP and logs in
//      with password and code;
//   2. the admin invites a coordinator, a finance user, two specialists and a requester (member of
//      the first casustafel of the imported structure); the invitation mails go to a local SMTP
//      catcher started here, and each takes the token from their own mail, sets a password, and
//      (every role but requester) enrols a second factor and logs in with it;
//   3. the coordinator fills the specialists' profiles (`fillSpecialistProfile`) and sets their
//      rates; finance opens this year's budget when the import did not;
//   4. the requester submits a request; the coordinator triages it from the queue of submitted
//      requests and assigns a specialist; the specialist accepts, logs time and delivers advice;
//      the coordinator approves the hours; the requester closes the request;
//   5. the ledger holds one approved entry charging exactly rate × hours (in cents) and the
//      budget's spent figure rose by that amount, nothing reserved or pending left.
//
// Cookies: the server sets its session cookie `Secure` (COOKIE_SECURE=true) because browsers reach
// it over https through the TLS proxy; this client talks plain http to 127.0.0.1, so it keeps the
// cookies itself (a jar that ignores the Secure flag, as the proxy's https leg would carry them)
// and sends them back in a Cookie header. No X-Forwarded-Proto trickery is needed: the server reads
// cookies whatever the scheme, and TRUST_PROXY stays off as without a proxy in front.

import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const MAIL_TIMEOUT_MS = 60_000;

/** A module of the development install of server/ (smtp-server, mailparser and otplib live there). */
async function serverModule(root, name) {
  const require = createRequire(join(root, 'server/package.json'));
  return import(pathToFileURL(require.resolve(name)).href);
}

/**
 * Starts an SMTP catcher on 127.0.0.1 (no TLS, no AUTH: loopback only) that parses every message.
 * Answers `{ port, waitFor(to), close() }`; `waitFor` resolves with the parsed mail to `to`.
 */
export async function startMailCatcher(root) {
  const { SMTPServer } = await serverModule(root, 'smtp-server');
  const { simpleParser } = await serverModule(root, 'mailparser');
  const received = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    closeTimeout: 100,
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (parsed) => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()), parsed });
          callback();
        },
        (error) => callback(error),
      );
    },
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.server.address();
  return {
    port,
    received,
    async waitFor(to) {
      const deadline = Date.now() + MAIL_TIMEOUT_MS;
      for (;;) {
        const mail = received.find((m) => m.to.includes(to.toLowerCase()));
        if (mail) return mail.parsed;
        if (Date.now() > deadline)
          throw new Error(`no mail to ${to} within ${MAIL_TIMEOUT_MS / 1000} s (received: ${received.map((m) => m.to).join(', ') || 'none'})`);
        await new Promise((r) => setTimeout(r, 250));
      }
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** Today in Europe/Amsterdam as YYYY-MM-DD (the server's calendar for dates and budget years). */
const amsterdamToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());

/** A password the server's strength check accepts (random, 144 bits). */
const newPassword = () => `Pool-${randomBytes(18).toString('base64url')}`;

/**
 * An HTTP client of `base` with its own cookie jar. `call(method, path, body?)` answers
 * `{ status, body }` (JSON parsed when there is one); every Set-Cookie is kept by name (Secure,
 * Path and SameSite ignored: see the header of this file) and sent back.
 */
function client(base) {
  const jar = new Map();
  const call = async (method, path, body) => {
    const headers = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (jar.size > 0) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (expired) jar.delete(name);
      else jar.set(name, value);
    }
    const text = await res.text();
    let parsed;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = text;
    }
    return { status: res.status, body: parsed, setCookies: res.headers.getSetCookie() };
  };
  return call;
}

/** Calls and fails unless the answer has `status`; answers the body. */
async function expectStatus(call, status, method, path, body) {
  const res = await call(method, path, body);
  if (res.status !== status) throw new Error(`${method} ${path} answered ${res.status}, expected ${status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

/** The one-time token of a link `…#token=<token>` in a text. */
function tokenIn(text, where) {
  const token = text?.match(/#token=([A-Za-z0-9_-]+)/)?.[1];
  if (!token) throw new Error(`no #token= link in ${where}`);
  return token;
}

/**
 * One person of the scenario: sets the first password with `token`, logs in, and when the server
 * asks for a second factor (every role but requester) enrols TOTP with otplib — the library the
 * server checks codes with — and logs in again with password and the next step's code (the
 * enrolment used the current one; the server refuses a code twice).
 * Answers `{ call, email, password, secret }` with `call` holding a full session.
 */
async function activate(base, otplib, email, token, step) {
  const call = client(base);
  const password = newPassword();
  await expectStatus(call, 204, 'POST', '/api/v1/password-changes', { token, newPassword: password });
  const session = await call('POST', '/api/v1/sessions', { email, password });
  check(session.status === 200, `POST /api/v1/sessions for ${email} answered ${session.status}: ${JSON.stringify(session.body)}`);
  // Production settings are real: the session cookie is for https only.
  const sessionCookie = session.setCookies.find((c) => c.startsWith('dp_session='));
  check(sessionCookie && /;\s*Secure/i.test(sessionCookie), `${email}: the session cookie is not Secure: ${sessionCookie}`);
  const first = session.body;
  if (!first.user.enrolmentOnly) {
    step(`${email}: password set, logged in without a second factor (${first.user.twoFactorRequired ? 'required later' : 'not required'})`);
    return { call, email, password, secret: null };
  }
  const started = await expectStatus(call, 201, 'POST', '/api/v1/me/totp-enrolments');
  check(/^otpauth:\/\/totp\//.test(started.otpauthUri ?? ''), `${email}: enrolment without an otpauth URI`);
  const now = Math.floor(Date.now() / 1000);
  const confirmed = await expectStatus(call, 201, 'POST', '/api/v1/me/totp-confirmations', {
    code: await otplib.generate({ secret: started.secret, epoch: now }),
  });
  check(Array.isArray(confirmed.recoveryCodes) && confirmed.recoveryCodes.length > 0, `${email}: no recovery codes`);
  const full = client(base);
  const refused = await full('POST', '/api/v1/sessions', { email, password });
  check(
    refused.status === 401 && refused.body?.type === 'second-factor-required',
    `${email}: login without code after enrolment answered ${refused.status} ${JSON.stringify(refused.body)}`,
  );
  const login = await expectStatus(full, 200, 'POST', '/api/v1/sessions', {
    email,
    password,
    totp: await otplib.generate({ secret: started.secret, epoch: now + 30 }),
  });
  check(login.user.enrolmentOnly === false, `${email}: still enrolment-only after logging in with a code`);
  check((await full('GET', '/api/v1/me')).body?.twoFactorEnabled === true, `${email}: GET /me does not show the second factor as enabled`);
  step(`${email}: password set, TOTP enrolled, logged in with password and code`);
  return { call: full, email, password, secret: started.secret };
}

/**
 * The specialist profile step (issue 10, item 3): the coordinator fills the profile the invitation
 * created — expertise areas, languages, regions, capacity, a short bio and the screening (VOG) date,
 * without which a specialist is not assignable — and checks that the profile then says so.
 * `specialist` is the row of GET /api/v1/specialists.
 */
async function fillSpecialistProfile(coordinator, specialist, { today, step }) {
  const path = `/api/v1/specialists/${specialist.id}/profile`;
  const read = await coordinator('GET', path);
  check(read.status === 200, `GET ${path} answered ${read.status}: ${JSON.stringify(read.body)}`);
  // Before screening and rate the profile says why the specialist cannot be assigned yet.
  check(read.body.assignability?.assignable === false, `a new specialist's profile should not be assignable: ${JSON.stringify(read.body.assignability)}`);
  const screeningDate = today; // screened today; a date in the future is refused
  const saved = await expectStatus(coordinator, 200, 'PATCH', path, {
    expertiseAreaCodes: ['right-wing-extremism', 'online-radicalisation'],
    languages: ['nl'],
    regionCodes: ['GM'],
    capacityMinutesPerMonth: 20 * 60,
    screeningDate,
    bio: 'Duidingsspecialist met ervaring in rechts-extremisme en online radicalisering.',
  });
  check(saved.screeningDate === screeningDate, `the profile did not keep the screening date: ${JSON.stringify(saved.body)}`);
  step(`${specialist.email}: profile filled (expertise, languages, region, capacity, bio, screening ${screeningDate})`);
}

/**
 * Runs the scenario against the production server at `base` whose first admin `adminEmail` got the
 * invitation link `adminLink` from `pnpm admin create-user`, with its mail going to `mail` (from
 * `startMailCatcher`). `root` is the development checkout (for otplib); `step` logs progress.
 * Throws with what went wrong; answers the charged amount in cents.
 */
export async function runProductionScenario({ root, base, adminEmail, adminLink, mail, step }) {
  const otplib = await serverModule(root, 'otplib');
  const today = amsterdamToday();
  const year = Number(today.slice(0, 4));

  // 1. The first admin, created by the CLI.
  const admin = await activate(base, otplib, adminEmail, tokenIn(adminLink, 'the output of pnpm admin create-user'), step);
  check(admin.secret, 'the admin was not asked for a second factor in production');

  // 2. Invitations, mailed through SMTP.
  const caseTables = await expectStatus(admin.call, 200, 'GET', '/api/v1/case-tables?pageSize=100');
  const caseTable = caseTables.items[0];
  check(caseTable, 'the imported structure has no casustafel');
  const tag = randomBytes(3).toString('hex');
  const people = {
    coordinator: { roles: ['coordinator'], displayName: 'Coördinator Duidingspool' },
    finance: { roles: ['finance'], displayName: 'Financieel medewerker' },
    specialistA: { roles: ['specialist'], displayName: 'Duidingsspecialist Een' },
    specialistB: { roles: ['specialist'], displayName: 'Duidingsspecialist Twee' },
    requester: { roles: ['requester'], displayName: 'Procesregisseur Casustafel', caseTableIds: [caseTable.id] },
  };
  const emailOf = (key) => `${key.toLowerCase()}-${tag}@gemeente.example`;
  for (const [key, person] of Object.entries(people)) {
    const invited = await expectStatus(admin.call, 201, 'POST', '/api/v1/users', { email: emailOf(key), ...person });
    check(invited.hasPassword === false, `${emailOf(key)}: invited with a password`);
  }
  step(`invited ${Object.keys(people).join(', ')}; the requester as a member of ${caseTable.name}`);
  const active = {};
  for (const key of Object.keys(people)) {
    const email = emailOf(key);
    const parsed = await mail.waitFor(email);
    const token = tokenIn(`${parsed.text ?? ''}\n${parsed.html || ''}`, `the invitation mail to ${email}`);
    step(`${email}: invitation mail caught (${JSON.stringify(parsed.subject)})`);
    active[key] = await activate(base, otplib, email, token, step);
  }
  const { coordinator, finance, specialistA, requester } = active;

  // 3. Profiles and rates; this year's budget.
  const RATE_CENTS = 9_500; // EUR 95.00 an hour
  const pool = await expectStatus(coordinator.call, 200, 'GET', '/api/v1/specialists?pageSize=100');
  for (const key of ['specialistA', 'specialistB']) {
    const { email } = active[key];
    const specialist = pool.items.find((s) => s.email === email);
    check(specialist, `the invited specialist ${email} has no profile in GET /api/v1/specialists (an invitation must create it, issue 10 item 3)`);
    await fillSpecialistProfile(coordinator.call, specialist, { today, step });
    await expectStatus(coordinator.call, 201, 'POST', `/api/v1/specialists/${specialist.id}/rates`, { rateCents: RATE_CENTS, validFrom: today });
    active[key].specialistId = specialist.id;
  }
  step(`rates set: ${RATE_CENTS} cents an hour from ${today}`);
  const existing = await finance.call('GET', `/api/v1/budgets/${year}`);
  if (existing.status === 404) {
    await expectStatus(finance.call, 201, 'POST', '/api/v1/budgets', { year, allocatedCents: 12_500_000, fundingSource: `Versterkingsgelden ${year}` });
    step(`finance opened the ${year} budget`);
  } else check(existing.status === 200, `GET /api/v1/budgets/${year} answered ${existing.status}`);
  const before = await expectStatus(finance.call, 200, 'GET', `/api/v1/budgets/${year}`);

  // 4. The main job.
  const tables = await expectStatus(requester.call, 200, 'GET', '/api/v1/case-tables');
  const table = tables.items.find((t) => t.id === caseTable.id);
  check(table, "the requester's casustafel is not among the ones they may act for");
  const request = await expectStatus(requester.call, 201, 'POST', '/api/v1/interpretation-requests', {
    caseTableId: table.id,
    municipalityId: table.municipalities[0]?.id,
    caseReference: `CASUS-${tag}`,
    question: 'Hoe duiden wij de uitingen van betrokkene op sociale media?',
    context: 'Signalen van school en wijkagent.',
    expertiseAreaCodes: ['right-wing-extremism'],
    urgency: 'regular',
    deliverable: 'written-advice',
    submit: true,
  });
  check(request.status === 'submitted', `the new request is ${request.status}, not submitted`);
  step(`the requester submitted ${request.reference}`);

  const queue = await expectStatus(coordinator.call, 200, 'GET', '/api/v1/interpretation-requests?status=submitted&pageSize=100');
  check(
    queue.items.some((r) => r.id === request.id),
    'the submitted request is not in the coordinator’s queue of submitted requests',
  );
  const MINUTES = 150;
  const assignment = await expectStatus(coordinator.call, 201, 'POST', `/api/v1/interpretation-requests/${request.id}/assignments`, {
    specialistId: specialistA.specialistId,
    estimatedMinutes: 240,
  });
  step(`the coordinator triaged ${request.reference} and proposed ${specialistA.email} for 240 minutes`);
  await expectStatus(specialistA.call, 200, 'PATCH', `/api/v1/assignments/${assignment.id}`, { status: 'accepted' });
  const entry = await expectStatus(specialistA.call, 201, 'POST', `/api/v1/assignments/${assignment.id}/time-entries`, {
    workedOn: today,
    minutes: MINUTES,
    activity: 'case-file-study',
    description: 'Dossierstudie',
  });
  step(`the specialist accepted and logged ${MINUTES} minutes`);
  await expectStatus(coordinator.call, 200, 'PATCH', `/api/v1/time-entries/${entry.id}`, { status: 'approved' });
  step('the coordinator approved the hours');
  await expectStatus(specialistA.call, 201, 'POST', `/api/v1/interpretation-requests/${request.id}/advice`, {
    summary: 'Kern van de duiding',
    body: 'Duiding en advies aan de casustafel.',
  });
  step('the specialist delivered the advice');
  const closed = await expectStatus(requester.call, 200, 'PATCH', `/api/v1/interpretation-requests/${request.id}`, { status: 'closed' });
  check(closed.status === 'closed', `the request is ${closed.status} after closing`);
  step(`the requester closed ${request.reference}`);

  // 5. The charge: rate × hours, in cents (150 minutes at 9500 cents an hour: 23750, no rounding).
  const expected = (RATE_CENTS * MINUTES) / 60;
  check(Number.isInteger(expected), 'the scenario picks minutes and rate that charge whole cents');
  const ledger = await expectStatus(finance.call, 200, 'GET', `/api/v1/budgets/${year}/ledger-entries?pageSize=100`);
  const charged = ledger.items.filter((e) => e.poolReference === request.reference);
  check(
    charged.length === 1 &&
      charged[0].status === 'approved' &&
      charged[0].minutes === MINUTES &&
      charged[0].rateCents === RATE_CENTS &&
      charged[0].amountCents === expected,
    `the ledger of ${year} does not hold one approved entry of ${MINUTES} minutes at ${RATE_CENTS} = ${expected} cents for ${request.reference}: ${JSON.stringify(charged)}`,
  );
  const after = await expectStatus(finance.call, 200, 'GET', `/api/v1/budgets/${year}`);
  check(
    after.spentCents - before.spentCents === expected &&
      after.reservedCents === before.reservedCents &&
      after.pendingCents === before.pendingCents &&
      after.availableCents === before.availableCents - expected,
    `the budget of ${year} did not move by exactly ${expected} cents spent: before ${JSON.stringify(before)}, after ${JSON.stringify(after)}`,
  );
  step(`charged ${expected} cents (${RATE_CENTS} × ${MINUTES}/60) to the ${year} budget, nothing left reserved or pending`);
  return expected;
}
