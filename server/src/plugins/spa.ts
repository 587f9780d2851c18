import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SPA_PAGE_PRELOADS_FILE, type SpaPagePreloads } from '@duidingspool/shared';
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
 * A page's path pattern (`/specialists/:specialistId/rates`) as a test of a pathname, segment by
 * segment (a `:name` segment matches any one non-empty segment, a trailing `/` is allowed), with its
 * rank: fixed segments before `:name` ones, as React Router ranks. No pattern is built from it, so
 * a pathname is matched in linear time whatever it holds.
 */
function compilePattern(path: string): { test: (pathname: string) => boolean; rank: number } {
  const segments = path.split('/').filter(Boolean);
  const test = (pathname: string) => {
    const trimmed = pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname;
    if (!trimmed.startsWith('/')) return false;
    const parts = trimmed.slice(1).split('/');
    return parts.length === segments.length && segments.every((s, i) => (s.startsWith(':') ? parts[i] !== '' : parts[i] === s));
  };
  return { test, rank: segments.reduce((sum, s) => sum + (s.startsWith(':') ? 3 : 10), 0) };
}

/**
 * The `index.html` to send for a pathname, relative to `webDist`: for the address of a page loaded
 * on demand, the one the build wrote for that page (it names the page's chunks as modulepreloads,
 * from `SPA_PAGE_PRELOADS_FILE`); for any other address (the login page, `/`), and when the build
 * has no such list, `index.html` as built.
 */
function pageHtmlFor(webDist: string): (pathname: string) => string {
  const listFile = join(webDist, SPA_PAGE_PRELOADS_FILE);
  if (!existsSync(listFile)) return () => 'index.html';
  const { pages } = JSON.parse(readFileSync(listFile, 'utf8')) as SpaPagePreloads;
  const patterns = pages.map((p) => ({ html: p.html, ...compilePattern(p.path) }));
  return (pathname) => {
    let best: (typeof patterns)[number] | undefined;
    for (const p of patterns) if (p.test(pathname) && (!best || p.rank > best.rank)) best = p;
    return best?.html ?? 'index.html';
  };
}

/**
 * Serves the built SPA from `webDist` (one process, one port — docs/design.md §8): files as they are,
 * and `index.html` for any other GET outside `/api` and `/assets`, so client-side routes survive a
 * reload. Unknown API paths and unknown assets answer problem+json `not-found`.
 *
 * Compression is done once, at build time (a `.br` and a `.gz` copy next to each file): a client that
 * accepts brotli or gzip gets that copy with `Content-Encoding`, others the plain file; every
 * answer carries `Vary: Accept-Encoding`. Hashed assets are cached for a year (`immutable`), pages
 * with `no-cache` (docs/decisions/070-a-light-spa.md).
 *
 * The address of a page loaded on demand gets the `index.html` the build wrote for that page, with a
 * `<link rel="modulepreload">` for each chunk it needs, served the same way (its compressed copies,
 * ETag, `no-cache`).
 */
export default fp(async function spa(app: FastifyInstance, opts: { webDist: string | undefined }) {
  const pageHtml = opts.webDist ? pageHtmlFor(opts.webDist) : () => 'index.html';
  if (opts.webDist) {
    await app.register(fastifyStatic, {
      root: opts.webDist,
      wildcard: false,
      index: false,
      prefix: '/',
      preCompressed: true,
      // The compressed copies are found next to the file asked for; they get no routes of their own.
      // The pages' own index.html are sent for their addresses only.
      globIgnore: ['**/*.br', '**/*.gz', 'pages/**'],
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
    return reply.sendFile(pageHtml(path));
  });
});
