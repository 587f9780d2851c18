// API smoke test: the happy path of the main job through the fixed API rows (log in, submit a
// request, assign a specialist, accept, book and approve hours, advise, close, and the budget's
// arithmetic). Run it against a running app seeded with the demo data, directly or through the
// TLS proxy (a self-signed proxy certificate: NODE_EXTRA_CA_CERTS=cert.pem):
//   BASE=https://duidingspool.gemeente.nl node scripts/api-smoke.mjs
// It prints one line per step and "N passed, M failed"; exit code 1 on any failure. It checks
// shapes and arithmetic only; server/test/behind-nginx.test.ts runs it through nginx.
const BASE = process.env.BASE ?? 'http://127.0.0.1:3000';
const PASSWORD = process.env.DEMO_PASSWORD ?? 'demo-duidingspool-2019';
const D = 'duidingspool.example';
let passed = 0,
  failed = 0;
const ok = (c, w, x = '') => {
  c ? passed++ : failed++;
  console.log(`${c ? 'ok  ' : 'FAIL'} ${w} ${c ? '' : x}`);
  return c;
};
async function as(email) {
  const jar = new Map();
  const call = async (method, path, body) => {
    const h = { accept: 'application/json', origin: BASE };
    if (body !== undefined) h['content-type'] = 'application/json';
    if (jar.size) h.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const r = await fetch(BASE + path, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
    for (const c of r.headers.getSetCookie?.() ?? []) {
      const kv = c.split(';')[0];
      const i = kv.indexOf('=');
      jar.set(kv.slice(0, i).trim(), kv.slice(i + 1).trim());
    }
    const t = await r.text();
    let j;
    try {
      j = JSON.parse(t);
    } catch {}
    return { status: r.status, json: j, text: t };
  };
  const l = await call('POST', '/api/v1/sessions', { email, password: PASSWORD });
  ok(l.status === 200 || l.status === 201, `log in as ${email}`, `${l.status} ${l.text.slice(0, 160)}`);
  return call;
}
const list = (r) => r.json?.items ?? [];
const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(new Date());
const year = today.slice(0, 4);
try {
  ok((await fetch(`${BASE}/api/v1/health`)).status === 200, 'GET /api/v1/health');
  const requester = await as(`requester.hengelo@${D}`);
  const coordinator = await as(`coordinator@${D}`);
  const table = list(await requester('GET', '/api/v1/case-tables'))[0];
  ok(table?.id && table?.municipalities?.length > 0, 'GET /api/v1/case-tables lists a table with municipalities');
  const created = await requester('POST', '/api/v1/interpretation-requests', {
    caseTableId: table?.id,
    municipalityId: table?.municipalities?.[0]?.id,
    caseReference: 'SMOKE-1',
    question: 'Hoe moeten wij de uitingen in deze casus duiden?',
    expertiseAreaCodes: ['right-wing-extremism'],
    urgency: 'regular',
    deliverable: 'written-advice',
    submit: true,
  });
  ok(
    created.status === 201 && created.json?.status === 'submitted',
    'POST /api/v1/interpretation-requests → 201 submitted',
    `${created.status} ${created.text.slice(0, 160)}`,
  );
  const listed = await requester('GET', '/api/v1/interpretation-requests?page=1&pageSize=10');
  ok(Array.isArray(listed.json?.items) && Number.isInteger(listed.json?.total), 'list answers {items, page, pageSize, total}');
  const specialist = list(await coordinator('GET', '/api/v1/specialists?pageSize=100'))[0];
  ok(Number.isInteger(specialist?.currentRateCents) && specialist?.email, 'GET /api/v1/specialists items carry email and currentRateCents');
  const before = (await coordinator('GET', `/api/v1/budgets/${year}`)).json;
  ok(Number.isInteger(before?.availableCents), `GET /api/v1/budgets/${year} has integer figures`);
  const assignment = await coordinator('POST', `/api/v1/interpretation-requests/${created.json?.id}/assignments`, {
    specialistId: specialist?.id,
    estimatedMinutes: 120,
  });
  ok(
    assignment.status === 201 && assignment.json?.status === 'proposed',
    'POST …/assignments → 201 proposed',
    `${assignment.status} ${assignment.text.slice(0, 160)}`,
  );
  const worker = await as(specialist?.email);
  const accepted = await worker('PATCH', `/api/v1/assignments/${assignment.json?.id}`, { status: 'accepted' });
  ok(accepted.status === 200, 'PATCH /api/v1/assignments/{id} accepted → 200', `${accepted.status}`);
  const entry = await worker('POST', `/api/v1/assignments/${assignment.json?.id}/time-entries`, {
    workedOn: today,
    minutes: 90,
    activity: 'case-file-study',
    description: 'Dossierstudie',
  });
  ok(
    entry.status === 201 && entry.json?.amountCents === Math.round((90 * specialist.currentRateCents) / 60),
    'POST …/time-entries → 201 with amountCents = minutes × rate / 60',
    `${entry.status} ${entry.text.slice(0, 160)}`,
  );
  const approved = await coordinator('PATCH', `/api/v1/time-entries/${entry.json?.id}`, { status: 'approved' });
  ok(approved.status === 200, 'PATCH /api/v1/time-entries/{id} approved → 200', `${approved.status}`);
  const advice = await worker('POST', `/api/v1/interpretation-requests/${created.json?.id}/advice`, { summary: 'Samenvatting', body: 'Duiding en advies.' });
  ok(advice.status === 201, 'POST …/advice → 201', `${advice.status}`);
  const closed = await requester('PATCH', `/api/v1/interpretation-requests/${created.json?.id}`, { status: 'closed' });
  ok(closed.status === 200, 'PATCH /api/v1/interpretation-requests/{id} closed → 200', `${closed.status}`);
  const after = (await coordinator('GET', `/api/v1/budgets/${year}`)).json;
  ok(after?.spentCents - before?.spentCents === entry.json?.amountCents, 'spentCents grows by the approved amount');
  ok(
    after?.availableCents === after?.allocatedCents - after?.reservedCents - after?.pendingCents - after?.spentCents,
    'available = allocated − reserved − pending − spent',
  );
} catch (e) {
  failed++;
  console.log(`FAIL crashed: ${e?.stack ?? e}`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
