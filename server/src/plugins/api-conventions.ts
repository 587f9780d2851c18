import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError, forbidden } from '../errors.ts';
import { REQUEST_ID_HEADER } from '../lib/request-id.ts';

/** The API version in the `API-Version` header of every response (NL API Design Rules). */
export const API_VERSION = '1.0.0';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** How deep a request body may nest objects and arrays; no contract comes near it (docs/security.md). */
export const MAX_BODY_DEPTH = 32;

/** What `checkBody` found wrong with a body: a NUL character at `pointer`, or nesting deeper than allowed. */
type BodyFault = { kind: 'nul'; pointer: string } | { kind: 'depth'; pointer: string };

/**
 * The first fault of a parsed JSON body, or null: a string (or key) holding a NUL character, or a
 * value nested deeper than `MAX_BODY_DEPTH`. Walks the body with an explicit stack, so any depth
 * (`[` × 100,000) costs time linear in the body and never overflows the call stack.
 */
function checkBody(body: unknown): BodyFault | null {
  const stack: { value: unknown; pointer: string; depth: number }[] = [{ value: body, pointer: '', depth: 0 }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { value, pointer, depth } = item;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return { kind: 'nul', pointer };
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_BODY_DEPTH) return { kind: 'depth', pointer };
    const entries = Object.entries(value);
    // Pushed in reverse, so the first fault in document order is found first.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i] as [string, unknown];
      const here = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (key.includes('\u0000')) return { kind: 'nul', pointer: here };
      stack.push({ value: child, pointer: here, depth: depth + 1 });
    }
  }
  return null;
}

/**
 * Conventions every response and request shares: the `API-Version` and `X-Request-Id` headers,
 * `Cache-Control: no-store` on the API (case content must not linger in caches), refusing
 * cross-site state changes (an `Origin` of another host, or `Sec-Fetch-Site: cross-site`) on top
 * of the SameSite=Strict cookie, refusing NUL characters and over-deep bodies (the 503 while starting or
 * closing is the availability plugin's).
 */
export default fp(async function apiConventions(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    const fault = checkBody(request.body);
    if (fault?.kind === 'nul') {
      throw new AppError('validation-failed', `Ongeldige invoer in ${fault.pointer || 'het verzoek'}: bevat een NUL-teken.`, {
        errors: [{ in: 'body', pointer: fault.pointer, message: 'bevat een NUL-teken' }],
      });
    }
    if (fault?.kind === 'depth') {
      throw new AppError('validation-failed', `Ongeldige invoer: het verzoek is dieper genest dan ${MAX_BODY_DEPTH} niveaus.`, {
        errors: [{ in: 'body', pointer: fault.pointer, message: `dieper genest dan ${MAX_BODY_DEPTH} niveaus` }],
      });
    }
  });
  app.addHook('onRequest', async (request, reply) => {
    reply.header('API-Version', API_VERSION);
    reply.header(REQUEST_ID_HEADER, request.id);
    // PostgreSQL text cannot hold NUL: refuse it in the URL before it reaches a query.
    if (/%00/i.test(request.url))
      throw new AppError('validation-failed', 'Ongeldige invoer: de URL bevat een NUL-teken.', {
        errors: [{ in: 'query', pointer: '', message: 'bevat een NUL-teken' }],
      });
    if (request.url.startsWith('/api/')) reply.header('Cache-Control', 'no-store');
    if (!UNSAFE.has(request.method)) return;
    const origin = request.headers.origin;
    if (origin !== undefined) {
      let originHost: string | undefined;
      try {
        originHost = new URL(origin).host;
      } catch {
        originHost = undefined;
      }
      if (originHost !== request.headers.host) throw forbidden('Verzoeken van een andere website worden geweigerd.');
    } else if (request.headers['sec-fetch-site'] === 'cross-site') {
      throw forbidden('Verzoeken van een andere website worden geweigerd.');
    }
  });
});
