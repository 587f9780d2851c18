import { ProblemSchema, SiteInfoSchema } from '@duidingspool/shared';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readProblemBody, WrongShape } from './plain-parse.ts';
import { readSiteInfo } from './site-info.ts';

/** The client's problem schema as it was written with zod: `readProblemBody` must read every body as it does. */
const ClientProblemSchema = ProblemSchema.extend({
  requestId: z.string().optional(),
  errors: z
    .array(
      z.object({
        in: z.enum(['body', 'query', 'path']).optional(),
        pointer: z.string(),
        message: z.string(),
        code: z.string().optional(),
        params: z.record(z.string(), z.unknown()).optional(),
      }),
    )
    .optional(),
});

const viaZod = (schema: z.ZodType, payload: unknown) => {
  const result = schema.safeParse(payload);
  return result.success ? result.data : null;
};

const base = { type: 'validation-failed', title: 'Ongeldige invoer', status: 400, detail: 'Ongeldige invoer in /question.' };

describe('readProblemBody', () => {
  it('reads a problem as the zod schema does: members checked and copied, others left out, null when one is wrong', () => {
    const payloads: unknown[] = [
      base,
      { ...base, requestId: 'r-1', instance: '/api/v1/x', extra: 'weg' },
      { ...base, errors: [{ in: 'body', pointer: '/question', message: 'is verplicht', code: 'required', params: { origin: 'string', maximum: 3 } }] },
      { ...base, errors: [{ pointer: '/question', message: 'x', other: 1 }] },
      { ...base, errors: [{ in: 'header', pointer: '/x', message: 'x' }] },
      { ...base, errors: [{ pointer: '/x', message: 'x', params: [1] }] },
      { ...base, errors: [{ pointer: '/x', message: 'x', params: null }] },
      { ...base, errors: {} },
      { ...base, availableCents: 12345, budgetLineId: 'l', remainingMinutes: 30, year: 2026, openMonths: ['2026-11'], undecidedEntries: 2, usedBy: ['a'] },
      { ...base, availableCents: 1.5 },
      { ...base, retryAfterSeconds: 30 },
      { ...base, retryAfterSeconds: 1.5 },
      { ...base, year: 2 ** 60 },
      { ...base, openMonths: [1] },
      { ...base, instance: null },
      { ...base, detail: undefined },
      { type: 'x', title: 'y', status: '400', detail: '' },
      { type: 'x', title: 'y', status: 400 },
      null,
      [],
      'Bad Gateway',
      42,
    ];
    for (const payload of payloads) expect(readProblemBody(payload), JSON.stringify(payload)).toEqual(viaZod(ClientProblemSchema, payload));
  });
});

describe('readSiteInfo', () => {
  const info = {
    contact: { name: 'Duidingspool', email: 'pool@example.org', phone: null, hours: { start: '08:30', end: '17:00' } },
    retention: { caseContentMonths: 24, ledgerYears: 7 },
  };

  it('reads the site info as SiteInfoSchema does and refuses what it refuses', () => {
    const payloads: unknown[] = [
      info,
      { ...info, extra: true, contact: { ...info.contact, phone: '030 123 45 67', more: 1 } },
      { ...info, contact: { ...info.contact, phone: undefined } },
      { ...info, contact: { ...info.contact, hours: null } },
      { ...info, retention: { caseContentMonths: 24.5, ledgerYears: 7 } },
      { contact: info.contact },
      null,
      [],
    ];
    for (const payload of payloads) {
      const expected = viaZod(SiteInfoSchema, payload);
      if (expected === null) expect(() => readSiteInfo(payload), JSON.stringify(payload)).toThrow(WrongShape);
      else expect(readSiteInfo(payload), JSON.stringify(payload)).toEqual(expected);
    }
  });
});
