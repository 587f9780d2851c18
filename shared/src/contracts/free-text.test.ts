// Every free-text field of every contract uses `singleLineText` or `multiLineText` (docs/design.md §6):
// each string field of each request body is either registered as free text or named below with
// the rule that already keeps it to visible characters.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import * as shared from '../index.ts';
import { freeTextFields, INVISIBLE_CHARACTERS_CODE, multiLineText, requiredSingleLineText, singleLineText } from './common.ts';

/** String fields that are not free text, and why they need no text rule. */
const NOT_FREE_TEXT: Record<string, string> = {
  email: 'an e-mail address: the zod e-mail format (ASCII letters, digits and a few signs)',
  password: 'a password: any characters on purpose (ASVS 2.1.9), never shown',
  currentPassword: 'a password: any characters on purpose (ASVS 2.1.9), never shown',
  newPassword: 'a password: any characters on purpose (ASVS 2.1.9), never shown',
  totp: 'six digits',
  recoveryCode: 'a recovery code pattern',
  code: 'six digits (a sign-in code) or a reference-data code (CodeSchema: lower-case letters, digits, dashes)',
  parentCode: 'a reference-data code (CodeSchema) that must exist in the reference data',
  token: 'base64url, 43 characters',
  activity: 'a code that must exist in the reference data',
  workedOn: 'a date pattern',
  meetingDate: 'a date pattern',
  validUntil: 'a date pattern',
  validFrom: 'a date pattern',
  screeningDate: 'a date pattern',
  startsOn: 'a date pattern',
  endsOn: 'a date pattern',
  sha256: 'sixty-four lower-case hexadecimal digits',
};

function unwrap(schema: z.ZodType): { type: string; schema: z.ZodType } {
  let s = schema as unknown as { _zod: { def: { type: string; innerType?: unknown; element?: unknown; in?: unknown } } };
  for (;;) {
    const def = s._zod.def;
    if ((def.type === 'optional' || def.type === 'nullable' || def.type === 'default') && def.innerType) s = def.innerType as typeof s;
    else if (def.type === 'pipe' && def.in) s = def.in as typeof s;
    else break;
  }
  return { type: s._zod.def.type, schema: s as unknown as z.ZodType };
}

const bodies = Object.entries(shared).filter(
  ([name, value]) => name.endsWith('BodySchema') && typeof value === 'object' && value !== null && 'shape' in value,
) as [string, z.ZodObject][];

describe('free-text fields of the contracts', () => {
  it('finds the request bodies', () => {
    expect(bodies.map(([name]) => name)).toEqual(
      expect.arrayContaining(['CreateInterpretationRequestBodySchema', 'InviteUserBodySchema', 'DeliverAdviceBodySchema']),
    );
  });

  it('every string field of every body is free text with the text rule, or named as something else', () => {
    const unruled: string[] = [];
    for (const [name, body] of bodies) {
      for (const [field, fieldSchema] of Object.entries(body.shape)) {
        const { type, schema } = unwrap(fieldSchema as z.ZodType);
        // Ids and other zod string formats (uuid, date-time) are checked by their format.
        if (type !== 'string' || (schema as unknown as { _zod: { def: { format?: string } } })._zod.def.format) continue;
        if (freeTextFields.get(schema) === undefined && !(field in NOT_FREE_TEXT)) unruled.push(`${name}.${field}`);
      }
    }
    expect(unruled).toEqual([]);
  });

  it('names, references and funding sources are on one line', () => {
    const lines = (schema: unknown) => freeTextFields.get(unwrap(schema as z.ZodType).schema)?.lines;
    expect(lines(shared.CreateInterpretationRequestBodySchema.shape.caseReference)).toBe('single');
    expect(lines(shared.InviteUserBodySchema.shape.displayName)).toBe('single');
    expect(lines(shared.PatchUserBodySchema.shape.displayName)).toBe('single');
    expect(lines(shared.CreateBudgetBodySchema.shape.fundingSource)).toBe('single');
    expect(lines(shared.CreateInterpretationRequestBodySchema.shape.question)).toBe('multi');
  });
});

describe('singleLineText and multiLineText', () => {
  const refusal = (schema: z.ZodType, value: string) => schema.safeParse(value).error?.issues.map((i) => (i as { params?: { code?: string } }).params?.code);

  it('normalise to NFC before counting', () => {
    expect(singleLineText(4).parse('Cafe\u0301')).toBe('Caf\u00e9');
    expect(multiLineText(10).parse('A\u030angstro\u0308m')).toBe('\u00c5ngstr\u00f6m');
  });

  it('refuse bidirectional controls, zero-width and other format characters, and controls', () => {
    for (const ch of [
      '\u202E',
      '\u202A',
      '\u2066',
      '\u200E',
      '\u200B',
      '\u200D',
      '\u2060',
      '\uFEFF',
      '\u00AD',
      '\u0000',
      '\u001B',
      '\u007F',
      '\u0085',
      '\u2028',
      '\u2029',
    ]) {
      expect(refusal(singleLineText(100), `a${ch}b`), JSON.stringify(ch)).toEqual([INVISIBLE_CHARACTERS_CODE]);
      expect(refusal(multiLineText(100), `a${ch}b`), JSON.stringify(ch)).toEqual([INVISIBLE_CHARACTERS_CODE]);
    }
  });

  it('keep line breaks and tabs only in text of several lines', () => {
    for (const ch of ['\n', '\r\n', '\t']) {
      expect(refusal(singleLineText(100), `a${ch}b`)).toEqual([INVISIBLE_CHARACTERS_CODE]);
      expect(multiLineText(100).parse(`a${ch}b`)).toBe(`a${ch}b`);
    }
  });

  it('accept ordinary text in any script', () => {
    for (const s of ['VB-2017-NEL', 'José Müller', 'وليد الحسن', 'Çağrı Yılmaz', 'ⴰⵎⴰⵣⵉⵖ', '😀 ok']) expect(requiredSingleLineText(100).parse(s)).toBe(s);
  });
});
