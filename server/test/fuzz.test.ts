// Bad input, everywhere: every registered API route gets generated invalid input — arbitraries
// derived from its zod schemas (wrong types, huge strings, unicode, `__proto__` and `constructor`
// keys, unknown fields), malformed JSON and odd Content-Type headers — as an actor its roles let
// in, so the input reaches validation. No answer may be a 5xx or a success, every refusal is
// problem+json, and nothing is written to the domain tables.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { RegisteredRoute } from '../src/app.ts';
import { type Caller, useTestApp } from './harness.ts';

const t = useTestApp();

/** Runs per route; every run is one request. */
const RUNS = 25;

/** The demo account that holds each role. */
const ACCOUNT: Record<string, string> = {
  requester: 'requester.arnhem',
  coordinator: 'coordinator',
  specialist: 'specialist1',
  finance: 'finance',
  admin: 'admin',
};
const callers: Record<string, Caller> = {};

/** Tables that hold the domain; sessions (last seen) and the audit log (denied reads) may change. */
const DOMAIN_TABLES = [
  'interpretation_requests',
  'request_expertise_areas',
  'request_status_events',
  'assignments',
  'time_entries',
  'advice',
  'budgets',
  'users',
  'user_roles',
  'case_table_members',
  'account_tokens',
  'recovery_codes',
  'notifications',
  'specialists',
  'specialist_rates',
];

/** A fingerprint of every domain table's rows. */
async function fingerprint(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of DOMAIN_TABLES) {
    const rows = (await t.handle.db.execute(
      `select count(*)::text as n, coalesce(md5(string_agg(x::text, ',' order by x::text)), '') as h from ${table} x` as never,
    )) as unknown as { n: string; h: string }[] | { rows: { n: string; h: string }[] };
    const row = Array.isArray(rows) ? rows[0] : rows.rows[0];
    out[table] = `${row?.n}:${row?.h}`;
  }
  return out;
}

type JsonSchema = { type?: string | string[]; properties?: Record<string, JsonSchema>; maxLength?: number; enum?: unknown[]; anyOf?: JsonSchema[] };

const toJson = (schema: unknown): JsonSchema | undefined =>
  schema instanceof z.ZodType ? (z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema) : undefined;

const hugeString = fc.integer({ min: 5_000, max: 120_000 }).map((n) => 'ë𝔘'.repeat(Math.ceil(n / 3)));
const nastyString = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  hugeString,
  fc.constantFrom('__proto__', 'constructor', '\u0000', '‮', '💥'.repeat(3), '{"a":1}'),
);

/** A JSON value of another type than `schema` allows (so the property is always invalid). */
function wrongValue(schema: JsonSchema | undefined): fc.Arbitrary<unknown> {
  const types = [schema?.type ?? []].flat();
  const options: fc.Arbitrary<unknown>[] = [];
  if (!types.includes('string')) options.push(nastyString);
  if (!types.includes('number') && !types.includes('integer')) options.push(fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })));
  if (!types.includes('boolean')) options.push(fc.boolean());
  if (!types.includes('array')) options.push(fc.array(nastyString, { maxLength: 3 }));
  if (!types.includes('object')) options.push(fc.dictionary(fc.string({ maxLength: 8 }), nastyString, { maxKeys: 3 }));
  if (types.includes('string') && schema?.maxLength !== undefined) options.push(fc.constant('x'.repeat(schema.maxLength + 1)));
  if (types.includes('string') && schema?.enum) options.push(nastyString.filter((s) => !schema.enum?.includes(s)));
  // `{}` is valid for an untyped schema (anyOf of objects): use a huge string instead.
  return options.length > 0 ? fc.oneof(...options) : hugeString;
}

