#!/usr/bin/env node
// The JavaScript each page of the built SPA needs, as a browser downloads it. Run after `pnpm build`:
// `pnpm --filter @duidingspool/web size`, or `node web/scripts/bundle-sizes.mjs <dist folder>`.
// The first load is the entry script of index.html and the chunks it imports; a page adds its own
// chunk, the chunks that chunk imports and are not loaded yet, and the Dutch texts of the pages (the
// `nl-` chunk, fetched once, with the first page). Sizes are of the built files and of their `.gz`
// and `.br` copies (made at build time, what the server sends), in kB of 1000 bytes.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

const dist = process.argv[2] ? resolve(process.argv[2]) : join(import.meta.dirname, '..', 'dist');
const read = (file) => readFileSync(join(dist, file));
const STATIC_IMPORT = /(?:from|import)\s*"\.\/([\w.-]+\.js)"/g;

/** Raw, gzip and brotli size of one built file; the copies the build made, else made here. */
function sizes(file) {
  const raw = read(file);
  const gz = existsSync(join(dist, `${file}.gz`)) ? read(`${file}.gz`).length : gzipSync(raw, { level: 9 }).length;
  const br = existsSync(join(dist, `${file}.br`)) ? read(`${file}.br`).length : brotliCompressSync(raw).length;
  return { raw: raw.length, gz, br };
}

/** `file` and every chunk it imports statically, transitively. */
function closure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = read(`assets/${file}`).toString('utf8');
  for (const m of code.matchAll(STATIC_IMPORT)) closure(m[1], seen);
  return seen;
}

const total = (files) =>
  [...files].reduce(
    (sum, f) => {
      const s = sizes(`assets/${f}`);
      return { raw: sum.raw + s.raw, gz: sum.gz + s.gz, br: sum.br + s.br };
    },
    { raw: 0, gz: 0, br: 0 },
  );
const kb = (n) => (n / 1000).toFixed(1).padStart(7);
const row = (name, s) => console.log(`| ${name.padEnd(34)} | ${kb(s.raw)} | ${kb(s.gz)} | ${kb(s.br)} |`);

const html = read('index.html').toString('utf8');
const entry = /<script type="module" crossorigin src="\/assets\/([^"]+\.js)"/.exec(html)?.[1];
if (!entry) throw new Error('no entry script in dist/index.html');
const first = closure(entry);
const files = readdirSync(join(dist, 'assets'));
const texts = files.find((f) => /^nl-[\w-]+\.js$/.test(f) && !f.startsWith('nl-design-system'));

console.log('| JavaScript (kB = 1000 bytes)        |     raw |    gzip |  brotli |');
console.log('| ---------------------------------- | ------: | ------: | ------: |');
for (const f of [...first].sort()) row(`  ${f}`, sizes(`assets/${f}`));
row('first load (login)', total(first));
for (const page of files.filter((f) => /-page-[\w-]+\.js$/.test(f)).sort()) {
  const added = new Set([...closure(page)].filter((f) => !first.has(f)));
  if (texts) added.add(texts);
  row(`+ ${page.replace(/-page-.+\.js$/, '-page')}`, total(added));
}
