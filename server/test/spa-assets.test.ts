// The built SPA as a browser gets it: the real Fastify app, listening on a port, serving a real
// `vite build` of web/ (made in a temporary folder for this file). Checks the rules of
// docs/decisions/070-a-light-spa.md: precompressed brotli/gzip with `Content-Encoding` and
// `Vary: Accept-Encoding`, hashed assets cached for a year (`immutable`), pages with `no-cache`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { SPA_PAGE_PRELOADS_FILE, type SpaPagePreloads } from '@duidingspool/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHELL_SECTIONS } from '../../web/src/locales/shell-sections.ts';
import { ASSET_CACHE_CONTROL, PAGE_CACHE_CONTROL } from '../src/plugins/spa.ts';
import { useTestApp } from './harness.ts';

const webDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../web');
const dist = mkdtempSync(join(tmpdir(), 'dp-spa-dist-'));

beforeAll(() => {
  execFileSync(process.execPath, [join(webDir, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'error'], {
    cwd: webDir,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}, 120_000);
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const ctx = useTestApp({ config: () => ({ webDist: dist }) });
let port = 0;
beforeAll(async () => {
  await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  port = (ctx.app.server.address() as AddressInfo).port;
});

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET over a real socket with exactly the headers given (no client that adds or decodes encodings). */
function get(path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end();
  });
}

/** The entry script named in the built index.html, e.g. `/assets/index-AbC123.js`. */
function entryScript(): string {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const src = /<script type="module" crossorigin src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
  if (!src) throw new Error('no entry script in index.html');
  return src;
}

/**
 * The JavaScript of the first load: the entry script and every chunk it imports statically,
 * transitively (the bundler may put shell code in a chunk the pages share); not the `import()`s
 * of the pages.
 */
function firstLoadCode(): string {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    for (const m of code.matchAll(/(?:^|[;}\n])\s*import\s*(?:[\w${}\s,*]+from\s*)?["']\.\/([\w.-]+\.js)["']/g)) visit(join(dirname(file), m[1] as string));
  };
  visit(entryScript());
  return [...seen].map((file) => readFileSync(join(dist, file), 'utf8')).join('\n');
}

function varyNames(res: RawResponse): string[] {
  return String(res.headers.vary ?? '')
    .split(',')
    .map((v) => v.trim().toLowerCase());
}

describe('hashed assets', () => {
  it.each([
    ['br', 'br', (b: Buffer) => brotliDecompressSync(b)],
    ['gzip', 'gzip', (b: Buffer) => gunzipSync(b)],
    ['gzip, deflate, br', 'br', (b: Buffer) => brotliDecompressSync(b)],
  ])('Accept-Encoding: %s → the precompressed %s copy, cached for a year', async (accept, encoding, decode) => {
    const script = entryScript();
    const plain = readFileSync(join(dist, script));
    const res = await get(script, { 'accept-encoding': accept });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe(encoding);
    expect(res.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(res.headers['cache-control']).toBe(ASSET_CACHE_CONTROL);
    expect(varyNames(res)).toContain('accept-encoding');
    expect(res.body.length).toBeLessThan(plain.length);
    expect(decode(res.body).equals(plain)).toBe(true);
  });

  it('without Accept-Encoding → the file as it is, cached for a year', async () => {
    const script = entryScript();
    const res = await get(script);
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['cache-control']).toBe(ASSET_CACHE_CONTROL);
    expect(varyNames(res)).toContain('accept-encoding');
    expect(res.body.equals(readFileSync(join(dist, script)))).toBe(true);
  });

  it('the stylesheets are precompressed and immutable too', async () => {
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    const sheets = [...html.matchAll(/href="(\/assets\/[^"]+\.css)"/g)].map((m) => m[1] as string);
    expect(sheets.length).toBeGreaterThan(0);
    for (const sheet of sheets) {
      const res = await get(sheet, { 'accept-encoding': 'br' });
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe('br');
      expect(res.headers['content-type']).toMatch(/^text\/css/);
      expect(res.headers['cache-control']).toBe(ASSET_CACHE_CONTROL);
    }
  });

  it('an asset that is not there is a 404 problem, not the SPA page', async () => {
    const res = await get('/assets/index-doesnotexist.js', { 'accept-encoding': 'br' });
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});

/** The `<link rel="modulepreload">` lines the server adds to a page's `index.html`, and the files they name. */
const PRELOAD_LINE = /\n\s*<link rel="modulepreload" crossorigin href="\/([^"]+)" fetchpriority="low">/g;
const preloadsIn = (html: string) => [...html.matchAll(PRELOAD_LINE)].map((m) => m[1] as string);
const withoutPreloads = (html: string) => html.replace(PRELOAD_LINE, '');

/** What the build lists for the page at `pattern` (`pagePreloads` in web/vite.config.ts). */
function listedPage(pattern: string): SpaPagePreloads['pages'][number] {
  const list = JSON.parse(readFileSync(join(dist, SPA_PAGE_PRELOADS_FILE), 'utf8')) as SpaPagePreloads;
  const page = list.pages.find((p) => p.path === pattern);
  if (!page) throw new Error(`no ${pattern} in ${SPA_PAGE_PRELOADS_FILE}`);
  return page;
}
/** The files the build lists for the page at `pattern`. */
const listedFor = (pattern: string): string[] => listedPage(pattern).files;

describe('pages', () => {
  const index = () => readFileSync(join(dist, 'index.html'));

  /** `path` asked with brotli accepted: a page (200, HTML, brotli, no-cache, varying by encoding); its HTML. */
  const pageAt = async (path: string): Promise<Buffer> => {
    const res = await get(path, { 'accept-encoding': 'br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe(PAGE_CACHE_CONTROL);
    expect(varyNames(res)).toContain('accept-encoding');
    return brotliDecompressSync(res.body);
  };

  it.each(['/', '/index.html', '/login'])('%s → index.html as built, no-cache, brotli when accepted', async (path) => {
    expect((await pageAt(path)).equals(index())).toBe(true);
  });

  it.each([
    ['/requests/00000000-0000-4000-8000-000000000000', '/requests/:requestId', 'request-detail-page-'],
    ['/requests/new', '/requests/new', 'new-request-page-'],
    ['/specialists/abc/rates?x=1', '/specialists/:specialistId/rates', 'specialist-rates-page-'],
    ['/budget', '/budget', 'budget-page-'],
  ])('%s → index.html with a low-priority modulepreload of each chunk of %s, brotli, no-cache', async (path, pattern, chunk) => {
    const html = (await pageAt(path)).toString('utf8');
    expect(withoutPreloads(html)).toBe(index().toString('utf8'));
    const files = preloadsIn(html);
    expect(files).toEqual(listedFor(pattern));
    expect(files.filter((f) => f.startsWith(`assets/${chunk}`))).toHaveLength(1);
    // Before </head>, after the first chunk and the stylesheets the first paint waits for.
    expect(html.indexOf('fetchpriority="low"')).toBeGreaterThan(html.lastIndexOf('rel="stylesheet"'));
  });

  it("a page's preloads name files that exist, none of the first load, and zod but no chart library for the budget page", async () => {
    const html = index().toString('utf8');
    const firstLoad = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] as string);
    expect(firstLoad.length).toBeGreaterThan(2);
    const files = listedFor('/budget');
    expect(files.filter((f) => firstLoad.includes(f))).toEqual([]);
    for (const file of files) expect((await get(`/${file}`, { 'accept-encoding': 'br' })).status, file).toBe(200);
    const code = files.map((f) => readFileSync(join(dist, f), 'utf8')).join('\n');
    expect(code).toContain('$ZodType');
    // The charts are loaded when they come near the screen, not with the page.
    expect(code).not.toContain('recharts');
  });

  it("a page's index.html has an ETag: the same one answers 304", async () => {
    const first = await get('/triage', { 'accept-encoding': 'gzip' });
    expect(first.headers.etag).toMatch(/^(W\/)?"[\w-]+"$/);
    const again = await get('/triage', { 'accept-encoding': 'gzip', 'if-none-match': String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('a deep SPA route without Accept-Encoding → plain index.html with its preloads, no-cache', async () => {
    const res = await get('/assignments/123', {});
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['cache-control']).toBe(PAGE_CACHE_CONTROL);
    expect(preloadsIn(res.body.toString('utf8'))).toEqual(listedFor('/assignments/:assignmentId'));
  });

  it('a deep SPA route with gzip → gzip; a path of no page → index.html as built', async () => {
    const res = await get('/hours', { 'accept-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['cache-control']).toBe(PAGE_CACHE_CONTROL);
    expect(preloadsIn(gunzipSync(res.body).toString('utf8'))).toEqual(listedFor('/hours'));
    const none = await get('/no-such-page', { 'accept-encoding': 'gzip' });
    expect(none.status).toBe(200);
    expect(gunzipSync(none.body).equals(index())).toBe(true);
  });

  it("a page's own file has no address of its own: asked for directly, it is a path of no page", async () => {
    const page = listedPage('/budget').html;
    const res = await get(`/${page}`, { 'accept-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(gunzipSync(res.body).equals(index())).toBe(true);
  });

  it('API answers keep their own rules: no-store, problem+json for an unknown path', async () => {
    const res = await get('/api/v1/does-not-exist', { 'accept-encoding': 'br' });
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['cache-control']).toBe('no-store');
  });
});

describe('the first load', () => {
  it('asks for no Dutch text outside the sections it carries (the others come with the pages)', () => {
    const nl = JSON.parse(readFileSync(join(webDir, 'src/locales/nl.json'), 'utf8')) as Record<string, unknown>;
    const code = firstLoadCode();
    // Translation keys appear in the built code as string literals: 'login.title', `fieldErrors.${code}`.
    const asked = new Set([...code.matchAll(/[`'"]([a-zA-Z]+)\.[\w${}.-]*[`'"]/g)].map((m) => m[1] as string).filter((section) => section in nl));
    expect(asked.size).toBeGreaterThan(3);
    expect([...asked].filter((section) => !SHELL_SECTIONS.includes(section))).toEqual([]);
  });

  it('carries neither zod nor react-hook-form: the login page does without them (decision 070)', () => {
    const code = firstLoadCode();
    // zod names its schema classes in string literals (`$ZodType`), react-hook-form its options (`shouldUnregister`).
    expect(code).not.toContain('$ZodType');
    expect(code).not.toContain('shouldUnregister');
  });

  it('carries the shell texts but not the texts of the pages', () => {
    const code = firstLoadCode();
    const nl = JSON.parse(readFileSync(join(webDir, 'src/locales/nl.json'), 'utf8')) as Record<string, Record<string, unknown>>;
    // The longest plain text of a section (no quotes or backslashes, so it reads the same in any string literal).
    const longest = (section: string) =>
      Object.values(nl[section] ?? {})
        .filter((v): v is string => typeof v === 'string' && !/["'`\\]/.test(v))
        .sort((a, b) => b.length - a.length)[0] ?? '';
    expect(longest('login').length).toBeGreaterThan(20);
    expect(code).toContain(longest('login'));
    for (const page of ['budget', 'triage', 'users', 'account']) {
      expect(longest(page).length).toBeGreaterThan(20);
      expect(code).not.toContain(longest(page));
    }
  });
});
