// No free text of a request reaches a log line: a marker goes into every free-text field of a whole
// lifecycle (and into refused input, mail-server errors and a failing worker), the app's own
// logger runs at trace level into a buffer, and the marker may appear in no line.
import { DEMO_DOMAIN, DEMO_PASSWORD, schema } from '@duidingspool/db';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loggerOptions } from '../src/lib/logger.ts';
import { NotificationWorker } from '../src/modules/notifications/worker.ts';
import { runRetention } from '../src/modules/retention/retention.service.ts';
import { createRequest, entryBody, requestBody } from './fixtures.ts';
import { type Caller, makeCaller, testConfig, useTestApp } from './harness.ts';
import { markedLifecycle } from './lifecycle-fixture.ts';

const t = useTestApp();
const MARKER = 'Logmerk8c21';
const lines: string[] = [];
let app: FastifyInstance;

async function as(local: string): Promise<Caller> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { email: `${local}@${DEMO_DOMAIN}`, password: DEMO_PASSWORD } });
  expect(res.statusCode).toBe(200);
  return makeCaller(app, `dp_session=${res.cookies.find((c) => c.name === 'dp_session')?.value}`);
}

beforeAll(async () => {
  app = await buildApp({ config: testConfig, db: t.handle.db, logger: loggerOptions('trace', { write: (line: string) => lines.push(line) }) });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
});

describe('log redaction over a whole lifecycle', () => {
  it('writes the marker of every free-text field into no log line: requests, refusals, the mail worker and the retention job', async () => {
    const [requester, coordinator, sp1, sp2] = [await as('requester.arnhem'), await as('coordinator'), await as('specialist1'), await as('specialist2')];
    const { closed } = await markedLifecycle({ requester, coordinator, sp1, sp2 }, MARKER);
    expect((await requester('GET', `/api/v1/interpretation-requests/${closed}`)).body.question).toContain(MARKER);
    expect((await coordinator('GET', '/api/v1/time-entries?pageSize=100')).status).toBe(200);

    // Refused input carrying the marker: personal data, an unknown field, a field too long, broken JSON.
    expect((await requester('POST', '/api/v1/interpretation-requests', await requestBody(requester, { question: `${MARKER} mail naar a@b.nl` }))).status).toBe(
      422,
    );
    expect((await requester('POST', '/api/v1/interpretation-requests', { ...(await requestBody(requester)), note: MARKER })).status).toBe(400);
    const open = await createRequest(requester);
    expect((await coordinator('PATCH', `/api/v1/interpretation-requests/${open.id}`, { status: 'cancelled', reason: MARKER.repeat(200) })).status).toBe(400);
    expect((await requester('POST', '/api/v1/interpretation-requests', `{"question":"${MARKER}"`)).status).toBe(400);
    expect((await sp1('POST', '/api/v1/assignments/00000000-0000-4000-8000-000000000000/time-entries', entryBody({ description: MARKER }))).status).toBe(404);

    // The mail worker meets a server that answers with the marker in its reply (first 4xx, then 5xx)…
    let calls = 0;
    const failing = {
      sendMail: async () => {
        calls++;
        throw Object.assign(new Error(`Can't send mail - ${MARKER}`), {
          code: 'EENVELOPE',
          responseCode: calls === 1 ? 451 : 550,
          command: 'RCPT TO',
          response: `550 <${MARKER}@example.nl> ${MARKER}`,
          rejected: [`${MARKER}@example.nl`],
        });
      },
      close: () => {},
    };
    const worker = new NotificationWorker({ db: t.handle.db, config: testConfig, transport: failing as never, log: app.log });
    const round = await worker.deliverRound();
    expect(round.retried).toBe(1);
    expect(round.failed).toBeGreaterThan(0);
    const [failed] = await t.handle.db.select().from(schema.notifications).where(eq(schema.notifications.status, 'failed')).limit(1);
    expect(failed?.lastError).toBe('EENVELOPE SMTP 550 bij RCPT TO');

    // … and a round that fails as a whole, with the marker in the error's message.
    const broken = new NotificationWorker({
      db: t.handle.db,
      config: testConfig,
      transport: null,
      log: app.log,
      now: () => {
        throw Object.assign(new Error(`select … params: ${MARKER}`), { code: '22P02' });
      },
    });
    broken.start(60_000);
    await broken.stop();

    // The retention job logs through the same logger.
    await runRetention(t.handle.db, { retentionCaseMonths: 12, retentionLedgerYears: 7 }, app.log);

    const log = lines.join('\n');
    for (const expected of [
      'incoming request',
      'request completed',
      'mail not sent, will retry',
      'mail failed permanently',
      'notification worker tick failed',
    ]) {
      expect(log).toContain(expected);
    }
    expect(lines.length).toBeGreaterThan(50);
    expect(lines.filter((l) => l.includes(MARKER))).toEqual([]);
  });
});
