import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import './zod-locale.ts';

describe('validation messages', () => {
  const schema = z.strictObject({ reason: z.string(), minutes: z.number() });
  const messages = (input: unknown) => Object.fromEntries((schema.safeParse(input).error?.issues ?? []).map((i) => [i.path.join('/'), i.message]));

  it('say a missing required field is required', () => {
    expect(messages({ minutes: 5 })).toEqual({ reason: 'is verplicht' });
  });
  it('name the kind of value expected in Dutch', () => {
    expect(messages({ reason: 5, minutes: '5' })).toEqual({ reason: 'verwacht tekst', minutes: 'verwacht getal' });
  });

  it('say bounds and unknown fields in Dutch, with no English word of zod’s own', () => {
    const first = (schema: z.ZodType, input: unknown) => schema.safeParse(input).error?.issues[0]?.message;
    const cases: [z.ZodType, unknown, string][] = [
      [z.number().min(5), 2, 'te klein: minstens 5'],
      [z.number().max(100), 101, 'te groot: hoogstens 100'],
      [z.number().gt(0), 0, 'te klein: meer dan 0'],
      [z.string().max(3), 'abcd', 'te lang: hoogstens 3 tekens'],
      [z.string().min(2), 'a', 'te kort: minstens 2 tekens'],
      [z.string().min(1), '', 'te kort: minstens 1 teken'],
      [z.array(z.string()).min(1), [], 'te weinig: minstens 1'],
      [z.array(z.string()).max(1), ['a', 'b'], 'te veel: hoogstens 1'],
      [z.boolean(), 'ja', 'verwacht ja of nee'],
      [z.array(z.string()), 'x', 'verwacht lijst'],
      [z.strictObject({}), { extra: 1 }, 'onbekend veld: extra'],
    ];
    for (const [schema, input, message] of cases) expect(first(schema, input)).toBe(message);
    for (const [schema, input] of cases) expect(first(schema, input)).not.toMatch(/\b(number|string|array|boolean|key)\b/);
  });
});

describe('validation messages in English', () => {
  it('follow the UI language and come back to Dutch', async () => {
    const { applyValidationMessages } = await import('./zod-locale.ts');
    const schema = z.strictObject({ reason: z.string().max(3) });
    applyValidationMessages('en');
    try {
      expect(schema.safeParse({}).error?.issues[0]?.message).toBe('is required');
      expect(schema.safeParse({ reason: 'abcd' }).error?.issues[0]?.message).toMatch(/^Too big/);
    } finally {
      applyValidationMessages('nl');
    }
    expect(schema.safeParse({}).error?.issues[0]?.message).toBe('is verplicht');
  });
});
