import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import './zod-locale.ts';

describe('validation messages', () => {
  const schema = z.strictObject({ reason: z.string(), minutes: z.number() });
  const messages = (input: unknown) => Object.fromEntries((schema.safeParse(input).error?.issues ?? []).map((i) => [i.path.join('/'), i.message]));

  it('say a missing required field is required', () => {
    expect(messages({ minutes: 5 })).toEqual({ reason: 'is verplicht' });
  });
  it('keep zod’s Dutch message for a value of the wrong type', () => {
    expect(messages({ reason: 'x', minutes: '5' }).minutes).toMatch(/^Ongeldige invoer: verwacht getal/);
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
