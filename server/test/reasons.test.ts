// Every rule the UI enforces on a reason is enforced by the server (docs/design.md §4, §6): each action
// that takes a reason is refused without one where the reason is required (400 validation-failed on
// /reason), and refused with a BSN in it whether required or not (422 personal-data-detected on
// /reason) — and in both cases nothing changes. The same call with a proper reason then succeeds,
// so a refusal is never the test's own mistake.
import { beforeAll, describe, expect, it } from 'vitest';
import { acceptedAssignment, budget, createRequest, entryBody, expectProblem, pointers, specialist } from './fixtures.ts';
import { type Caller, useTestApp } from './harness.ts';

const t = useTestApp();

let requester: Caller;
let coordinator: Caller;
let worker: Caller;
let finance: Caller;
let workerId: string;

beforeAll(async () => {
  [requester, coordinator, worker, finance] = await Promise.all([t.as('requester.zwolle'), t.as('coordinator'), t.as('specialist3'), t.as('finance')]);
  workerId = (await specialist(coordinator, 3)).id;
});

const BSN = 'Betrokkene met BSN 111222333 is bekend bij de school.';
const REASON = 'Toelichting zonder persoonsgegevens';

/** One call that takes a reason, on fresh objects, with what it would change. */
interface Prepared {
  caller: Caller;
  method: 'PATCH' | 'POST';
  url: string;
  /** The body without `reason`. */
  body: Record<string, unknown>;
  /** What the call would change (objects and budget), read before and after a refusal. */
  state: () => Promise<unknown>;
}

const request = (id: string) => async () => {
  const r = (await coordinator('GET', `/api/v1/interpretation-requests/${id}`)).body;
  return { status: r.status, timeline: r.timeline.length, assignments: r.assignments, budget: await budget(coordinator) };
};

async function inProgress() {
  return acceptedAssignment(requester, coordinator, worker, 3, 240);
}

async function withEntry() {
  const { request: r, assignment } = await inProgress();
  const entry = await worker('POST', `/api/v1/assignments/${assignment.id}/time-entries`, entryBody({ minutes: 30 }));
  expect(entry.status, JSON.stringify(entry.body)).toBe(201);
  const entries = async () => ({
    entries: (await coordinator('GET', `/api/v1/assignments/${assignment.id}/time-entries`)).body.items,
    ...(await request(r.id)()),
  });
  return { requestId: r.id, assignmentId: assignment.id, entryId: entry.body.id as string, state: entries };
}

/** A past month without entries, closed by finance, to reopen. */
let monthCounter = 0;
async function closedMonth() {
  monthCounter++;
  const month = `2021-${String(monthCounter).padStart(2, '0')}`;
  expect((await finance('PATCH', `/api/v1/accounting-periods/${month}`, { status: 'closed' })).status).toBe(200);
  return month;
}

