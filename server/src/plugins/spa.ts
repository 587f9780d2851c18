import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import { SPA_PAGE_PRELOADS_FILE, type SpaPagePreloads } from '@duidingspool/shared';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { sendProblem } from './error-handler.ts';

/** `Cache-Control` of the files under `assets/`: Vite puts a content hash in each name, so they never change. */
export const ASSET_CACHE_CONTROL = 'public, max-age=31536000, immutable';
/** `Cache-Control` of everything else (`index.html` above all): revalidated on every visit, so a release is seen at once. */
export const PAGE_CACHE_CONTROL = 'no-cache';

const ASSET_PATH = /[\\/]assets[\\/]/;

/** A page of the SPA loaded on demand: its address as React Router matches it and the files it loads first. */
type PagePreload = SpaPagePreloads['pages'][number];

/** `index.html` for one page, as it is sent: plain, brotli and gzip, with its ETag. */
interface PageHtml {
  plain: Buffer;
  br: Buffer;
  gzip: Buffer;
  etag: string;
}

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
 * The `index.html` of every address of a page loaded on demand: the built one with, before
 * `</head>`, a `<link rel="modulepreload">` for each file the page loads when it is opened first
 * (from `SPA_PAGE_PRELOADS_FILE`), so the browser fetches them beside the first chunk instead of after
 * it has run. `undefined` for other addresses (the login page, `/`), and when the build has no such
 * file: those get `index.html` as it is.
 */
function pageHtmlFor(webDist: string): (pathname: string) => PageHtml | undefined {
  const listFile = join(webDist, SPA_PAGE_PRELOADS_FILE);
  if (!existsSync(listFile)) return () => undefined;
  const index = readFileSync(join(webDist, 'index.html'), 'utf8');
  if (!index.includes('</head>')) return () => undefined;
  const { pages } = JSON.parse(readFileSync(listFile, 'utf8')) as SpaPagePreloads;
  const patterns = pages.map((p) => ({ ...p, ...compilePattern(p.path) }));
  const built = new Map<string, PageHtml>();
  const build = (page: PagePreload): PageHtml => {
    // Low priority: the first chunk and the stylesheets, which the first paint waits for, go first.
    const links = page.files.map((f) => `\n    <link rel="modulepreload" crossorigin href="/${f}" fetchpriority="low">`).join('');
    // The links go where the white space before `</head>` was, so the file is the built one with them added.
    const head = index.indexOf('</head>');
    const plain = Buffer.from(`${index.slice(0, head).trimEnd()}${links}\n  ${index.slice(head)}`);
    return {
      plain,
      br: brotliCompressSync(plain, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: plain.length } }),
      gzip: gzipSync(plain, { level: 9 }),
      etag: `"${createHash('sha256').update(plain).digest('base64url').slice(0, 27)}"`,
    };
  };
  return (pathname) => {
    let best: (typeof patterns)[number] | undefined;
    for (const p of patterns) if (p.test(pathname) && (!best || p.rank > best.rank)) best = p;
    if (!best) return undefined;
    const html = built.get(best.path) ?? build(best);
    built.set(best.path, html);
    return html;
  };
}

/** The encoding of `accept-encoding` to send: brotli before gzip, none when neither is accepted (`;q=0` refuses). */
function chooseEncoding(header: string | undefined): 'br' | 'gzip' | undefined {
  const accepted = new Set(
    (header ?? '')
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, ...params]) => !params.some((p) => /^\s*q\s*=\s*0(\.0*)?\s*$/.test(p)))
      .map(([name]) => name?.trim().toLowerCase()),
  );
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return undefined;
}

/** Sends a page's own `index.html` with the headers of any page: `no-cache`, `Vary`, its ETag (a 304 when the browser has it). */
function sendPageHtml(request: FastifyRequest, reply: FastifyReply, html: PageHtml) {
  reply
    .header('Content-Type', 'text/html; charset=utf-8')
    .header('Cache-Control', PAGE_CACHE_CONTROL)
    .header('Vary', 'Accept-Encoding')
    .header('ETag', html.etag);
  if (request.headers['if-none-match'] === html.etag) return reply.code(304).send();
  const encoding = chooseEncoding(request.headers['accept-encoding']);
  if (encoding) reply.header('Content-Encoding', encoding);
  return reply.send(encoding ? html[encoding] : html.plain);
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
 * The address of a page loaded on demand gets `index.html` with a `<link rel="modulepreload">` for
 * each chunk that page needs (the build's `SPA_PAGE_PRELOADS_FILE`), compressed once on first use.
 */
export default fp(async function spa(app: FastifyInstance, opts: { webDist: string | undefined }) {
  const pageHtml = opts.webDist ? pageHtmlFor(opts.webDist) : () => undefined;
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
    const html = pageHtml(path);
    return html ? sendPageHtml(request, reply, html) : reply.sendFile('index.html');
  });
});
