import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { REQUEST_ID_PATTERN } from '@duidingspool/shared';

/** The header that carries a request's id, in both directions. */
export const REQUEST_ID_HEADER = 'X-Request-Id';

/**
 * The id of one request (Fastify's `genReqId`): the caller's `X-Request-Id` when it matches
 * `REQUEST_ID_PATTERN` (shared/src/problems.ts: 1–64 letters, digits, dots, underscores, hyphens;
 * one bounded character class, so the match is linear in the header), so a proxy or client that
 * already named the request keeps its name; else a fresh random UUID. Anything else (spaces,
 * quotes, CR/LF, a longer value) is never echoed into a header or a log line. The same id is in every log line of the request (`requestId`), in the
 * `X-Request-Id` response header and in every problem body (`requestId`); docs/design.md §7.
 */
export function requestIdOf(req: Pick<IncomingMessage, 'headers'>): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID_PATTERN.test(given) ? given : randomUUID();
}
