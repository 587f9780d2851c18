import { readFile } from 'node:fs/promises';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { compression } from 'vite-plugin-compression2';
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

export default defineConfig({
  plugins: [
    react(),
    localeShell(),
    dropUtrechtDisplayNames(),
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
