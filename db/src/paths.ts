import { fileURLToPath } from 'node:url';

// The bundles (server/build.mjs) define __DP_BUNDLED__ and copy the migrations next to them; from
// source they sit beside this package's src/.
declare const __DP_BUNDLED__: boolean | undefined;
const base = typeof __DP_BUNDLED__ !== 'undefined' && __DP_BUNDLED__ ? new URL('./', import.meta.url) : new URL('../', import.meta.url);

/** Absolute path of the committed SQL migrations. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('migrations/', base));

/** Absolute path of the repository root: two levels up from db/src/paths.ts and from a bundle in server/dist/ alike. */
export const REPOSITORY_ROOT = fileURLToPath(new URL('../../', import.meta.url));
