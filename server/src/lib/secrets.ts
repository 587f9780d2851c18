import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** A random URL-safe token of 32 bytes (43 base64url characters) for links and refresh cookies. */
export const randomToken = (): string => randomBytes(32).toString('base64url');

/** sha256 hex of a token: only this is stored, so a database leak yields no usable links or sessions. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

const keyOf = (key: string) => createHash('sha256').update(`dp-totp:${key}`).digest();

/**
 * Encrypts a short secret (the TOTP seed) with AES-256-GCM under `key` (the server's
 * `ENCRYPTION_KEY`, DESIGN.md §6). Output: `v1.<iv>.<tag>.<ciphertext>` in base64url.
 */
export function encryptSecret(plain: string, key: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(key), iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
}

/**
 * Decrypts what `encryptSecret` made.
 * @throws Error when the key is wrong or the value was tampered with (GCM tag mismatch)
 */
export function decryptSecret(encoded: string, key: string): string {
  const [version, iv, tag, data] = encoded.split('.');
  if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('unknown secret format');
  const decipher = createDecipheriv('aes-256-gcm', keyOf(key), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}