/** Raw JSON text of an object that breaks `schema`: one property of a wrong type, or a poisoned key. */
function invalidBody(schema: JsonSchema | undefined): fc.Arbitrary<string> {
  const props = Object.entries(schema?.properties ?? {});
  const raw = fc.constantFrom(
    '[]',
    'null',
    '42',
    '"tekst"',
    '{"__proto__":{"isAdmin":true}}',
    '{"constructor":{"prototype":{"isAdmin":true}}}',
    '{',
    '{"a":',
    '\u0000',
    '',
  );
  const poisoned = fc
    .constantFrom('__proto__', 'constructor')
    .chain((key) => fc.jsonValue({ maxDepth: 2 }).map((v) => `{"${key}":{"prototype":${JSON.stringify(v)},"polluted":true}}`));
  if (props.length === 0) return fc.oneof(raw, poisoned, fc.string({ maxLength: 30 }));
  const wrongProperty = fc.constantFrom(...props).chain(([name, prop]) =>
    fc
      .record({
        base: fc.dictionary(fc.constantFrom(...props.map(([n]) => n)), fc.jsonValue({ maxDepth: 2 }), { maxKeys: props.length }),
        bad: wrongValue(prop),
      })
      .map(({ base, bad }) => {
        const body: Record<string, unknown> = { ...base, [name]: bad };
        return JSON.stringify(body);
      }),
  );
  const unknownField = fc
    .string({ minLength: 1, maxLength: 12 })
    .filter((k) => !props.some(([n]) => n === k) && k !== '__proto__')
    .map((k) => JSON.stringify({ [k]: 'x' }));
  return fc.oneof(
    { weight: 4, arbitrary: wrongProperty },
    { weight: 1, arbitrary: raw },
    { weight: 1, arbitrary: poisoned },
    { weight: 1, arbitrary: unknownField },
  );
}

