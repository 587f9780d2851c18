// Rules and constants the SPA's first page (the login page) needs, kept free of zod so that page
// does not load it (docs/decisions/070-a-light-spa.md). The contracts that state the same rules with
// zod (`LoginBodySchema`, `TotpCodeSchema`, `RecoveryCodeSchema`, `ProblemSchema`, `PutLanguageBodySchema`)
// are built from these; `first-load.test.ts` checks that both agree.

/** The languages of the UI and of the e-mails, Dutch first (the default). */
export const UI_LANGUAGES = ['nl', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/**
 * What a request id looks like: the `requestId` member of a problem and the `X-Request-Id` header.
 * An incoming `X-Request-Id` of this shape is kept; any other is replaced by a fresh UUID.
 */
export const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * A throttle's wait as people say it (decision 042): under two minutes in seconds, else in whole
 * minutes rounded up. `seconds` is the `Retry-After` of a 429 `rate-limited` (≥ 1). Used by the
 * server's Dutch `detail` and by the web's text in either language, so both say the same wait.
 */
export function retryWait(seconds: number): { unit: 'seconds' | 'minutes'; count: number } {
  const whole = Math.max(1, Math.ceil(seconds));
  return whole < 120 ? { unit: 'seconds', count: whole } : { unit: 'minutes', count: Math.ceil(whole / 60) };
}

/** The message zod writes for a missing value on the server (shared/src/zod-locale.ts); its code is `required`. */
export const REQUIRED_MESSAGE = 'is verplicht';

/** Most characters of the e-mail address of a login (after trimming), as RFC 5321 allows. */
export const LOGIN_EMAIL_MAX_LENGTH = 254;
/** Most characters of the password of a login (any password the server ever accepted fits). */
export const LOGIN_PASSWORD_MAX_LENGTH = 1024;
/** A TOTP code: six digits. */
export const TOTP_CODE_PATTERN = /^\d{6}$/;
/** A one-time recovery code as handed out, `xxxxx-xxxxx` (after trimming and lowercasing; the dash optional). */
export const RECOVERY_CODE_PATTERN = /^[a-z2-7]{5}-?[a-z2-7]{5}$/;
/** zod's e-mail pattern (the default of `z.email()`, `z.regexes.email`); the test keeps the two equal. */
export const EMAIL_PATTERN = /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

/** The e-mail address of a login as `LoginBodySchema` reads it (trimmed, lowercased, ≤ 254 characters, an address), or `null` when it refuses it. */
export function loginEmail(text: string): string | null {
  const email = text.trim().toLowerCase();
  return email.length <= LOGIN_EMAIL_MAX_LENGTH && EMAIL_PATTERN.test(email) ? email : null;
}

/** The password of a login as `LoginBodySchema` reads it (1–1024 characters, unchanged), or `null` when it refuses it. */
export function loginPassword(text: string): string | null {
  return text.length >= 1 && text.length <= LOGIN_PASSWORD_MAX_LENGTH ? text : null;
}

/** A TOTP code as `TotpCodeSchema` reads it (without spaces: `123 456`), or `null` when it refuses it. */
export function totpCode(text: string): string | null {
  if (text.length > 32) return null;
  const code = text.replace(/\s/g, '');
  return TOTP_CODE_PATTERN.test(code) ? code : null;
}

/** A recovery code as `RecoveryCodeSchema` reads it (trimmed, lowercased, without its dash), or `null` when it refuses it. */
export function recoveryCode(text: string): string | null {
  const code = text.trim().toLowerCase();
  return RECOVERY_CODE_PATTERN.test(code) ? code.replace('-', '') : null;
}
