// Issue 17, item 5 (decision 063): with a slow SMTP server and two instances, no mail goes out twice.
// Two workers, each on a database connection of its own, poll the outbox like two app instances
// while a real SMTP server takes its time over every message; a short lease keeps the test quick.
// Every Message-ID arrives exactly once; a row whose lease has passed to someone else is not sent;
// stop() lets the send in progress finish within its grace and hands every other claimed row back.
import { type DatabaseHandle, openDatabase, schema } from '@duidingspool/db';
import { eq, inArray, ne, sql } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMailTransport } from '../src/modules/notifications/transport.ts';
import { NotificationWorker, type NotificationWorkerOptions } from '../src/modules/notifications/worker.ts';
import { databaseUrl } from './database-urls.ts';
import { createRequest } from './fixtures.ts';
import { type Caller, testConfig, useTestApp } from './harness.ts';
import { type ReceivedMail, startSmtpServer, type TestSmtpServer } from './smtp.ts';

const t = useTestApp();
const n = schema.notifications;
let requester: Caller;
const handles: DatabaseHandle[] = [];
const servers: TestSmtpServer[] = [];
const workers: NotificationWorker[] = [];

/** A worker as another instance would run it: its own connection pool, its own SMTP transport. */
async function instance(port: number, options: Partial<NotificationWorkerOptions> = {}) {
  const handle = await openDatabase({ url: databaseUrl(t.databaseName), maxConnections: 2 });
  handles.push(handle);
  const config = { ...testConfig, smtpUrl: `smtp://127.0.0.1:${port}` };
  const transport = createMailTransport(config, { connectionTimeout: 2_000, greetingTimeout: 2_000, socketTimeout: 5_000 });
  const worker = new NotificationWorker({ db: handle.db, config, transport, ...options });
  workers.push(worker);
  return worker;
}

async function smtpServer(options: Parameters<typeof startSmtpServer>[1]) {
  const server = await startSmtpServer(undefined, options);
  servers.push(server);
  return server;
}

/** Marks every outbox row as sent, so a test sees only its own mails; then writes `requests` requests' mails. */
async function freshOutbox(requests: number): Promise<{ id: string; messageId: string }[]> {
  await t.handle.db.update(n).set({ status: 'sent', leaseOwner: null }).where(sql`status <> 'sent'`);
  for (let i = 0; i < requests; i++) await createRequest(requester);
  return t.handle.db.select({ id: n.id, messageId: n.messageId }).from(n).where(eq(n.status, 'pending'));
}

const messageIds = (mails: ReceivedMail[]) => mails.map((m) => m.parsed.messageId).sort();

beforeAll(async () => {
  requester = await t.as('requester.arnhem');
});

afterEach(async () => {
  for (const w of workers.splice(0)) await w.stop();
  for (const s of servers.splice(0)) {
    s.release();
    await s.close();
  }
  for (const h of handles.splice(0)) await h.close();
});

/** The outbox rows of `made`, as they are now. */
const rowsOf = (made: readonly { id: string }[]) =>
  t.handle.db
    .select()
    .from(n)
    .where(
      inArray(
        n.id,
        made.map((p) => p.id),
      ),
    );

