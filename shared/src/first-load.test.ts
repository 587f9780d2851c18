import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LoginBodySchema, RecoveryCodeSchema, TotpCodeSchema } from './contracts/sessions.ts';
import { EMAIL_PATTERN, loginEmail, loginPassword, recoveryCode, totpCode } from './first-load.ts';

/** What the zod contract makes of `text`: its output, or null when it refuses it. */
const viaZod = (schema: z.ZodType, text: string) => {
  const result = schema.safeParse(text);
  return result.success ? result.data : null;
};

const long = (n: number) => 'a'.repeat(n);

describe('the login rules without zod', () => {
  it('use zod’s own e-mail pattern', () => {
    // The same pattern, whatever the escaping of a `-` inside a character class (the formatter drops it).
    const unescaped = (source: string) => source.replace(/\\-/g, '-');
    expect(unescaped(EMAIL_PATTERN.source)).toBe(unescaped(z.regexes.email.source));
    expect(EMAIL_PATTERN.flags).toBe(z.regexes.email.flags);
  });

  it('read an e-mail address as the contract does', () => {
    const samples = [
      '',
      '   ',
      'a@b.nl',
      '  Piet@Example.ORG ',
      'piet@example',
      'piet@@example.org',
      'piet.@example.org',
      "o'brien+pool@gemeente.example.nl",
      'piet@-example.org',
      'İ@example.org',
      `${long(64)}@${long(180)}.nl`,
      `${long(64)}@${long(190)}.nl`,
      ' x@y.zz\t',
    ];
    for (const s of samples) expect(loginEmail(s), s).toEqual(viaZod(LoginBodySchema.shape.email, s));
  });

  it('read a password, a TOTP code and a recovery code as the contract does', () => {
    for (const s of ['', ' ', 'x', long(1024), long(1025), ' secret ']) expect(loginPassword(s), s).toEqual(viaZod(LoginBodySchema.shape.password, s));
    for (const s of ['', '123456', '12345', '1234567', ' 123456', '123 456', '12 34 56\n', '1 2 3', '12345a', '١٢٣٤٥٦', '1'.repeat(33)])
      expect(totpCode(s), s).toEqual(viaZod(TotpCodeSchema, s));
    for (const s of ['', 'abcde-fghij', 'ABCDE-FGHIJ', ' abcde-fghij ', 'abcdefghij', 'abcde--fghij', 'abcde-fgh1j', 'a2c7e-f3h4j'])
      expect(recoveryCode(s), s).toEqual(viaZod(RecoveryCodeSchema, s));
  });
});
