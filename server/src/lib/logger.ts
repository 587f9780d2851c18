import { CASE_CONTENT_FIELDS } from '@duidingspool/db';

/**
 * Secrets by field name: passwords (and their hashes), one-time and refresh tokens, TOTP codes and
 * secrets, recovery codes, cookies. Never logged, at any depth.
 */
export const SECRET_LOG_FIELDS = [
  'password',
  'currentPassword',
  'newPassword',
  'passwordHash',
  'token',
  'tokenHash',
  'refreshToken',
  'totp',
  'totpCode',
  'totpSecret',
  'totpSecretEncrypted',
  'recoveryCode',
  'cookie',
  'authorization',
  'set-cookie',
] as const;

/** How deep below the log object a field name is still censored (`k`, `*.k`, `*.*.k`, `*.*.*.k`). */
const REDACT_DEPTH = 3;

/** A pino redact path for `key` at `depth` wildcard levels down (bracket notation when needed). */
function pathAt(key: string, depth: number): string {
  const last = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`;
  const prefix = '*.'.repeat(depth);
  return last.startsWith('[') ? `${prefix.replace(/\.$/, '')}${last}` : `${prefix}${last}`;
}

/**
 * Paths the logger censors (ASVS 7.1.1, 7.1.2): every case-content field name the request data
 * declaration knows (`CASE_CONTENT_FIELDS`: case reference, question, context, advice summary and
 * body, time-entry descriptions, every reason) and every secret (`SECRET_LOG_FIELDS`), each at any
 * depth up to `REDACT_DEPTH`; the session cookies and the authorization header; and the SQL and
 * bound parameters a database error carries (drizzle's DrizzleQueryError holds `query` and
 * `params`; the driver's error its `parameters` and `detail`).
 */
export const LOG_REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  'err.query',
  'err.params',
  'err.parameters',
  'err.detail',
  'err.where',
  'err.cause.query',
  'err.cause.params',
  'err.cause.parameters',
  'err.cause.detail',
  'err.cause.where',
  ...[...CASE_CONTENT_FIELDS, ...SECRET_LOG_FIELDS].flatMap((key) => Array.from({ length: REDACT_DEPTH + 1 }, (_, depth) => pathAt(key, depth))),
];

/** Fastify logger options of the server: level plus redaction; `stream` for tests. */
export function loggerOptions(level: string, stream?: { write(msg: string): void }) {
  return { level, redact: { paths: LOG_REDACT_PATHS, censor: '[redacted]' }, ...(stream ? { stream } : {}) };
}

/** An identifier-like token (error class, SQLSTATE, errno name); anything else is not logged. */
function token(value: unknown): string | undefined {
  return typeof value === 'string' && /^[A-Za-z0-9_.$-]{1,64}$/.test(value) ? value : undefined;
}

/**
 * What the log keeps of an unexpected error: its class, codes (e.g. the SQLSTATE) and stack frames.
 * Never the message: a database error's message repeats the SQL and its bound values, which may
 * be case text or a password hash; a mail server's reply may repeat addresses. Frames are read
 * only after the message, so a line of user text that looks like a frame is not taken for one;
 * a class or code that is not a plain token is left out.
 */
export function safeError(error: unknown): { type: string; code?: string; causeType?: string; causeCode?: string; frames: string[] } {
  const e = (error ?? {}) as { name?: unknown; message?: unknown; code?: unknown; cause?: { name?: unknown; code?: unknown }; stack?: unknown };
  const stack = typeof e.stack === 'string' ? e.stack : '';
  const head = typeof e.message === 'string' ? stack.indexOf(e.message) : -1;
  const afterMessage = head >= 0 && typeof e.message === 'string' ? stack.slice(head + e.message.length) : stack;
  const frames = afterMessage
    .split('\n')
    .filter((l) => /^ {4}at \S/.test(l))
    .slice(0, 15)
    .map((l) => l.trim().slice(0, 300));
  const code = token(e.code);
  const causeType = token(e.cause?.name);
  const causeCode = token(e.cause?.code);
  return {
    type: token(e.name) ?? (error instanceof Error ? 'Error' : typeof error),
    ...(code ? { code } : {}),
    ...(causeType ? { causeType } : {}),
    ...(causeCode ? { causeCode } : {}),
    frames,
  };
}
