// Test data made through the API itself, with random case references so files never collide.
import { randomBytes } from 'node:crypto';
import { amsterdamDate, REQUEST_ID_PATTERN } from '@duidingspool/shared';
import { expect } from 'vitest';
import type { Caller, CallResult } from './harness.ts';

export const today = () => amsterdamDate();
export const thisYear = () => Number(today().slice(0, 4));

/** The first casustafel the caller may act for, with its municipalities. */
export async function firstCaseTable(requester: Caller) {
  const res = await requester('GET', '/api/v1/case-tables');
  expect(res.status).toBe(200);
  return res.body.items[0] as { id: string; name: string; municipalities: { id: string; name: string }[] };
}

/** A valid request body for the caller's first casustafel. */
export async function requestBody(requester: Caller, overrides: Record<string, unknown> = {}) {
  const table = await firstCaseTable(requester);
  return {
    caseTableId: table.id,
    municipalityId: table.municipalities[0]?.id,
    caseReference: `CASUS-${randomBytes(3).toString('hex')}`,
    question: 'Hoe duiden wij de uitingen van betrokkene op sociale media?',
    context: 'Signalen van school en wijkagent.',
    expertiseAreaCodes: ['right-wing-extremism'],
    urgency: 'regular',
    deliverable: 'written-advice',
    submit: true,
    ...overrides,
  };
}

/** Creates (and by default submits) a request; returns the created request. */
export async function createRequest(requester: Caller, overrides: Record<string, unknown> = {}) {
  const res = await requester('POST', '/api/v1/interpretation-requests', await requestBody(requester, overrides));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; reference: string; status: string; caseTableId: string };
}

/** The specialist profile of `specialistN@…` as the coordinator sees it. */
export async function specialist(coordinator: Caller, n: number) {
  const res = await coordinator('GET', '/api/v1/specialists?pageSize=100');
  expect(res.status).toBe(200);
  const found = res.body.items.find((s: { email: string }) => s.email === `specialist${n}@duidingspool.example`);
  if (!found) throw new Error(`specialist${n} not found`);
  return found as { id: string; currentRateCents: number; email: string };
}

/** Budget figures of `year` as the coordinator sees them. */
export async function budget(coordinator: Caller, year = thisYear()) {
  const res = await coordinator('GET', `/api/v1/budgets/${year}`);
  expect(res.status).toBe(200);
  return res.body as {
    allocatedCents: number;
    reservedCents: number;
    pendingCents: number;
    spentCents: number;
    availableCents: number;
    unassignedCents: number;
    lines: { id: string; code: string; isDefault: boolean; allocatedCents: number; reservedCents: number; availableCents: number }[];
  };
}

/** Submits a request, assigns specialist `n` with `minutes` and lets them accept; returns ids. */
export async function acceptedAssignment(requester: Caller, coordinator: Caller, worker: Caller, n: number, minutes: number) {
  const request = await createRequest(requester);
  const sp = await specialist(coordinator, n);
  const assigned = await coordinator('POST', `/api/v1/interpretation-requests/${request.id}/assignments`, {
    specialistId: sp.id,
    estimatedMinutes: minutes,
    overrideReason: 'Vaste keuze van de test',
  });
  expect(assigned.status, JSON.stringify(assigned.body)).toBe(201);
  const accepted = await worker('PATCH', `/api/v1/assignments/${assigned.body.id}`, { status: 'accepted' });
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
  return { request, assignment: accepted.body as { id: string; reservedCents: number; rateCents: number }, specialist: sp };
}

// ---------------------------------------------------------------------------------------------
// Helpers shared by the API test files.

/**
 * Asserts an RFC 9457 problem answer with `status` and the bare `type` slug, carrying the request
 * id both as `requestId` and in the `X-Request-Id` header, the same in both (decision 053).
 */
export function expectProblem(res: CallResult, status: number, type: string) {
  expect(res.status, `${res.status} ${JSON.stringify(res.body)}`).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ type, status });
  expect(res.body.requestId, 'problem without requestId').toMatch(REQUEST_ID_PATTERN);
  expect(res.headers['x-request-id']).toBe(res.body.requestId);
  // Nothing internal leaks into an error.
  expect(JSON.stringify(res.body)).not.toMatch(/\bat .+\.(ts|js):\d+|select .* from|insert into|stack/i);
}

/** The `errors[].pointer`s of a problem answer. */
export const pointers = (res: CallResult): string[] => ((res.body?.errors ?? []) as { pointer: string }[]).map((e) => e.pointer);

/** Every item of a paginated list, walking all pages; fails on a non-200 page. */
export async function listAll(caller: Caller, url: string, pageSize = 100) {
  const items: any[] = [];
  let total = 0;
  for (let page = 1; page < 1000; page++) {
    const sep = url.includes('?') ? '&' : '?';
    const res = await caller('GET', `${url}${sep}page=${page}&pageSize=${pageSize}`);
    expect(res.status, `${url} ${JSON.stringify(res.body)}`).toBe(200);
    total = res.body.total;
    items.push(...res.body.items);
    if (res.body.items.length < pageSize) break;
  }
  expect(items.length).toBe(total);
  return { items, total };
}

/** A time entry body for today. */
export const entryBody = (overrides: Record<string, unknown> = {}) => ({
  workedOn: today(),
  minutes: 30,
  activity: 'case-file-study',
  description: 'Dossierstudie',
  ...overrides,
});

/** The smallest file `file-type` reads as a PDF: the `%PDF-` header, one empty page, the trailer. */
export const MINIMAL_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

/** A PDF like `MINIMAL_PDF` with a random comment line: a file of its own (the library keeps one file once). */
export const uniquePdf = () => Buffer.concat([Buffer.from(`%PDF-1.4\n%${randomBytes(8).toString('hex')}\n`, 'latin1'), MINIMAL_PDF.subarray(9)]);

/**
 * A `multipart/form-data` body as a browser's FormData sends it: `fields` (arrays repeat the field)
 * and, when given, one file part `file`. Returns the bytes and the content type with its boundary.
 */
export async function multipartBody(
  fields: Record<string, string | string[]>,
  file?: { name: string; bytes: Buffer; type?: string },
): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) form.append(name, v);
  if (file) form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'application/octet-stream' }), file.name);
  const encoded = new Response(form);
  return { payload: Buffer.from(await encoded.arrayBuffer()), headers: { 'content-type': encoded.headers.get('content-type') ?? '' } };
}

/** Publishes a knowledge product as `caller` (default: a PDF about polarisation for municipal officials). */
export async function publishKnowledge(caller: Caller, overrides: { fields?: Record<string, string | string[]>; file?: { name: string; bytes: Buffer } } = {}) {
  const { payload, headers } = await multipartBody(
    {
      title: 'Factsheet polarisatie',
      summary: 'Wat gemeenten kunnen doen bij polarisatie in de wijk.',
      audiences: ['municipal-officials'],
      ...overrides.fields,
    },
    overrides.file ?? { name: 'factsheet.pdf', bytes: uniquePdf() },
  );
  return caller('POST', '/api/v1/knowledge-products', payload, headers);
}
