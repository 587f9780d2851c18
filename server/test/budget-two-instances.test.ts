// docs/design.md §8: several stateless instances on one Postgres. Two app instances, each with its own
// postgres.js pool, listen on ephemeral 127.0.0.1 ports; 50 parallel HTTP clients assign and log
// against the last part of the budget through both. Never overspent, no lost update (the stored
// totals equal the rows), and no answer other than the expected 201 or 409.
import { type DatabaseHandle, DEMO_DOMAIN, DEMO_PASSWORD, openDatabase } from '@duidingspool/db';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { databaseUrl } from './database-urls.ts';
import { budgetRow, ledgerMismatches, setAllocated } from './db-helpers.ts';
import { acceptedAssignment, budget, createRequest, entryBody, specialist, thisYear } from './fixtures.ts';
import { type Caller, testConfig, useTestApp } from './harness.ts';

const t = useTestApp({ maxConnections: 10 });
const year = thisYear();
const cost = (minutes: number, rate: number) => Math.floor((minutes * rate + 30) / 60);

interface Instance {
  app: FastifyInstance;
  handle: DatabaseHandle;
  base: string;
}
const instances: Instance[] = [];

beforeAll(async () => {
  for (let i = 0; i < 2; i++) {
    const handle = await openDatabase({ url: databaseUrl(t.databaseName), maxConnections: 10 });
    const app = await buildApp({ config: testConfig, db: handle.db });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    instances.push({ app, handle, base: `http://127.0.0.1:${address.port}` });
  }
});

afterAll(async () => {
  for (const i of instances) {
    await i.app.close();
    await i.handle.close();
  }
});

/** Logs in over HTTP on `instance` (sessions live in the database, so either instance serves them). */
async function login(instance: Instance, local: string): Promise<string> {
  const res = await fetch(`${instance.base}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `${local}@${DEMO_DOMAIN}`, password: DEMO_PASSWORD }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('dp_session='));
  if (!cookie) throw new Error('no cookie');
  return cookie.split(';')[0] as string;
}

async function post(instance: Instance, cookie: string, path: string, body: unknown) {
  const res = await fetch(`${instance.base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, origin: instance.base },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { type?: string; id?: string } };
}

describe('two instances, one database, 50 parallel clients', () => {
  it('assignments and entries racing for the last part of the budget: exactly what fits succeeds', async () => {
    const [coordinator, requester, worker2] = (await Promise.all([t.as('coordinator'), t.as('requester.ede'), t.as('specialist2')])) as Caller[];
    const sp = await specialist(coordinator as Caller, 2);
    const rate = sp.currentRateCents;
    // Four accepted assignments of 21 minutes: each fits exactly three 7-minute entries.
    const open: { id: string }[] = [];
    for (let i = 0; i < 4; i++) open.push((await acceptedAssignment(requester as Caller, coordinator as Caller, worker2 as Caller, 2, 21)).assignment);
    // Thirty submitted requests to assign 97 minutes each; the budget fits exactly 11 of them.
    const requests = [];
    for (let i = 0; i < 30; i++) requests.push(await createRequest(requester as Caller));
    const each = cost(97, rate);
    const row = await budgetRow(t.handle, year);
    const slack = each - 1;
    await setAllocated(t.handle, year, row.reservedCents + row.pendingCents + row.spentCents + 11 * each + slack);
    const before = await budget(coordinator as Caller);

    const cookies = await Promise.all(instances.flatMap((i) => [login(i, 'coordinator'), login(i, 'specialist2')]));
    const [coordA, workerA, coordB, workerB] = cookies as [string, string, string, string];
    const [A, B] = instances as [Instance, Instance];
    const clients = [
      ...requests.map((r, k) =>
        post(k % 2 ? B : A, k % 2 ? coordB : coordA, `/api/v1/interpretation-requests/${r.id}/assignments`, {
          specialistId: sp.id,
          estimatedMinutes: 97,
          overrideReason: 'Vaste keuze van de test',
        }),
      ),
      ...Array.from({ length: 20 }, (_, k) =>
        post(
          k % 2 ? A : B,
          k % 2 ? workerA : workerB,
          `/api/v1/assignments/${open[k % 4]?.id}/time-entries`,
          entryBody({ minutes: 7, description: `Deel ${k}` }),
        ),
      ),
    ];
    expect(clients).toHaveLength(50);
    const results = await Promise.all(clients);
    const assigns = results.slice(0, 30);
    const entries = results.slice(30);

    for (const r of results) expect([201, 409], JSON.stringify(r.body)).toContain(r.status);
    expect(assigns.filter((r) => r.status === 201)).toHaveLength(11);
    for (const r of assigns.filter((x) => x.status === 409)) expect(r.body.type).toBe('budget-exceeded');
    expect(entries.filter((r) => r.status === 201)).toHaveLength(12);
    for (const r of entries.filter((x) => x.status === 409)) expect(r.body.type).toBe('estimate-exceeded');

    const after = await budget(coordinator as Caller);
    expect(after.availableCents).toBe(slack);
    expect(after.reservedCents).toBe(before.reservedCents + 11 * each - 12 * cost(7, rate));
    expect(after.pendingCents).toBe(before.pendingCents + 12 * cost(7, rate));
    expect(await ledgerMismatches(t.handle)).toEqual([]);
  });
});
