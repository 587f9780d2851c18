// Every rule a web form enforces is enforced by the server as well (docs/design.md §2, §5): the limits
// the forms read from shared/ (rate, budget, extra minutes) and the user forms' rule that a
// requester is a member of at least one casustafel. Each bad call answers 400 on the field and
// changes nothing. (Reasons have their own file, reasons.test.ts.)
import { randomBytes } from 'node:crypto';
import { DEMO_DOMAIN } from '@duidingspool/db';
import { MAX_BUDGET_CENTS, MAX_EXTENSION_MINUTES, MAX_RATE_CENTS } from '@duidingspool/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { acceptedAssignment, expectProblem, firstCaseTable, listAll, pointers, specialist, thisYear } from './fixtures.ts';
import { type Caller, useTestApp } from './harness.ts';

const t = useTestApp();

let admin: Caller;
let coordinator: Caller;
let finance: Caller;
let requester: Caller;
let tableId: string;

beforeAll(async () => {
  [admin, coordinator, finance, requester] = await Promise.all([t.as('admin'), t.as('coordinator'), t.as('finance'), t.as('requester.ede')]);
  tableId = (await firstCaseTable(requester)).id;
});

const address = () => `regels-${randomBytes(4).toString('hex')}@${DEMO_DOMAIN}`;
const userCount = async () => (await admin('GET', '/api/v1/users?pageSize=1')).body.total as number;

describe('a requester is a member of at least one casustafel', () => {
  it('inviting a requester without a casustafel → 400 on /caseTableIds, nobody created', async () => {
    const before = await userCount();
    const res = await admin('POST', '/api/v1/users', { email: address(), displayName: 'Nieuwe aanvrager', roles: ['requester'] });
    expectProblem(res, 400, 'validation-failed');
    expect(pointers(res)).toEqual(['/caseTableIds']);
    expect(await userCount()).toBe(before);
    const ok = await admin('POST', '/api/v1/users', { email: address(), displayName: 'Nieuwe aanvrager', roles: ['requester'], caseTableIds: [tableId] });
    expect(ok.status).toBe(201);
  });

  it('making someone a requester without a casustafel, or taking a requester’s last one → 400, nothing changed', async () => {
    const controller = await admin('POST', '/api/v1/users', { email: address(), displayName: 'Controller', roles: ['finance'] });
    expectProblem(await admin('PATCH', `/api/v1/users/${controller.body.id}`, { roles: ['finance', 'requester'] }), 400, 'validation-failed');
    expect((await admin('GET', `/api/v1/users/${controller.body.id}`)).body.roles).toEqual(['finance']);

    const member = await admin('POST', '/api/v1/users', { email: address(), displayName: 'Lid', roles: ['requester'], caseTableIds: [tableId] });
    const res = await admin('PATCH', `/api/v1/users/${member.body.id}`, { caseTableIds: [] });
    expectProblem(res, 400, 'validation-failed');
    expect(pointers(res)).toEqual(['/caseTableIds']);
    expect((await admin('GET', `/api/v1/users/${member.body.id}`)).body.caseTableIds).toEqual([tableId]);
    // Taking the requester role away with the memberships is fine.
    expect((await admin('PATCH', `/api/v1/users/${member.body.id}`, { roles: ['finance'], caseTableIds: [] })).status).toBe(200);
  });
});

describe('the limits the forms read from shared/', () => {
  it(`a rate above ${MAX_RATE_CENTS} cents per hour → 400 on /rateCents, no rate added`, async () => {
    const sp = await specialist(coordinator, 1);
    const before = (await coordinator('GET', `/api/v1/specialists/${sp.id}/rates`)).body.items;
    const res = await coordinator('POST', `/api/v1/specialists/${sp.id}/rates`, { rateCents: MAX_RATE_CENTS + 1, validFrom: '2031-01-01' });
    expectProblem(res, 400, 'validation-failed');
    expect(pointers(res)).toEqual(['/rateCents']);
    expect((await coordinator('GET', `/api/v1/specialists/${sp.id}/rates`)).body.items).toEqual(before);
    expect((await coordinator('POST', `/api/v1/specialists/${sp.id}/rates`, { rateCents: MAX_RATE_CENTS, validFrom: '2031-01-01' })).status).toBe(201);
  });

  it(`a budget above ${MAX_BUDGET_CENTS} cents → 400 on /allocatedCents, nothing changed`, async () => {
    const before = (await finance('GET', `/api/v1/budgets/${thisYear()}`)).body;
    const res = await finance('PATCH', `/api/v1/budgets/${thisYear()}`, { allocatedCents: MAX_BUDGET_CENTS + 1 });
    expectProblem(res, 400, 'validation-failed');
    expect(pointers(res)).toEqual(['/allocatedCents']);
    expect((await finance('GET', `/api/v1/budgets/${thisYear()}`)).body).toEqual(before);
  });

  it(`asking more than ${MAX_EXTENSION_MINUTES} extra minutes → 400 on /extraMinutes, nothing asked`, async () => {
    const worker = await t.as('specialist1');
    const { assignment } = await acceptedAssignment(requester, coordinator, worker, 1, 60);
    const res = await worker('POST', `/api/v1/assignments/${assignment.id}/extension-requests`, { extraMinutes: MAX_EXTENSION_MINUTES + 1, reason: 'Veel' });
    expectProblem(res, 400, 'validation-failed');
    expect(pointers(res)).toEqual(['/extraMinutes']);
    expect((await listAll(worker, '/api/v1/extension-requests')).total).toBe(0);
  });
});
