import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** A random URL-safe token of 32 bytes (43 base64url characters) for links and refresh cookies. */
export const randomToken = (): string => randomBytes(32).toString('base64url');

/** sha256 hex of a token: only this is stored, so a database leak yields no usable links or sessions. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * What a secret is for: each purpose gets a key of its own derived from `ENCRYPTION_KEY`, so a value
 * sealed for one purpose cannot be opened as another. `totp`: the TOTP seed of a user; `outbox-link`:
 * the one-time token of an invitation or reset mail waiting in the outbox (decision 041).
 */
export type SecretPurpose = 'totp' | 'outbox-link';

const keyOf = (key: string, purpose: SecretPurpose) => createHash('sha256').update(`dp-${purpose}:${key}`).digest();

/**
 * Encrypts a short secret (the TOTP seed, an outbox link token) with AES-256-GCM under `key` (the
 * server's `ENCRYPTION_KEY`, docs/design.md §6). Output: `v1.<iv>.<tag>.<ciphertext>` in base64url.
 */
export function encryptSecret(plain: string, key: string, purpose: SecretPurpose = 'totp'): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(key, purpose), iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
}

/**
 * Decrypts what `encryptSecret` made, or null when it cannot: the installation's `ENCRYPTION_KEY`
 * changed since it was encrypted (a restore into a new data folder, a new key in production) or the
 * value was altered. For callers that answer the user in words instead of failing.
 */
export function readSecret(encoded: string, key: string, purpose: SecretPurpose = 'totp'): string | null {
  try {
    return decryptSecret(encoded, key, purpose);
  } catch {
    return null;
  }
}

/**
 * Decrypts what `encryptSecret` made.
 * @throws Error when the key is wrong or the value was tampered with (GCM tag mismatch)
 */
export function decryptSecret(encoded: string, key: string, purpose: SecretPurpose = 'totp'): string {
  const [version, iv, tag, data] = encoded.split('.');
  if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('unknown secret format');
  const decipher = createDecipheriv('aes-256-gcm', keyOf(key, purpose), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}
