// Holes a penetration-minded tester found: NUL characters reaching PostgreSQL, an admin raising
// their own rights or taking over an account, and a running month closed under everyone's feet.
import { schema } from '@duidingspool/db';
import { amsterdamDate } from '@duidingspool/shared';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_DEPTH } from '../src/plugins/api-conventions.ts';
import { budget, createRequest, expectProblem, thisYear } from './fixtures.ts';
import { type Caller, useTestApp } from './harness.ts';

const t = useTestApp();
let admin: Caller;
let coordinator: Caller;
let finance: Caller;

beforeAll(async () => {
  [admin, coordinator, finance] = await Promise.all([t.as('admin'), t.as('coordinator'), t.as('finance')]);
});

describe('NUL characters', () => {
  it('answer 400 in a query string, never 500', async () => {
    for (const url of [
      '/api/v1/audit-events?action=%00',
      '/api/v1/audit-events/export?objectType=a%00b',
      `/api/v1/budgets/${thisYear()}/ledger-entries?dimension=activity&key=%00`,
    ]) {
      expectProblem(await coordinator('GET', url), 400, 'validation-failed');
    }
  });
  it('answer 400 in a JSON body and change nothing', async () => {
    const before = await budget(finance);
    const res = await finance('PATCH', `/api/v1/budgets/${thisYear()}`, { note: 'a\u0000b' });
    expectProblem(res, 400, 'validation-failed');
    expect(await budget(finance)).toEqual(before);
  });
});

describe('deeply nested JSON (a body nests at most MAX_BODY_DEPTH levels)', () => {
  const deepArray = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
  const deepObject = (n: number, leaf = '1') => `${'{"a":'.repeat(n)}${leaf}${'}'.repeat(n)}`;
  it('answers 400 at any depth, signed in or not, and never 500', async () => {
    for (const depth of [MAX_BODY_DEPTH + 1, 5_000, 100_000]) {
      for (const body of [deepArray(depth), deepObject(depth), deepObject(depth, '{"__proto__":{"x":1}}')]) {
        expectProblem(await t.anonymous('POST', '/api/v1/sessions', body), 400, 'validation-failed');
        expectProblem(await finance('PATCH', `/api/v1/budgets/${thisYear()}`, body), 400, 'validation-failed');
      }
    }
  });
  it('names where the nesting went too deep and changes nothing', async () => {
    const before = await budget(finance);
    const res = await finance('PATCH', `/api/v1/budgets/${thisYear()}`, `{"note":${deepObject(MAX_BODY_DEPTH)}}`);
    expectProblem(res, 400, 'validation-failed');
    expect(res.body.errors[0].pointer).toBe(`/note${'/a'.repeat(MAX_BODY_DEPTH - 1)}`);
    expect(await budget(finance)).toEqual(before);
  });
  it('lets a body of ordinary depth through to its own validation', async () => {
    // Refused by the contract (an unknown key), not by the nesting bound.
    const ordinary = await finance('PATCH', `/api/v1/budgets/${thisYear()}`, deepObject(3));
    expectProblem(ordinary, 400, 'validation-failed');
    expect(JSON.stringify(ordinary.body.errors)).not.toContain('genest');
    expect((await finance('PATCH', `/api/v1/budgets/${thisYear()}`, { note: 'Gewoon' })).status).toBe(200);
  });
});

describe('numbers in a URL are whole numbers in decimal digits', () => {
  it('refuses hexadecimal, exponent, signed, padded and fractional forms with 400', async () => {
    for (const bad of ['0x10', '1e1', '+2', ' 2', '2.0', '-1', '', '02', '00']) {
      const q = encodeURIComponent(bad);
      expectProblem(await coordinator('GET', `/api/v1/interpretation-requests?page=${q}`), 400, 'validation-failed');
      expectProblem(await coordinator('GET', `/api/v1/interpretation-requests?pageSize=${q}`), 400, 'validation-failed');
    }
    expectProblem(await finance('GET', '/api/v1/budgets/0x7E3'), 400, 'validation-failed');
    // One resource, one address: a year with a leading zero is no year.
    expectProblem(await finance('GET', '/api/v1/budgets/02019'), 400, 'validation-failed');
    expectProblem(await finance('GET', '/api/v1/financial-statements/02019'), 400, 'validation-failed');
    expectProblem(await finance('GET', '/api/v1/accounting-periods?year=2.019e3'), 400, 'validation-failed');
  });
  it('reads plain digits', async () => {
    const res = await coordinator('GET', '/api/v1/interpretation-requests?page=2&pageSize=5');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ page: 2, pageSize: 5 });
    expect((await finance('GET', `/api/v1/budgets/${thisYear()}`)).status).toBe(200);
  });
});

describe('separation of duties in user management', () => {
  it('an admin cannot change their own roles or casustafels', async () => {
    const me = (await admin('GET', '/api/v1/me')).body;
    expectProblem(await admin('PATCH', `/api/v1/users/${me.id}`, { roles: ['admin', 'coordinator'] }), 403, 'forbidden');
    expect((await admin('GET', '/api/v1/me')).body.roles).toEqual(['admin']);
    // The case content stays out of reach.
    expectProblem(await admin('GET', '/api/v1/interpretation-requests'), 403, 'forbidden');
  });
  it('an account that has a password gets no new invitation link', async () => {
    const users = (await admin('GET', '/api/v1/users?pageSize=100')).body.items as { id: string; email: string }[];
    const target = users.find((u) => u.email === 'coordinator@duidingspool.example');
    expectProblem(await admin('PATCH', `/api/v1/users/${target?.id}`, { resendInvitation: true }), 409, 'invalid-transition');
  });
});

describe('accounting months', () => {
  it('the running month cannot be closed; a month that has ended can', async () => {
    const month = amsterdamDate().slice(0, 7);
    expectProblem(await finance('PATCH', `/api/v1/accounting-periods/${month}`, { status: 'closed' }), 400, 'validation-failed');
    expect((await finance('PATCH', '/api/v1/accounting-periods/2020-05', { status: 'closed' })).status).toBe(200);
  });
});

describe('a cancelled request', () => {
  it('tells the casustafel that asked, not only the specialist', async () => {
    const requester = await t.as('requester.zwolle');
    const request = await createRequest(requester);
    const res = await coordinator('PATCH', `/api/v1/interpretation-requests/${request.id}`, { status: 'cancelled', reason: 'Dubbel ingediend' });
    expect(res.status).toBe(200);
    const n = schema.notifications;
    const mails = await t.handle.db.select({ to: n.recipientEmail, event: n.event }).from(n).where(eq(n.reference, request.reference));
    expect(mails).toContainEqual({ to: 'requester.zwolle@duidingspool.example', event: 'request-cancelled' });
  });
});

describe('the mail preview page', () => {
  it('serves the mail as HTML with its own narrow policy, so its inline styles show', async () => {
    const res = await admin('GET', '/api/v1/mail-templates/advice-delivered/preview-page?language=nl');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; sandbox");
    expect(String(res.body)).toMatch(/^<!DOCTYPE html|^<html/i);
    expectProblem(await coordinator('GET', '/api/v1/mail-templates/advice-delivered/preview-page'), 403, 'forbidden');
  });
});
