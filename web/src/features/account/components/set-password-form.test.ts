import { describe, expect, it } from 'vitest';
import { tokenFromHash } from './set-password-form.tsx';

describe('tokenFromHash', () => {
  it('reads a 43-character base64url token from the fragment', () => {
    const token = `${'a'.repeat(40)}-_Z`;
    expect(tokenFromHash(`#token=${token}`)).toBe(token);
  });
  it('refuses a missing, short or odd token', () => {
    expect(tokenFromHash('')).toBeNull();
    expect(tokenFromHash('#token=abc')).toBeNull();
    expect(tokenFromHash(`#token=${'a'.repeat(42)}!`)).toBeNull();
  });
});
