import { describe, expect, it } from 'vitest';
import { decryptSecret, encryptSecret, hashToken, randomToken } from './secrets.ts';

describe('secrets at rest', () => {
  it('encrypts with a fresh IV each time and decrypts with the same key', () => {
    const a = encryptSecret('JBSWY3DPEHPK3PXPJBSWY3DP', 'k'.repeat(40));
    const b = encryptSecret('JBSWY3DPEHPK3PXPJBSWY3DP', 'k'.repeat(40));
    expect(a).not.toBe(b);
    expect(a).not.toContain('JBSWY3DP');
    expect(decryptSecret(a, 'k'.repeat(40))).toBe('JBSWY3DPEHPK3PXPJBSWY3DP');
  });
  it('refuses another key and a tampered value (GCM tag)', () => {
    const sealed = encryptSecret('geheim', 'k'.repeat(40));
    expect(() => decryptSecret(sealed, 'x'.repeat(40))).toThrow();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('anders').toString('base64url');
    expect(() => decryptSecret(parts.join('.'), 'k'.repeat(40))).toThrow();
  });
  it('seals each purpose under a key of its own: an outbox link token does not open as a TOTP seed', () => {
    const sealed = encryptSecret('link-token', 'k'.repeat(40), 'outbox-link');
    expect(decryptSecret(sealed, 'k'.repeat(40), 'outbox-link')).toBe('link-token');
    expect(() => decryptSecret(sealed, 'k'.repeat(40), 'totp')).toThrow();
  });
  it('makes 43-character tokens and stores only their sha256', () => {
    const token = randomToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).not.toContain(token);
  });
});
