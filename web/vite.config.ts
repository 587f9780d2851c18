import { readFile } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type Rolldown } from 'vite';
import { compression } from 'vite-plugin-compression2';
import { SPA_PAGE_PRELOADS_FILE, type SpaPagePreloads } from '../shared/src/spa-build.ts';
import { LAZY_PAGES, type LazyPage, LOADED_WITH_PAGES } from './src/app/pages.ts';
import { SHELL_SECTIONS } from './src/locales/shell-sections.ts';

const apiTarget = process.env.API_PROXY_TARGET ?? 'http://127.0.0.1:3000';

/**
 * The NL Design System's React bundle (`@utrecht/component-library-react`) is one file that sets
 * `X.displayName = 'X'` after each of its ~95 components. A property write counts as a side effect,
 * so without this every component stays in the bundle (58 kB gzip, for the ~40 the app uses). The
 * names only serve React's developer tools; dropping them lets the unused components be
 * tree-shaken (6 kB gzip). Warns when the file no longer has the pattern, so an upgrade that
 * changes it is noticed in the build output.
 */
function dropUtrechtDisplayNames(): Plugin {
  const file = /[\\/]@utrecht[\\/]component-library-react[\\/]dist[\\/]index\.mjs$/;
  return {
    name: 'duidingspool:drop-utrecht-display-names',
    transform: {
      filter: { id: file },
      handler(code) {
        let dropped = 0;
        const out = code.replace(/^[\w$]+\.displayName = '[^'\n]*';$/gm, () => {
          dropped += 1;
          return '';
        });
        if (dropped === 0) this.warn('no displayName assignments found: the component library is no longer tree-shaken');
        return { code: out, map: null };
      },
    },
  };
}

/** Serves a locale file imported with `?shell` as its `SHELL_SECTIONS` only: the texts the first chunk carries. */
export function localeShell(): Plugin {
  return {
    name: 'duidingspool:locale-shell',
    enforce: 'pre',
    async load(id) {
      const [file, query] = id.split('?');
      if (!file?.endsWith('.json') || !new URLSearchParams(query).has('shell')) return null;
      this.addWatchFile(file);
      const all = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
      const sections = Object.fromEntries(SHELL_SECTIONS.filter((k) => k in all).map((k) => [k, all[k]]));
      return { code: `export default JSON.parse(${JSON.stringify(JSON.stringify(sections))});`, moduleType: 'js' };
    },
  };
}

/**
 * The file name, under the build folder, of the `index.html` written for the page at `path`
 * (`/requests/:requestId` → `dist/pages/requests-requestId.html`).
 */
export function pageHtmlFile(path: string): string {
  const name = path
    .split('/')
    .filter(Boolean)
    .map((s) => s.replace(/^:/, ''))
    .join('-');
  return `pages/${name || 'index'}.html`;
}

/**
 * `index.html` with, before `</head>`, a low-priority `<link rel="modulepreload">` for each of
 * `files` (paths under the build folder). The links go where the white space before `</head>` was,
 * so the rest of the file is the built one. Low priority: the first chunk and the stylesheets,
 * which the first paint waits for, go first.
 */
export function withPreloads(index: string, files: readonly string[]): string {
  const head = index.indexOf('</head>');
  if (head < 0) throw new Error('index.html has no </head>');
  const links = files.map((f) => `\n    <link rel="modulepreload" crossorigin href="/${f}" fetchpriority="low">`).join('');
  return `${index.slice(0, head).trimEnd()}${links}\n  ${index.slice(head)}`;
}

/**
 * For each page of `LAZY_PAGES` (`src/app/pages.ts`), writes its own `index.html` (`pageHtmlFile`)
 * naming, as `<link rel="modulepreload">`, the JavaScript it loads when it is the first page
 * opened — its chunk, the chunks that imports, and what comes with every page
 * (`LOADED_WITH_PAGES`) — less the first load, which `index.html` names already; and
 * `SPA_PAGE_PRELOADS_FILE`, the list of pages with their files. The server answers a page's address
 * with its file (`server/src/plugins/spa.ts`), so its chunks load beside the first chunk instead of
 * after it has run; the pages are compressed with the rest of the build
 * (docs/decisions/070-a-light-spa.md). Fails the build when a module of the table is no chunk of
 * its own, or two pages would share a file.
 */
export function pagePreloads(): Plugin {
  let root = '';
  return {
    name: 'duidingspool:page-preloads',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      root = config.root;
    },
    // After the HTML plugin has written index.html, before the compression plugin (which runs in
    // the generateBundle of Vite's own closing plugins) makes the `.br` and `.gz` copies.
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((c): c is Rolldown.OutputChunk => c.type === 'chunk');
      const byFile = new Map(chunks.map((c) => [c.fileName, c]));
      const byModule = new Map(
        chunks
          .filter((c) => c.facadeModuleId)
          .map((c) => [
            relative(root, c.facadeModuleId as string)
              .split(sep)
              .join('/'),
            c,
          ]),
      );
      const withImports = (chunk: Rolldown.OutputChunk, into = new Set<string>()): Set<string> => {
        if (into.has(chunk.fileName)) return into;
        into.add(chunk.fileName);
        for (const file of chunk.imports) {
          const imported = byFile.get(file);
          if (imported) withImports(imported, into);
        }
        return into;
      };
      const entry = chunks.find((c) => c.isEntry);
      if (!entry) return this.error('no entry chunk');
      const indexAsset = bundle['index.html'];
      if (indexAsset?.type !== 'asset') return this.error('no index.html in the bundle');
      const index = String(indexAsset.source);
      const firstLoad = withImports(entry);
      const filesOf = (module: string): string[] => {
        const chunk = byModule.get(module);
        if (!chunk) return this.error(`${module} is no chunk of its own: the page preloads would miss it`);
        return [...withImports(chunk)].filter((f) => !firstLoad.has(f));
      };
      const pages = LAZY_PAGES.map((p: LazyPage) => {
        const modules = [`src/app/routes/${p.module}.tsx`, ...LOADED_WITH_PAGES.every, ...(p.public ? [] : LOADED_WITH_PAGES.signedIn)];
        return { path: p.path, files: [...new Set(modules.flatMap(filesOf))], html: pageHtmlFile(p.path) };
      });
      const taken = new Set<string>();
      for (const page of pages) {
        if (taken.has(page.html)) return this.error(`two pages would be written to ${page.html}`);
        taken.add(page.html);
        this.emitFile({ type: 'asset', fileName: page.html, source: withPreloads(index, page.files) });
      }
      const list: SpaPagePreloads = { pages };
      this.emitFile({ type: 'asset', fileName: SPA_PAGE_PRELOADS_FILE, source: `${JSON.stringify(list, null, 2)}\n` });
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    localeShell(),
    dropUtrechtDisplayNames(),
    pagePreloads(),
    // A brotli and a gzip copy next to each file (`.br`, `.gz`), served as they are by the
    // server's static plugin: no compression work per request. See docs/decisions/070-a-light-spa.md.
    compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024, logLevel: 'silent' }),
  ],
  server: {
    port: 5173,
    strictPort: true,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  preview: {
    port: 4173,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // Every browser the app supports (Baseline) has modulepreload; no polyfill in the first chunk.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        // Long-lived vendor chunks, cached across releases of the app's own code.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 20 },
            { name: 'nl-design-system', test: /node_modules[\\/]@utrecht[\\/]/, priority: 15 },
            { name: 'vendor', test: /node_modules[\\/](i18next|react-i18next|@tanstack)[\\/]/, priority: 10 },
            // zod apart: the login page does without it (decision 070); every other page loads it.
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
});
