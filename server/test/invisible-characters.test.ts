// Invisible and direction-changing characters (docs/design.md §6): every free-text field of every write
// route is NFC-normalised and refuses Unicode controls (Cc), format characters (Cf: bidirectional
// controls, zero-width characters) and the line and paragraph separators, with 400
// `validation-failed` naming the field (code `invisible-characters`). Fields on one line refuse
// line breaks and tabs too; fields of several lines keep them. The fields are not listed by hand:
// they are read from the routes' body schemas (every `singleLineText`/`multiLineText` field).
import { randomUUID } from 'node:crypto';
import { freeTextFields, INVISIBLE_CHARACTERS_CODE } from '@duidingspool/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createRequest, expectProblem, requestBody } from './fixtures.ts';
import { type Caller, useTestApp } from './harness.ts';

const t = useTestApp();

/** Demo account for each role (routes are reached by a caller holding the route's role). */
const LOGIN_FOR_ROLE: Record<string, string> = {
  requester: 'requester.ede',
  coordinator: 'coordinator',
  specialist: 'specialist1',
  finance: 'finance',
  admin: 'admin',
};

/** Characters refused in every free-text field, by what they are. */
const REFUSED_EVERYWHERE: [string, string][] = [
  ['right-to-left override U+202E', '\u202E'],
  ['pop directional formatting U+202C', '\u202C'],
  ['right-to-left isolate U+2067', '\u2067'],
  ['right-to-left mark U+200F', '\u200F'],
  ['arabic letter mark U+061C', '\u061C'],
  ['zero-width space U+200B', '\u200B'],
  ['zero-width joiner U+200D', '\u200D'],
  ['byte order mark U+FEFF', '\uFEFF'],
  ['soft hyphen U+00AD', '\u00AD'],
  ['bell U+0007', '\u0007'],
  ['escape U+001B', '\u001B'],
  ['C1 control U+0085', '\u0085'],
  ['line separator U+2028', '\u2028'],
  ['paragraph separator U+2029', '\u2029'],
  // Default-ignorable code points that are no format character (Unicode DerivedCoreProperties).
  ['hangul filler U+3164', '\u3164'],
  ['hangul choseong filler U+115F', '\u115F'],
  ['halfwidth hangul filler U+FFA0', '\uFFA0'],
  ['combining grapheme joiner U+034F', '\u034F'],
  ['khmer vowel inherent U+17B4', '\u17B4'],
  ['variation selector-16 U+FE0F', '\uFE0F'],
  // Shown as a blank: a name of only these would look empty.
  ['braille pattern blank U+2800', '\u2800'],
];
/** Refused on one line, kept in text of several lines. */
const LINE_BREAKS: [string, string][] = [
  ['line feed', '\n'],
  ['carriage return and line feed', '\r\n'],
  ['tab', '\t'],
];

interface TextField {
  route: string;
  method: string;
  url: string;
  roles: readonly string[];
  field: string;
  lines: 'single' | 'multi';
  /** What the body must carry besides the field: the discriminator that picks the field's alternative of a union. */
  with: Record<string, unknown>;
}

type ObjectSchema = { shape: Record<string, z.ZodType>; _zod: { propValues?: Record<string, Set<unknown>> } };

/**
 * The object shapes of a body schema: its own, or, for a discriminated union (`PATCH /assignments/{id}`),
 * each alternative's, with a value of the discriminator that selects it.
 */
function bodyShapes(body: unknown): { shape: Record<string, z.ZodType>; with: Record<string, unknown> }[] {
  const b = body as (Partial<ObjectSchema> & { options?: ObjectSchema[]; _zod?: { def: { discriminator?: string } } }) | undefined;
  if (b?.shape) return [{ shape: b.shape, with: {} }];
  const key = b?._zod?.def.discriminator;
  if (!key || !b?.options) return [];
  return b.options.map((option) => {
    const value = [...(option._zod.propValues?.[key] ?? [])].find((v) => v !== undefined);
    return { shape: option.shape, with: value === undefined ? {} : { [key]: value } };
  });
}

/** The schema inside `.optional()` and `.nullable()`. */
function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema as unknown as { _zod: { def: { type: string; innerType?: z.ZodType } } };
  while ((s._zod.def.type === 'optional' || s._zod.def.type === 'nullable') && s._zod.def.innerType) {
    s = s._zod.def.innerType as unknown as typeof s;
  }
  return s as unknown as z.ZodType;
}

function textFields(): TextField[] {
  const out: TextField[] = [];
  for (const route of t.app.registeredRoutes) {
    for (const { shape, with: extra } of bodyShapes(route.schema?.body)) {
      for (const [field, schema] of Object.entries(shape)) {
        const meta = freeTextFields.get(unwrap(schema));
        if (meta)
          out.push({
            route: `${route.method} ${route.url}`,
            method: route.method,
            url: route.url,
            roles: route.roles ?? [],
            field,
            lines: meta.lines,
            with: extra,
          });
      }
    }
  }
  return out;
}

/** The route's URL with path parameters filled in (a random id: the body is refused before any look-up). */
/** The kind of reference data that has `field` (a seat is a safety region's, a city a safety house's). */
const kindFor = (field: string) => (field === 'seat' ? 'safety-regions' : field === 'city' ? 'safety-houses' : 'activities');
const concrete = (url: string, field = '') =>
  url
    .replace(':id', randomUUID())
    .replace(':lineId', randomUUID())
    .replace(':month', '2019-01')
    .replace(':year', '2019')
    .replace(':kind', kindFor(field))
    .replace(':code', 'travel');

