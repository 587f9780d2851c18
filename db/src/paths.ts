import { fileURLToPath } from 'node:url';

// The bundles (server/build.mjs) define __DP_BUNDLED__ and copy the migrations next to them; from
// source they sit beside this package's src/.
declare const __DP_BUNDLED__: boolean | undefined;
const base = typeof __DP_BUNDLED__ !== 'undefined' && __DP_BUNDLED__ ? new URL('./', import.meta.url) : new URL('../', import.meta.url);

/** Absolute path of the committed SQL migrations. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('migrations/', base));

/**
 * Absolute path of the embedded database's first-start image (decision 074): a PGlite data folder
 * that is initialised and migrated, written by the server's build next to the bundles, which a
 * first start copies. Present only in the bundles: from source the first start runs initdb.
 */
export const PGLITE_IMAGE_DIR: string | undefined =
  typeof __DP_BUNDLED__ !== 'undefined' && __DP_BUNDLED__ ? fileURLToPath(new URL('pglite-image/', base)) : undefined;

/** Absolute path of the repository root: two levels up from db/src/paths.ts and from a bundle in server/dist/ alike. */
export const REPOSITORY_ROOT = fileURLToPath(new URL('../../', import.meta.url));