/** Every action that takes a reason: `required` where the timeline or the decision shows one. */
const ACTIONS: { name: string; route: string; required: boolean; prepare: () => Promise<Prepared> }[] = [
  {
    name: 'asking the casustafel for information (PATCH request → needs-information)',
    route: 'PATCH /api/v1/interpretation-requests/:id',
    required: true,
    prepare: async () => {
      const { id } = await createRequest(requester);
      return { caller: coordinator, method: 'PATCH', url: `/api/v1/interpretation-requests/${id}`, body: { status: 'needs-information' }, state: request(id) };
    },
  },
  {
    name: 'declining a request (PATCH request → declined)',
    route: 'PATCH /api/v1/interpretation-requests/:id',
    required: true,
    prepare: async () => {
      const { id } = await createRequest(requester);
      return { caller: coordinator, method: 'PATCH', url: `/api/v1/interpretation-requests/${id}`, body: { status: 'declined' }, state: request(id) };
    },
  },
  {
    name: 'cancelling a request in progress (PATCH request → cancelled)',
    route: 'PATCH /api/v1/interpretation-requests/:id',
    required: true,
    prepare: async () => {
      const { request: r } = await inProgress();
      return { caller: coordinator, method: 'PATCH', url: `/api/v1/interpretation-requests/${r.id}`, body: { status: 'cancelled' }, state: request(r.id) };
    },
  },
  {
    name: 'reopening a request after its advice for more work (POST reopen)',
    route: 'POST /api/v1/interpretation-requests/:id/reopen',
    required: true,
    prepare: async () => {
      const { request: r } = await inProgress();
      const advice = await worker('POST', `/api/v1/interpretation-requests/${r.id}/advice`, { summary: 'Kern', body: 'Het advies.' });
      expect(advice.status, JSON.stringify(advice.body)).toBe(201);
      return { caller: requester, method: 'POST', url: `/api/v1/interpretation-requests/${r.id}/reopen`, body: {}, state: request(r.id) };
    },
  },
  {
    name: 'correcting delivered advice (POST advice/corrections)',
    route: 'POST /api/v1/interpretation-requests/:id/advice/corrections',
    required: true,
    prepare: async () => {
      const { request: r } = await inProgress();
      const advice = await worker('POST', `/api/v1/interpretation-requests/${r.id}/advice`, { summary: 'Kern', body: 'Het advies.' });
      expect(advice.status, JSON.stringify(advice.body)).toBe(201);
      const versions = async () => {
        const seen = (await coordinator('GET', `/api/v1/interpretation-requests/${r.id}`)).body;
        return { ...(await request(r.id)()), advice: seen.advice?.version ?? null, earlier: seen.earlierAdvice.length };
      };
      const body = { summary: 'Kern', body: 'Het gecorrigeerde advies.', basedOnVersion: 1 };
      return { caller: worker, method: 'POST', url: `/api/v1/interpretation-requests/${r.id}/advice/corrections`, body, state: versions };
    },
  },
  {
    name: 'withdrawing a request (PATCH request → withdrawn, reason optional)',
    route: 'PATCH /api/v1/interpretation-requests/:id',
    required: false,
    prepare: async () => {
      const { id } = await createRequest(requester);
      return { caller: requester, method: 'PATCH', url: `/api/v1/interpretation-requests/${id}`, body: { status: 'withdrawn' }, state: request(id) };
    },
  },
  {
    name: 'answering a question (PATCH request needs-information → submitted, reason optional)',
    route: 'PATCH /api/v1/interpretation-requests/:id',
    required: false,
    prepare: async () => {
      const { id } = await createRequest(requester);
      expect((await coordinator('PATCH', `/api/v1/interpretation-requests/${id}`, { status: 'needs-information', reason: REASON })).status).toBe(200);
      return { caller: requester, method: 'PATCH', url: `/api/v1/interpretation-requests/${id}`, body: { status: 'submitted' }, state: request(id) };
    },
  },
  {
    name: 'declining a proposal (PATCH assignment → declined, reason optional in the fixed contract)',
    route: 'PATCH /api/v1/assignments/:id',
    required: false,
    prepare: async () => {
      const { id } = await createRequest(requester);
      const proposed = await coordinator('POST', `/api/v1/interpretation-requests/${id}/assignments`, {
        specialistId: workerId,
        estimatedMinutes: 60,
        overrideReason: 'Vaste keuze van de test',
      });
      expect(proposed.status).toBe(201);
      return { caller: worker, method: 'PATCH', url: `/api/v1/assignments/${proposed.body.id}`, body: { status: 'declined' }, state: request(id) };
    },
  },
  {
    name: 'ending an assignment (POST assignment end)',
    route: 'POST /api/v1/assignments/:id/end',
    required: true,
    prepare: async () => {
      const { request: r, assignment } = await inProgress();
      return { caller: coordinator, method: 'POST', url: `/api/v1/assignments/${assignment.id}/end`, body: {}, state: request(r.id) };
    },
  },
  {
    name: 'rejecting hours (PATCH time entry → rejected)',
    route: 'PATCH /api/v1/time-entries/:id',
    required: true,
    prepare: async () => {
      const { entryId, state } = await withEntry();
      return { caller: coordinator, method: 'PATCH', url: `/api/v1/time-entries/${entryId}`, body: { status: 'rejected' }, state };
    },
  },
  {
    name: 'rejecting hours in bulk (POST time-entry-reviews rejected)',
    route: 'POST /api/v1/time-entry-reviews',
    required: true,
    prepare: async () => {
      const { entryId, state } = await withEntry();
      return { caller: coordinator, method: 'POST', url: '/api/v1/time-entry-reviews', body: { entryIds: [entryId], status: 'rejected' }, state };
    },
  },
  {
    name: 'correcting approved hours (POST corrections)',
    route: 'POST /api/v1/time-entries/:id/corrections',
    required: true,
    prepare: async () => {
      const { entryId, state } = await withEntry();
      expect((await coordinator('PATCH', `/api/v1/time-entries/${entryId}`, { status: 'approved' })).status).toBe(200);
      return { caller: coordinator, method: 'POST', url: `/api/v1/time-entries/${entryId}/corrections`, body: { minutes: -10 }, state };
    },
  },
  {
    name: 'asking for more hours (POST extension-requests)',
    route: 'POST /api/v1/assignments/:id/extension-requests',
    required: true,
    prepare: async () => {
      const { assignment } = await inProgress();
      const state = async () => (await worker('GET', '/api/v1/extension-requests?pageSize=100')).body.items;
      return { caller: worker, method: 'POST', url: `/api/v1/assignments/${assignment.id}/extension-requests`, body: { extraMinutes: 60 }, state };
    },
  },
  {
    name: 'refusing more hours (PATCH extension request → refused)',
    route: 'PATCH /api/v1/extension-requests/:id',
    required: true,
    prepare: async () => {
      const { assignment } = await inProgress();
      const asked = await worker('POST', `/api/v1/assignments/${assignment.id}/extension-requests`, { extraMinutes: 60, reason: REASON });
      expect(asked.status).toBe(201);
      const state = async () => ({
        extensions: (await worker('GET', '/api/v1/extension-requests?pageSize=100')).body.items,
        assignment: (await coordinator('GET', `/api/v1/assignments/${assignment.id}`)).body,
      });
      return { caller: coordinator, method: 'PATCH', url: `/api/v1/extension-requests/${asked.body.id}`, body: { status: 'refused' }, state };
    },
  },
  {
    name: 'declining an offer (PATCH offer → declined)',
    route: 'PATCH /api/v1/offers/:id',
    required: false,
    prepare: async () => {
      const table = (await requester('GET', '/api/v1/case-tables')).body.items[0];
      const made = await coordinator('POST', '/api/v1/offers', {
        type: 'consultation',
        caseTableId: table.id,
        title: 'Een specialist aan tafel',
        description: 'Een specialist denkt mee in het overleg.',
        expertiseAreaCodes: ['polarisation'],
        deliverable: 'advice-conversation',
        validUntil: `${new Date().getFullYear() + 1}-01-31`,
      });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      const state = async () => (await coordinator('GET', `/api/v1/offers/${made.body.id}`)).body;
      return { caller: requester, method: 'PATCH', url: `/api/v1/offers/${made.body.id}`, body: { status: 'declined' }, state };
    },
  },
  {
    name: 'reopening an accounting month (PATCH accounting period → open)',
    route: 'PATCH /api/v1/accounting-periods/:month',
    required: true,
    prepare: async () => {
      const month = await closedMonth();
      const state = async () => (await finance('GET', `/api/v1/accounting-periods?year=${month.slice(0, 4)}`)).body.items;
      return { caller: finance, method: 'PATCH', url: `/api/v1/accounting-periods/${month}`, body: { status: 'open' }, state };
    },
  },
];

