/**
 * Paths the logger censors (ASVS 7.1.1, 7.1.2): session cookies and tokens, passwords and TOTP
 * codes, case text, and the SQL and bound parameters a database error carries (drizzle's
 * DrizzleQueryError holds `query` and `params`; the driver's error its `parameters` and `detail`).
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
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.token',
  '*.totp',
  '*.recoveryCode',
  '*.question',
  '*.context',
  '*.summary',
];

/** Fastify logger options of the server: level plus redaction; `stream` for tests. */
export function loggerOptions(level: string, stream?: { write(msg: string): void }) {
  return { level, redact: { paths: LOG_REDACT_PATHS, censor: '[redacted]' }, ...(stream ? { stream } : {}) };
}

/**
 * What the log keeps of an unexpected error: its class, codes (e.g. the SQLSTATE) and stack frames.
 * Never the message: a database error's message repeats the SQL and its bound values, which may
 * be case text or a password hash.
 */
export function safeError(error: unknown): { type: string; code?: string; causeType?: string; causeCode?: string; frames: string[] } {
  const e = (error ?? {}) as { name?: string; code?: unknown; cause?: { name?: string; code?: unknown }; stack?: string };
  const frames = (e.stack ?? '')
    .split('\n')
    .filter((l) => /^\s+at /.test(l))
    .slice(0, 15)
    .map((l) => l.trim());
  return {
    type: e.name ?? typeof error,
    ...(typeof e.code === 'string' ? { code: e.code } : {}),
    ...(e.cause?.name ? { causeType: e.cause.name } : {}),
    ...(typeof e.cause?.code === 'string' ? { causeCode: e.cause.code } : {}),
    frames,
  };
}