/** A query string with an unknown key (the query schemas are strict) and wrong values for known keys. */
function invalidQuery(schema: JsonSchema | undefined): fc.Arbitrary<string> {
  const known = Object.keys(schema?.properties ?? {});
  const unknownKey = fc.oneof(
    fc.constantFrom('__proto__', 'constructor', 'constructor[prototype][x]', 'page[]'),
    fc.string({ minLength: 1, maxLength: 10 }).filter((k) => !known.includes(k)),
  );
  const knownPairs = known.length > 0 ? fc.array(fc.tuple(fc.constantFrom(...known), nastyString), { maxLength: 3 }) : fc.constant([] as [string, string][]);
  const badKnown =
    known.length > 0
      ? fc.tuple(fc.constantFrom(...known), fc.constantFrom('abc', '-1', '0', '1e9999', 'null', '2019-02-30', '[]')).map((p) => [p])
      : fc.constant([]);
  return fc
    .tuple(
      unknownKey.map((k) => [[k, 'x']] as [string, string][]),
      badKnown as fc.Arbitrary<[string, string][]>,
      knownPairs,
    )
    .map(([forced, bad, rest]) => [...rest, ...bad, ...forced].map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'));
}

const invalidParam = fc.oneof(
  nastyString.filter((s) => s.length > 0),
  fc.constantFrom('__proto__', 'constructor', '-1', '1e99', 'null', '00000000-0000-0000-0000-00000000000g'),
);

const CONTENT_TYPES = [
  'application/json',
  'Application/JSON',
  'APPLICATION/JSON; CHARSET=UTF-8',
  ' application/json ',
  'application/json;charset=utf-16',
  'application/json ; charset = "utf-8"',
  'text/plain',
  'text/html',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/problem+json',
  '*/*',
  'application',
  ';;;',
];

/** One fuzzed request for `route`. */
function fuzzedRequest(route: RegisteredRoute) {
  const params = toJson(route.schema?.params);
  const query = toJson(route.schema?.querystring);
  const body = toJson(route.schema?.body);
  const hasInput = Boolean(params || query || body);
  const paramNames = (route.url.match(/:[a-zA-Z]+/g) ?? []).map((p) => p.slice(1));
  const parts: Record<string, fc.Arbitrary<unknown>> = {
    params: fc.tuple(...paramNames.map(() => invalidParam)),
    query: query ? fc.option(invalidQuery(query), { nil: undefined }) : fc.constant(undefined),
    body: body
      ? invalidBody(body)
      : fc.oneof(
          fc.constantFrom('{', '{"a":', '[1,', 'nul', '"'),
          fc.string({ minLength: 1, maxLength: 20 }).map((s) => `{${s}`),
        ),
    contentType: body ? fc.constantFrom(...CONTENT_TYPES) : fc.constantFrom('application/json', 'Application/Json', ' application/json; charset=utf-8'),
    // Which part is surely invalid: a route with input always gets at least one invalid part.
    focus: fc.constantFrom(...(params ? ['params'] : []), ...(query ? ['query'] : []), ...(body || !hasInput ? ['body'] : [])),
  };
  return fc.record(parts).map((r) => {
    const focus = r.focus as string;
    let url = route.url;
    (r.params as string[]).forEach((value, i) => {
      url = url.replace(`:${paramNames[i]}`, focus === 'params' ? encodeURIComponent(value) : '00000000-0000-4000-8000-000000000000');
    });
    if (focus === 'query' || (r.query && focus !== 'query' && query)) url += r.query ? `?${r.query as string}` : '';
    if (focus === 'query' && !r.query) url += `?__proto__=x`;
    const sendsBody = focus === 'body' || (body !== undefined && route.method !== 'GET');
    return { url, body: sendsBody ? (r.body as string) : undefined, contentType: r.contentType as string };
  });
}

beforeAll(async () => {
  for (const [role, account] of Object.entries(ACCOUNT)) callers[role] = await t.as(account);
  callers.anonymous = t.anonymous;
});

describe('fuzzing every route with invalid input', () => {
  it('walks the registered API routes (the list the loop below takes every route from)', () => {
    const routes = t.app.registeredRoutes.filter((r) => r.url.startsWith('/api/'));
    expect(routes.map((r) => `${r.method} ${r.url}`)).toContain('POST /api/v1/interpretation-requests');
    expect(routes.filter((r) => r.schema?.body).length).toBeGreaterThan(10);
  });

  it('answers every invalid input with a 4xx problem and writes nothing', async () => {
    const before = await fingerprint();
    const seen: Record<string, Set<number>> = {};
    const routes = t.app.registeredRoutes.filter((r) => r.url.startsWith('/api/') && r.url !== '/api/v1/openapi.json');
    for (const route of routes) {
      const roles = route.public ? ['anonymous'] : (route.roles ?? Object.keys(ACCOUNT));
      // A GET without params, query or body takes no input: a body on it is ignored (no 5xx is all).
      const takesInput = Boolean(route.schema?.params || route.schema?.querystring || route.schema?.body) || route.method !== 'GET';
      await fc.assert(
        fc.asyncProperty(fuzzedRequest(route), fc.constantFrom(...roles), async (req, role) => {
          const caller = callers[role] as Caller;
          const headers: Record<string, string> = { cookie: caller.cookie };
          if (req.body !== undefined) headers['content-type'] = req.contentType;
          const res = await t.app.inject({ method: route.method as 'GET', url: req.url, headers, ...(req.body !== undefined ? { payload: req.body } : {}) });
          const key = `${route.method} ${route.url}`;
          seen[key] = (seen[key] ?? new Set()).add(res.statusCode);
          const where = `${route.method} ${req.url.slice(0, 200)} as ${role} (${req.contentType}): ${res.statusCode} ${res.body.slice(0, 300)}`;
          expect(res.statusCode, where).toBeLessThan(500);
          if (takesInput) {
            expect(res.statusCode, where).toBeGreaterThanOrEqual(400);
            expect(String(res.headers['content-type']), where).toMatch(/^application\/problem\+json/);
            // Every problem names its request: the id in the body is the one in X-Request-Id (decision 053).
            expect(JSON.parse(res.body).requestId, where).toBe(res.headers['x-request-id']);
          }
        }),
        { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 4242), endOnFailure: true },
      );
    }
    expect(await fingerprint()).toEqual(before);
    // Not vacuous: validation answered (400), not only the role check.
    const validated = Object.entries(seen).filter(([, s]) => s.has(400)).length;
    expect(validated).toBeGreaterThan(routes.filter((r) => r.schema?.params || r.schema?.querystring || r.schema?.body).length);
    // Object.prototype is untouched by any `__proto__` payload.
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 240_000);
});