describe('two instances and a slow SMTP server', () => {
  it('send every Message-ID exactly once, although the batch takes longer than the lease', async () => {
    const smtp = await smtpServer({ delayMs: 300 });
    const pending = await freshOutbox(24);
    expect(pending.length).toBeGreaterThanOrEqual(24);
    // A lease of 3.1 s while every mail takes ~300 ms: one instance working through all of them
    // (two SMTP connections) would need ~3.6 s, longer than the lease; each claims only what fits
    // at the 1.5 s send timeout (2 rows), with room for a slow, busy machine.
    const options = { leaseMs: 3_100, sendTimeoutMs: 1_500, batchSize: 30 };
    const [a, b] = [await instance(smtp.port, options), await instance(smtp.port, options)];
    expect(a.claimSize).toBe(2);
    a.start(50);
    b.start(50);
    await expect
      .poll(async () => (await t.handle.db.select({ id: n.id }).from(n).where(ne(n.status, 'sent'))).length, { timeout: 30_000, interval: 200 })
      .toBe(0);
    await a.stop();
    await b.stop();
    // Every mail arrived, and none twice.
    expect(messageIds(smtp.received)).toEqual(pending.map((p) => p.messageId).sort());
    const rows = await rowsOf(pending);
    expect(rows.every((r) => r.status === 'sent' && r.leaseOwner === null && r.attempts === 1)).toBe(true);
  }, 60_000);

  it('never sends a row whose lease has passed to another worker', async () => {
    let taken = false;
    // While the first mail is being delivered, another worker takes over the rest of the batch.
    const smtp = await smtpServer({
      onMessage: async () => {
        if (taken) return;
        taken = true;
        await t.handle.db.update(n).set({ leaseOwner: 'another-worker' }).where(eq(n.status, 'sending'));
      },
    });
    const pending = await freshOutbox(3);
    const worker = await instance(smtp.port, { leaseMs: 60_000, sendTimeoutMs: 5_000 });
    const round = await worker.deliverRound();
    expect(round.claimed).toBe(Math.min(pending.length, worker.claimSize));
    // The first row was renewed and sent before the takeover; every other claimed row was not.
    expect(smtp.received.length).toBe(1);
    expect(round.sent).toBe(1);
    expect(round.released).toBe(round.claimed - 1);
    const others = await t.handle.db.select().from(n).where(eq(n.leaseOwner, 'another-worker'));
    expect(others.length).toBe(round.claimed - 1);
    expect(others.every((r) => r.status === 'sending')).toBe(true);
  }, 30_000);
});

describe('stopping a worker', () => {
  it('lets the send in progress finish within the grace and hands every other claimed row back', async () => {
    const smtp = await smtpServer({});
    const pending = await freshOutbox(3);
    const worker = await instance(smtp.port, { leaseMs: 60_000, sendTimeoutMs: 5_000, stopGraceMs: 5_000 });
    smtp.hold();
    worker.start(50);
    await expect.poll(() => smtp.dataStarted, { timeout: 5_000 }).toBe(1);
    const stopping = worker.stop();
    setTimeout(() => smtp.release(), 200);
    await stopping;
    const rows = await rowsOf(pending);
    expect(rows.filter((r) => r.status === 'sent').length).toBe(1);
    const handedBack = rows.filter((r) => r.status !== 'sent');
    expect(handedBack.length).toBe(pending.length - 1);
    // Back in the queue at once, unowned, the claim's attempt not counted.
    expect(handedBack.every((r) => r.status === 'pending' && r.leaseOwner === null && r.lockedUntil === null && r.attempts === 0)).toBe(true);
    expect(smtp.received.length).toBe(1);
  }, 30_000);

  it('gives a send that does not finish at most the grace, then stops', async () => {
    const smtp = await smtpServer({});
    const pending = await freshOutbox(3);
    const worker = await instance(smtp.port, { leaseMs: 60_000, sendTimeoutMs: 30_000, stopGraceMs: 300 });
    smtp.hold();
    worker.start(50);
    await expect.poll(() => smtp.dataStarted, { timeout: 5_000 }).toBe(1);
    const began = Date.now();
    await worker.stop();
    expect(Date.now() - began).toBeLessThan(3_000);
    const rows = await rowsOf(pending);
    // The one in flight keeps its lease (it ends as usual); the others are handed back.
    expect(rows.filter((r) => r.status === 'sending' && r.leaseOwner === worker.leaseOwner).length).toBe(1);
    expect(rows.filter((r) => r.status === 'pending' && r.leaseOwner === null).length).toBe(pending.length - 1);
  }, 30_000);
});
