import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { sendProblem } from './error-handler.ts';

/**
 * Serves the built SPA from `webDist` (one process, one port — docs/design.md §8): files as they are,
 * and `index.html` for any other GET outside `/api`, so client-side routes survive a reload.
 * Unknown API paths answer problem+json `not-found`.
 */
export default fp(async function spa(app: FastifyInstance, opts: { webDist: string | undefined }) {
  if (opts.webDist) {
    await app.register(fastifyStatic, {
      root: opts.webDist,
      wildcard: false,
      index: false,
      prefix: '/',
      // Vite puts content hashes in the names under assets/: those never change.
      setHeaders: (res, path) => {
        if (/[\\/]assets[\\/]/.test(path)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      },
    });
    // Hashed assets may be cached for long; index.html never.
    app.get('/', { schema: { hide: true }, config: { public: true } }, (_req, reply) => reply.header('Cache-Control', 'no-cache').sendFile('index.html'));
  }
  app.setNotFoundHandler((request, reply) => {
    const page = request.method === 'GET' || request.method === 'HEAD';
    if (request.url.startsWith('/api/') || request.url === '/api' || !page || !opts.webDist) {
      return sendProblem(reply, 'not-found', 404, 'Deze URL bestaat niet.');
    }
    return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
  });
});
