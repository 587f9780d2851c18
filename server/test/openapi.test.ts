// The API contract of docs/design.md §7: OpenAPI 3 at /api/v1/openapi.json that lints clean against the
// NL API Design Rules (Spectral ruleset in docs/adr), an API-Version header on every response and
// Cache-Control: no-store on the API.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { DEMO_DOMAIN } from '@duidingspool/db';
import { PROBLEM_TYPES } from '@duidingspool/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { requestBody, thisYear } from './fixtures.ts';
import { type Caller, type CallResult, useTestApp } from './harness.ts';

const t = useTestApp();
const run = promisify(execFile);

const SPECTRAL = fileURLToPath(new URL('../node_modules/.bin/spectral', import.meta.url));
const RULESET = fileURLToPath(new URL('../../docs/adr/adr-2.2-spectral-ruleset.yaml', import.meta.url));

let doc: any;

beforeAll(async () => {
  const res = await t.anonymous('GET', '/api/v1/openapi.json');
  expect(res.status).toBe(200);
  doc = res.body;
});

describe('the OpenAPI document', () => {
  it('is OpenAPI 3 with the fixed rows of docs/design.md §7', () => {
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(doc.info.version).toMatch(/^\d+\.\d+\.\d+$/);
    const ops = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([p, item]) =>
      Object.keys(item).map((m) => `${m.toUpperCase()} ${p}`),
    );
    const base = doc.servers?.[0]?.url === '/api/v1' ? '' : '/api/v1';
    for (const row of [
      'GET /health',
      'POST /sessions',
      'DELETE /sessions/current',
      'GET /me',
      'GET /case-tables',
      'GET /specialists',
      'POST /interpretation-requests',
      'GET /interpretation-requests',
      'GET /interpretation-requests/{id}',
      'PATCH /interpretation-requests/{id}',
      'POST /interpretation-requests/{id}/assignments',
      'PATCH /assignments/{id}',
      'POST /assignments/{id}/time-entries',
      'PATCH /time-entries/{id}',
      'POST /interpretation-requests/{id}/advice',
      'GET /budgets/{year}',
    ]) {
      const [method, path] = row.split(' ');
      expect(ops).toContain(`${method} ${base}${path}`);
    }
    // kebab-case plural nouns, no trailing slashes.
    for (const p of Object.keys(doc.paths)) {
      expect(p).not.toMatch(/\/$/);
      expect(p).toMatch(/^(\/([a-z0-9-]+|\{[a-zA-Z]+\}))+$/);
    }
  });

  it('documents problem+json error responses for every operation', () => {
    for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, any>>)) {
      for (const [method, op] of Object.entries(item)) {
        const errors = Object.entries(op.responses as Record<string, any>).filter(([code]) => /^[45]/.test(code));
        expect(errors.length, `${method} ${path}`).toBeGreaterThan(0);
        for (const [code, response] of errors) expect(Object.keys(response.content ?? {}), `${method} ${path} ${code}`).toEqual(['application/problem+json']);
      }
    }
  });

  it('documents 429 and 503 with Retry-After on every operation that verifies or hashes a password', () => {
    for (const [path, method] of [
      ['/sessions', 'post'],
      ['/me/password', 'put'],
      ['/password-changes', 'post'],
    ] as const) {
      const responses = doc.paths[path][method].responses;
      for (const code of ['429', '503']) expect(Object.keys(responses[code]?.headers ?? {}), `${method} ${path} ${code}`).toContain('Retry-After');
    }
  });

  it('documents 503 service-unavailable with Retry-After on every operation (the database away, starting, stopping: decision 060)', () => {
    for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, any>>)) {
      for (const [method, op] of Object.entries(item)) {
        const unavailable = op.responses['503'];
        expect(Object.keys(unavailable?.headers ?? {}), `${method} ${path}`).toContain('Retry-After');
        expect(unavailable.description, `${method} ${path}`).toMatch(/database/);
      }
    }
  });

  it('lists every stable problem type with its status, and names the extra ones per operation', () => {
    const described = String(doc.components.schemas.Problem.properties.type.description);
    for (const [type, status] of Object.entries(PROBLEM_TYPES)) expect(described).toContain(`\`${type}\` (${status})`);
    const base = doc.servers?.[0]?.url === '/api/v1' ? '' : '/api/v1';
    for (const [path, method] of [
      ['/time-entries/{id}', 'patch'],
      ['/time-entry-reviews', 'post'],
      ['/time-entries/{id}/corrections', 'post'],
      ['/extension-requests/{id}', 'patch'],
      ['/assignments/{id}', 'patch'],
      ['/assignments/{id}/end', 'post'],
      ['/interpretation-requests/{id}/assignments', 'post'],
      ['/interpretation-requests/{id}', 'patch'],
      ['/specialists/{id}/rates', 'post'],
    ] as const) {
      expect(doc.paths[`${base}${path}`][method].responses['403'].description, `${method} ${path}`).toContain('`separation-of-duties`');
    }
    expect(doc.paths[`${base}/interpretation-requests/{id}/assignments`].post.responses['409'].description).toContain('`specialist-inactive`');
  });

  it('lints with 0 errors against the NL API Design Rules ruleset', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dp-openapi-'));
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(doc, null, 2));
    try {
      let stdout: string;
      try {
        ({ stdout } = await run(SPECTRAL, ['lint', '-r', RULESET, file, '-f', 'json', '--quiet'], { maxBuffer: 64 * 1024 * 1024, timeout: 90_000 }));
      } catch (error) {
        // spectral exits 1 when it finds errors; its JSON report is still on stdout.
        const e = error as { stdout?: string; stderr?: string };
        if (!e.stdout) throw new Error(`spectral failed: ${e.stderr ?? String(error)}`);
        stdout = e.stdout;
      }
      const start = stdout.indexOf('[');
      expect(start, stdout).toBeGreaterThanOrEqual(0);
      const results = JSON.parse(stdout.slice(start)) as { code: string; severity: number; message: string; path: string[] }[];
      expect(Array.isArray(results)).toBe(true);
      const errors = results.filter((r) => r.severity === 0).map((r) => `${r.code} at ${r.path.join('.')}: ${r.message}`);
      expect(errors).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('response headers', () => {
  let coordinator: Caller;
  let requester: Caller;
  beforeAll(async () => {
    [coordinator, requester] = await Promise.all([t.as('coordinator'), t.as('requester.arnhem')]);
  });

  async function answers(): Promise<[string, CallResult][]> {
    const out: [string, CallResult][] = [];
    const add = async (label: string, p: Promise<CallResult>) => out.push([label, await p]);
    await add('health', t.anonymous('GET', '/api/v1/health'));
    await add('openapi', t.anonymous('GET', '/api/v1/openapi.json'));
    await add('login failed', t.anonymous('POST', '/api/v1/sessions', { email: `nobody@${DEMO_DOMAIN}`, password: 'x' }));
    await add('anonymous 401', t.anonymous('GET', '/api/v1/me'));
    await add('unknown api path', coordinator('GET', '/api/v1/nothing-here'));
    await add('me', coordinator('GET', '/api/v1/me'));
    await add('list', coordinator('GET', '/api/v1/interpretation-requests'));
    await add('budget', coordinator('GET', `/api/v1/budgets/${thisYear()}`));
    await add('forbidden', requester('GET', `/api/v1/budgets/${thisYear()}`));
    await add('not found', coordinator('GET', `/api/v1/interpretation-requests/${randomUUID()}`));
    await add('validation', coordinator('GET', '/api/v1/interpretation-requests?page=0'));
    await add('malformed json', requester('POST', '/api/v1/interpretation-requests', '{'));
    await add('unsupported media type', requester('POST', '/api/v1/interpretation-requests', '<x/>', { 'content-type': 'application/xml' }));
    await add('personal data', requester('POST', '/api/v1/interpretation-requests', await requestBody(requester, { question: 'BSN 111222333' })));
    await add('created', requester('POST', '/api/v1/interpretation-requests', await requestBody(requester)));
    await add('case content', requester('GET', `/api/v1/interpretation-requests/${out.at(-1)?.[1].body.id}`));
    const leaving = await t.as('requester.arnhem');
    await add('logout 204', leaving('DELETE', '/api/v1/sessions/current'));
    return out;
  }

  it('every response carries API-Version (the document version) and API responses Cache-Control: no-store', async () => {
    const all = await answers();
    expect(all.map(([label, r]) => [label, r.status])).toEqual([
      ['health', 200],
      ['openapi', 200],
      ['login failed', 401],
      ['anonymous 401', 401],
      ['unknown api path', 404],
      ['me', 200],
      ['list', 200],
      ['budget', 200],
      ['forbidden', 403],
      ['not found', 404],
      ['validation', 400],
      ['malformed json', 400],
      ['unsupported media type', 415],
      ['personal data', 422],
      ['created', 201],
      ['case content', 200],
      ['logout 204', 204],
    ]);
    for (const [label, r] of all) {
      expect(r.headers['api-version'], label).toBe(doc.info.version);
      expect(r.headers['cache-control'], label).toBe('no-store');
    }
  });

  it('carries API-Version outside the API as well', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/' });
    expect(res.headers['api-version']).toBe(doc.info.version);
  });
});