/** The object shapes of a body schema: its own, or each alternative's when it is a union (`PATCH /assignments/{id}`). */
function shapesOf(schema: unknown): Record<string, unknown>[] {
  const s = schema as { shape?: Record<string, unknown>; options?: unknown[] } | undefined;
  if (s?.shape) return [s.shape];
  return (s?.options ?? []).flatMap(shapesOf);
}

describe('every action that takes a reason', () => {
  it('lists every route whose body takes a reason', () => {
    const withReason = t.app.registeredRoutes.filter((r) => shapesOf(r.schema?.body).some((shape) => 'reason' in shape)).map((r) => `${r.method} ${r.url}`);
    expect(withReason.length).toBeGreaterThan(0);
    expect([...new Set(ACTIONS.map((a) => a.route))].sort()).toEqual(withReason.sort());
  });

  for (const action of ACTIONS.filter((a) => a.required)) {
    it(`${action.name}: without a reason → 400 on /reason, nothing changed`, async () => {
      const p = await action.prepare();
      const before = await p.state();
      for (const body of [p.body, { ...p.body, reason: '' }, { ...p.body, reason: '   \n ' }]) {
        const res = await p.caller(p.method, p.url, body);
        expectProblem(res, 400, 'validation-failed');
        expect(pointers(res)).toContain('/reason');
      }
      expect(await p.state()).toEqual(before);
      const ok = await p.caller(p.method, p.url, { ...p.body, reason: REASON });
      expect(ok.status, JSON.stringify(ok.body)).toBeLessThan(300);
    });
  }

  for (const action of ACTIONS) {
    it(`${action.name}: a reason with a BSN → 422 on /reason, nothing changed`, async () => {
      const p = await action.prepare();
      const before = await p.state();
      const res = await p.caller(p.method, p.url, { ...p.body, reason: BSN });
      expectProblem(res, 422, 'personal-data-detected');
      expect(pointers(res)).toEqual(['/reason']);
      expect(await p.state()).toEqual(before);
      const ok = await p.caller(p.method, p.url, { ...p.body, reason: REASON });
      expect(ok.status, JSON.stringify(ok.body)).toBeLessThan(300);
    });
  }
});
