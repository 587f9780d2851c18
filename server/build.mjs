// Bundles the server and the workspace packages it imports into dist/server.mjs; npm packages
// stay external (native argon2, PGlite's wasm). The committed migrations are copied next to the
// bundle, where db/src/paths.ts looks for them when __DP_BUNDLED__ is set.
import { cpSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: ['src/server.ts'],
  outfile: 'dist/server.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  define: { __DP_BUNDLED__: 'true' },
  plugins: [
    {
      name: 'external-npm-packages',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@duidingspool/') ? undefined : { path: args.path, external: true }));
      },
    },
  ],
  logLevel: 'warning',
});
cpSync('../db/migrations', 'dist/migrations', { recursive: true });
console.log('server bundled to dist/server.mjs');