const callers: Record<string, Caller> = {};
let fields: TextField[] = [];

beforeAll(async () => {
  for (const [role, login] of Object.entries(LOGIN_FOR_ROLE)) callers[role] = await t.as(login);
  fields = textFields();
});

async function send(f: TextField, value: string) {
  const role = f.roles.find((r) => callers[r]) ?? 'requester';
  const caller = callers[role] as Caller;
  return caller(f.method as 'POST', concrete(f.url, f.field), { ...f.with, [f.field]: value });
}

/** The field errors of a 400 answer at `/field`. */
const errorsAt = (body: { errors?: { pointer: string; code?: string; in?: string }[] }, field: string) =>
  (body.errors ?? []).filter((e) => e.pointer === `/${field}`);

describe('every free-text field of every write route', () => {
  it('is found in the routes (the walk itself works)', () => {
    const names = fields.map((f) => `${f.route} ${f.field}`);
    // The fields the issue names, and one of each other kind, must be among them.
    expect(names).toEqual(
      expect.arrayContaining([
        'POST /api/v1/interpretation-requests caseReference',
        'POST /api/v1/interpretation-requests question',
        'POST /api/v1/users displayName',
        'PATCH /api/v1/users/:id displayName',
        'POST /api/v1/interpretation-requests/:id/advice body',
        'POST /api/v1/assignments/:id/time-entries description',
        'POST /api/v1/budgets fundingSource',
        // an alternative of a union body
        'PATCH /api/v1/assignments/:id reason',
      ]),
    );
    expect(fields.length).toBeGreaterThanOrEqual(20);
    expect(fields.filter((f) => f.lines === 'single').map((f) => f.field)).toEqual(expect.arrayContaining(['caseReference', 'displayName', 'fundingSource']));
  });

  it('refuses each invisible or direction-changing character with a field error naming the field', async () => {
    const failures: string[] = [];
    for (const f of fields) {
      const refused = f.lines === 'single' ? [...REFUSED_EVERYWHERE, ...LINE_BREAKS] : REFUSED_EVERYWHERE;
      for (const [what, ch] of refused) {
        const res = await send(f, `VB-${ch}7102-LEN`);
        const at = errorsAt(res.body, f.field);
        const ok = res.status === 400 && res.body?.type === 'validation-failed' && at.some((e) => e.code === INVISIBLE_CHARACTERS_CODE && e.in === 'body');
        if (!ok) failures.push(`${f.route} /${f.field} with ${what}: ${res.status} ${JSON.stringify(res.body?.errors)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('accepts plain text in each field (the refusals above are about the character)', async () => {
    const failures: string[] = [];
    for (const f of fields) {
      const res = await send(f, 'VB-7102-LEN é');
      if (errorsAt(res.body ?? {}, f.field).length > 0) failures.push(`${f.route} /${f.field}: ${JSON.stringify(res.body.errors)}`);
    }
    expect(failures).toEqual([]);
  });

  it('keeps line breaks and tabs in fields of several lines', async () => {
    const failures: string[] = [];
    for (const f of fields.filter((x) => x.lines === 'multi')) {
      for (const [what, ch] of LINE_BREAKS) {
        const res = await send(f, `eerste regel${ch}tweede regel`);
        if (errorsAt(res.body ?? {}, f.field).length > 0) failures.push(`${f.route} /${f.field} with ${what}: ${JSON.stringify(res.body.errors)}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('the reported case and NFC normalisation', () => {
  it('refuses caseReference "VB-\\u202E7102-LEN\\u202C" (shown as VB-NEL-2017) and writes nothing', async () => {
    const requester = callers.requester as Caller;
    const before = (await requester('GET', '/api/v1/interpretation-requests?pageSize=1')).body.total;
    const res = await requester('POST', '/api/v1/interpretation-requests', {
      ...(await requestBody(requester)),
      caseReference: 'VB-\u202E7102-LEN\u202C',
    });
    expectProblem(res, 400, 'validation-failed');
    expect(res.body.errors).toEqual([expect.objectContaining({ in: 'body', pointer: '/caseReference', code: INVISIBLE_CHARACTERS_CODE })]);
    expect((await requester('GET', '/api/v1/interpretation-requests?pageSize=1')).body.total).toBe(before);
  });

  it('stores text in NFC: e + combining acute becomes é', async () => {
    const requester = callers.requester as Caller;
    const created = await createRequest(requester, { caseReference: 'Cafe\u0301-7', question: 'Wat betekent re\u0301sume\u0301?', submit: false });
    const detail = await requester('GET', `/api/v1/interpretation-requests/${created.id}`);
    expect(detail.body.caseReference).toBe('Caf\u00e9-7');
    expect(detail.body.question).toBe('Wat betekent r\u00e9sum\u00e9?');
  });

  it('stores a display name in NFC and refuses one with a bidirectional control', async () => {
    const admin = callers.admin as Caller;
    const invited = await admin('POST', '/api/v1/users', {
      email: `nfc-${randomUUID().slice(0, 8)}@example.nl`,
      displayName: 'Jose\u0301 Janssen',
      roles: ['finance'],
    });
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);
    expect(invited.body.displayName).toBe('Jos\u00e9 Janssen');
    const refused = await admin('PATCH', `/api/v1/users/${invited.body.id}`, { displayName: 'Jan \u202Esnessnaj\u202C' });
    expectProblem(refused, 400, 'validation-failed');
    expect(refused.body.errors).toEqual([expect.objectContaining({ pointer: '/displayName', code: INVISIBLE_CHARACTERS_CODE })]);
  });
});
