// Failover to a streaming standby (decision 085, docs/operations.md "Scale-out and failover"): a
// primary and a synchronous standby of the test's own, the server on a multi-host DATABASE_URL with
// target_session_attrs=primary, and a stream of approved time entries running while the standby is
// promoted and the primary crashes. The server finds the new primary by itself, and every approval
// it acknowledged (200) is on the new primary.
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createOwnCluster, type OwnCluster } from './own-cluster.ts';
import { type ServerProcess, spawnServer } from './server-process.ts';
import { freePort } from './smtp.ts';

const clusters: OwnCluster[] = [];
let server: ServerProcess | undefined;

afterAll(async () => {
  if (server && server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
  await server?.exited;
  for (const c of clusters) await c.destroy();
}, 60_000);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A demo user's session on `server`: `call(method, path, body)` → status and JSON body. */
async function session(proc: ServerProcess, email: string) {
  const res = await proc.fetch('/api/v1/sessions', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'demo-duidingspool-2019' }),
  });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return async (method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> => {
    const r = await proc.fetch(path, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(20_000),
    });
    const text = await r.text();
    return { status: r.status, body: text ? JSON.parse(text) : undefined };
  };
}

describe('failover to a promoted standby while writes run', () => {
  it('reconnects by itself and loses no acknowledged write', async () => {
    const primary = await createOwnCluster();
    clusters.push(primary);
    await primary.start();
    await primary.createDatabase('dp');
    const standby = await createOwnCluster({ standbyOf: primary, standbyName: 'standby1' });
    clusters.push(standby);
    await standby.start();
    // From now on a commit is acknowledged only once the standby has it (synchronous_commit=on).
    await primary.psql("alter system set synchronous_standby_names = 'standby1'");
    await primary.psql('select pg_reload_conf()');
    for (let i = 0; (await primary.psql("select sync_state from pg_stat_replication where application_name = 'standby1'")) !== 'sync'; i++) {
      if (i > 100) throw new Error('the standby did not become synchronous');
      await sleep(100);
    }

    const url = `postgres://postgres@127.0.0.1:${primary.port},127.0.0.1:${standby.port}/dp?target_session_attrs=primary`;
    server = spawnServer(await freePort(), {
      DATABASE_URL: url,
      SEED_DEMO: 'true',
      JWT_SECRET: randomBytes(48).toString('base64url'),
      ENCRYPTION_KEY: randomBytes(48).toString('base64url'),
    });
    const proc = server;
    await proc.waitForStatus('/api/v1/health/ready', 200, 120_000);

    const domain = 'duidingspool.example';
    const requester = await session(proc, `requester.hengelo@${domain}`);
    const coordinator = await session(proc, `coordinator@${domain}`);
    const worker = await session(proc, `specialist1@${domain}`);
    const table = (await requester('GET', '/api/v1/case-tables')).body.items[0];
    const request = await requester('POST', '/api/v1/interpretation-requests', {
      caseTableId: table.id,
      municipalityId: table.municipalities[0].id,
      caseReference: 'FAILOVER-1',
      question: 'Hoe duiden wij deze signalen?',
      expertiseAreaCodes: ['right-wing-extremism'],
      urgency: 'regular',
      deliverable: 'written-advice',
      submit: true,
    });
    expect(request.status).toBe(201);
    const specialists = (await coordinator('GET', '/api/v1/specialists?pageSize=100')).body.items as { id: string; email: string }[];
    const sp = specialists.find((s) => s.email === `specialist1@${domain}`);
    const assignment = await coordinator('POST', `/api/v1/interpretation-requests/${request.body.id}/assignments`, {
      specialistId: sp?.id,
      estimatedMinutes: 6000,
      overrideReason: 'Vaste keuze van de test',
    });
    expect(assignment.status).toBe(201);
    expect((await worker('PATCH', `/api/v1/assignments/${assignment.body.id}`, { status: 'accepted' })).status).toBe(200);
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(new Date());

    // The write stream: book one minute and approve it, again and again; only a 200 on the approval
    // counts as acknowledged. Failures (503 while the database is away) are retried by the loop.
    const acknowledged: string[] = [];
    const failures: string[] = [];
    let running = true;
    const stream = (async () => {
      while (running) {
        try {
          const entry = await worker('POST', `/api/v1/assignments/${assignment.body.id}/time-entries`, {
            workedOn: today,
            minutes: 1,
            activity: 'case-file-study',
            description: 'Doorlopend',
          });
          if (entry.status !== 201) {
            failures.push(`book ${entry.status} ${entry.body?.type ?? ''}`);
            await sleep(50);
            continue;
          }
          const approved = await coordinator('PATCH', `/api/v1/time-entries/${entry.body.id}`, { status: 'approved' });
          if (approved.status === 200) acknowledged.push(entry.body.id);
          else failures.push(`approve ${approved.status} ${approved.body?.type ?? ''}`);
        } catch (error) {
          failures.push(String(error));
          await sleep(50);
        }
      }
    })();

    const waitFor = async (what: string, done: () => boolean, ms: number) => {
      const until = Date.now() + ms;
      while (!done()) {
        if (Date.now() > until) throw new Error(`${what} within ${ms} ms; failures: ${failures.slice(-5).join(' | ')}; stderr: ${proc.stderr().slice(-1500)}`);
        await sleep(50);
      }
    };
    await waitFor('10 approvals before the failover', () => acknowledged.length >= 10, 30_000);

    // Failover: promote the standby, then the primary dies (immediate: no goodbye to the clients).
    await standby.promote();
    await primary.stop('immediate');
    const atFailover = acknowledged.length;
    await waitFor('10 approvals on the new primary', () => acknowledged.length >= atFailover + 10, 30_000);
    running = false;
    await stream;
    await proc.waitForStatus('/api/v1/health/ready', 200, 10_000);

    // Every acknowledged approval is on the new primary (the old one is gone), approved.
    const ids = acknowledged.map((id) => `'${id}'`).join(',');
    const found = Number(await standby.psql(`select count(*) from time_entries where status = 'approved' and id in (${ids})`, 'dp'));
    expect(found).toBe(acknowledged.length);
    expect(new Set(acknowledged).size).toBe(acknowledged.length);

    proc.child.kill('SIGTERM');
    expect(await proc.exited).toBe(0);
  }, 120_000);
});
