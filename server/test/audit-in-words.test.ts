// The audit log in words (decision 122): every audited action is a known one with a label, objects
// carry their pool reference or name, a pool reference finds a request and everything on it, and a
// reversed date range is refused.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AUDIT_ACTIONS, AUDIT_OBJECT_TYPES } from '@duidingspool/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { acceptedAssignment, entryBody, expectProblem, today } from './fixtures.ts';
import { type Caller, useTestApp } from './harness.ts';

const t = useTestApp();
let requester: Caller;
let coordinator: Caller;
let worker: Caller;
let admin: Caller;

beforeAll(async () => {
  [requester, coordinator, worker, admin] = await Promise.all([t.as('requester.apeldoorn'), t.as('coordinator'), t.as('specialist4'), t.as('admin')]);
});

const ROOTS = ['../src', '../../db/src'].map((p) => fileURLToPath(new URL(p, import.meta.url)));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.test.ts') && !e.name.includes('templates') ? [readFileSync(path, 'utf8')] : [];
  });
}

describe('audited actions and objects', () => {
  it('are all listed in shared (and so named in both languages)', () => {
    const code = ROOTS.flatMap(sources).join('\n');
    const actions = new Set<string>();
    // `action: 'x'` and `action: cond ? 'x' : 'y'`: the literals that are values, not those compared.
    for (const [, expr] of code.matchAll(/\baction: ([^,\n}]+)/g)) {
      for (const [, name] of (expr ?? '').matchAll(/(?:^|[?:]\s*)'([a-z-]+)'/g)) if (name) actions.add(name);
    }
    for (const [, name] of code.matchAll(/\bname: '(purge-[a-z]+)'/g)) if (name) actions.add(name);
    const objects = new Set<string>();
    for (const [, expr] of code.matchAll(/\bobjectType: '([a-z-]+)'/g)) if (expr) objects.add(expr);
    expect(actions.size).toBeGreaterThan(30);
    expect([...actions].filter((a) => !(AUDIT_ACTIONS as readonly string[]).includes(a)).sort()).toEqual([]);
    expect([...objects].filter((o) => !(AUDIT_OBJECT_TYPES as readonly string[]).includes(o)).sort()).toEqual([]);
  });
});

describe('the audit log', () => {
  it('names the objects of a request by its pool reference and finds them all by it', async () => {
    const { request, assignment } = await acceptedAssignment(requester, coordinator, worker, 4, 120);
    const logged = await worker('POST', `/api/v1/assignments/${assignment.id}/time-entries`, entryBody());
    expect(logged.status).toBe(201);
    const res = await coordinator('GET', `/api/v1/audit-events?reference=${request.reference.toLowerCase()}&pageSize=100`);
    expect(res.status).toBe(200);
    const events = res.body.items as { action: string; objectType: string; objectId: string; objectLabel: string | null }[];
    expect(events.map((e) => e.objectType).sort()).toEqual(expect.arrayContaining(['interpretation-request', 'assignment', 'time-entry']));
    expect(events.every((e) => e.objectLabel === request.reference)).toBe(true);
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['create', 'assign', 'log-time']));
    expect(events.map((e) => e.objectId)).toContain(logged.body.id);
  });

  it('names a user by their name and leaves what has no name without a label', async () => {
    const res = await admin('GET', '/api/v1/audit-events?action=login&pageSize=5');
    expect(res.status).toBe(200);
    for (const e of res.body.items as { objectType: string; objectLabel: string | null }[]) {
      if (e.objectType === 'user') expect(typeof e.objectLabel).toBe('string');
      if (e.objectType === 'session') expect(e.objectLabel).toBeNull();
    }
  });

  it('refuses a date range that ends before it starts, on the list and the export, naming /toDate', async () => {
    const day = today();
    const earlier = `${Number(day.slice(0, 4)) - 1}${day.slice(4)}`;
    for (const path of ['/api/v1/audit-events', '/api/v1/audit-events/export']) {
      const res = await coordinator('GET', `${path}?fromDate=${day}&toDate=${earlier}`);
      expectProblem(res, 400, 'validation-failed');
      expect(res.body.errors).toEqual([expect.objectContaining({ in: 'query', pointer: '/toDate', code: 'before-start' })]);
    }
    expect((await coordinator('GET', `/api/v1/audit-events?fromDate=${day}&toDate=${day}`)).status).toBe(200);
  });
});
