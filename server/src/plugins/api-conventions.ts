import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError, forbidden } from '../errors.ts';

/** The API version in the `API-Version` header of every response (NL API Design Rules). */
export const API_VERSION = '1.0.0';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Conventions every response and request shares: the `API-Version` header, `Cache-Control:
 * no-store` on the API (case content must not linger in caches), and refusing cross-site state
 * changes (an `Origin` of another host, or `Sec-Fetch-Site: cross-site`) on top of the
 * SameSite=Strict cookie.
 */
/** JSON pointer of the first string (or key) in `value` holding a NUL character, or null. */
function nulPointer(value: unknown, pointer = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? pointer : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, child] of Object.entries(value)) {
    const here = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (key.includes('\u0000')) return here;
    const found = nulPointer(child, here);
    if (found !== null) return found;
  }
  return null;
}

export default fp(async function apiConventions(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    const pointer = nulPointer(request.body);
    if (pointer !== null) {
      throw new AppError('validation-failed', `Ongeldige invoer in ${pointer || 'het verzoek'}: bevat een NUL-teken.`, {
        errors: [{ in: 'body', pointer, message: 'bevat een NUL-teken' }],
      });
    }
  });
  app.addHook('onRequest', async (request, reply) => {
    reply.header('API-Version', API_VERSION);
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
