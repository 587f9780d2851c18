// Bundles the server and the command-line tools an operator runs in production into dist/:
// dist/server.mjs (`pnpm start`), dist/admin.mjs (`pnpm admin`) and dist/migrate.mjs
// (`pnpm db:migrate`). The workspace packages (@duidingspool/db, @duidingspool/shared) are bundled
// in, and so is drizzle-orm (`BUNDLED`, decision 074); the other npm packages stay external (native
// argon2, PGlite's wasm) and are loaded from this package's node_modules at run time, so each of
// them must be a production dependency of this package: the build fails when one is not (decision
// 045). The committed migrations are copied next to the bundles, where db/src/paths.ts looks for
// them when __DP_BUNDLED__ is set, and so is the embedded database's first-start image
// (dist/pglite-image/, decision 074): a PGlite data folder that is initialised and migrated, which
// a first start copies instead of running initdb and every migration. Modules the server imports
// lazily, and code the bundles share, are written as chunks (dist/chunk-*.mjs,
// dist/mail-layout-*.mjs) beside the bundles (decision 074).
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { build } from 'esbuild';

/** Bundle name → entry point. */
const ENTRY_POINTS = {
  server: 'src/server.ts',
  admin: 'src/cli/admin.ts',
  migrate: '../db/src/cli/migrate.ts',
};

/**
 * npm packages bundled in rather than loaded from node_modules (decision 074). drizzle-orm is ~450
 * ES modules whose package.json (~180 kB, most of it its `exports` map) Node reads and parses again
 * for every one of them it resolves: loading it from node_modules took ~40 % of the server's module
 * loading at start. It is plain JavaScript that loads no files of its own; the packages it imports
 * (the database drivers) stay external. Every other package stays external (decision 045).
 */
const BUNDLED = new Set(['drizzle-orm']);
/** `postgres/x` → `postgres`, `@scope/name/x` → `@scope/name`. */
const packageName = (path) =>
  path
    .split('/')
    .slice(0, path.startsWith('@') ? 2 : 1)
    .join('/');
const readJson = (file) => JSON.parse(readFileSync(new URL(file, import.meta.url), 'utf8'));

rmSync('dist', { recursive: true, force: true });
const result = await build({
  entryPoints: ENTRY_POINTS,
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  // A module imported with `import()` (the mail layout and react-email, decision 074) goes into a
  // chunk of its own, loaded when first imported rather than at start; code the bundles share goes
  // into chunks too. The chunks sit beside the bundles in dist/, so paths made from
  // `import.meta.url` (the migrations, the image, the SPA) are the same in a chunk and a bundle.
  splitting: true,
  chunkNames: '[name]-[hash]',
  target: 'node22',
  sourcemap: true,
  metafile: true,
  define: { __DP_BUNDLED__: 'true' },
  plugins: [
    {
      name: 'external-npm-packages',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) =>
          args.path.startsWith('@duidingspool/') || BUNDLED.has(packageName(args.path)) ? undefined : { path: args.path, external: true },
        );
      },
    },
  ],
  logLevel: 'warning',
});

// Every npm package a bundle imports must be a production dependency of this package (where the
// bundle resolves it) and of the workspace package whose source imports it (where `pnpm dev` and
// the tests resolve it).
const dependenciesOf = {
  server: readJson('./package.json').dependencies ?? {},
  db: readJson('../db/package.json').dependencies ?? {},
  shared: readJson('../shared/package.json').dependencies ?? {},
};
const missing = new Set();
for (const [file, input] of Object.entries(result.metafile.inputs)) {
  const owner = file.startsWith('../db/') ? 'db' : file.startsWith('../shared/') ? 'shared' : 'server';
  for (const imported of input.imports) {
    if (!imported.external || isBuiltin(imported.path)) continue;
    const name = packageName(imported.path);
    if (!dependenciesOf.server[name]) missing.add(`${name} (imported by ${file}) is not a dependency of @duidingspool/server`);
    if (!dependenciesOf[owner][name]) missing.add(`${name} (imported by ${file}) is not a dependency of @duidingspool/${owner}`);
  }
}
if (missing.size > 0) {
  console.error(`The bundles import packages a production install lacks (move them to "dependencies"):\n  ${[...missing].join('\n  ')}`);
  process.exit(1);
}
cpSync('../db/migrations', 'dist/migrations', { recursive: true });

// The first-start image: initdb and the committed migrations, with the PGlite of this install (the
// one a production install of the same lockfile runs), written as a data folder that a first start
// copies (decision 074).
const image = new PGlite('dist/pglite-image');
try {
  await migrate(drizzle(image), { migrationsFolder: 'dist/migrations' });
  await image.exec('checkpoint');
} finally {
  await image.close();
}
console.log(
  `server bundled to dist/: ${Object.keys(ENTRY_POINTS)
    .map((name) => `${name}.mjs`)
    .join(', ')}, pglite-image/`,
);
