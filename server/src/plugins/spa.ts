import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { sendProblem } from './error-handler.ts';

/** `Cache-Control` of the files under `assets/`: Vite puts a content hash in each name, so they never change. */
export const ASSET_CACHE_CONTROL = 'public, max-age=31536000, immutable';
/** `Cache-Control` of everything else (`index.html` above all): revalidated on every visit, so a release is seen at once. */
export const PAGE_CACHE_CONTROL = 'no-cache';

const ASSET_PATH = /[\\/]assets[\\/]/;

/**
 * Serves the built SPA from `webDist` (one process, one port — docs/design.md §8): files as they are,
 * and `index.html` for any other GET outside `/api` and `/assets`, so client-side routes survive a
 * reload. Unknown API paths and unknown assets answer problem+json `not-found`.
 *
 * Compression is done once, at build time (a `.br` and a `.gz` copy next to each file): a client that
 * accepts brotli or gzip gets that copy with `Content-Encoding`, others the plain file; every
 * answer carries `Vary: Accept-Encoding`. Hashed assets are cached for a year (`immutable`), pages
 * with `no-cache` (docs/decisions/070-a-light-spa.md).
 */
export default fp(async function spa(app: FastifyInstance, opts: { webDist: string | undefined }) {
  if (opts.webDist) {
    await app.register(fastifyStatic, {
      root: opts.webDist,
      wildcard: false,
      index: false,
      prefix: '/',
      preCompressed: true,
      // The compressed copies are found next to the file asked for; they get no routes of their own.
      globIgnore: ['**/*.br', '**/*.gz'],
      // Our own Cache-Control below: the default one (`max-age=0`) would overwrite it.
      cacheControl: false,
      setHeaders: (res, path) => {
        res.setHeader('Cache-Control', ASSET_PATH.test(path) ? ASSET_CACHE_CONTROL : PAGE_CACHE_CONTROL);
        res.setHeader('Vary', 'Accept-Encoding');
      },
    });
    app.get('/', { schema: { hide: true }, config: { public: true } }, (_req, reply) => reply.sendFile('index.html'));
  }
  app.setNotFoundHandler((request, reply) => {
    const page = request.method === 'GET' || request.method === 'HEAD';
    const path = request.url.split('?')[0] ?? '';
    // An asset that is not there (a chunk of an older release) is a 404, not the SPA's page.
    if (path.startsWith('/api/') || path === '/api' || path.startsWith('/assets/') || !page || !opts.webDist) {
      return sendProblem(reply, 'not-found', 404, 'Deze URL bestaat niet.');
    }
    return reply.sendFile('index.html');
  });
});
