import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { forbidden } from '../errors.ts';

/** The API version in the `API-Version` header of every response (NL API Design Rules). */
export const API_VERSION = '1.0.0';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Conventions every response and request shares: the `API-Version` header, `Cache-Control:
 * no-store` on the API (case content must not linger in caches), and refusing cross-site state
 * changes (an `Origin` of another host, or `Sec-Fetch-Site: cross-site`) on top of the
 * SameSite=Strict cookie.
 */
export default fp(async function apiConventions(app: FastifyInstance) {
  app.addHook('onRequest', async (request, reply) => {
    reply.header('API-Version', API_VERSION);
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
