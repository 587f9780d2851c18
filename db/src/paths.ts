import { fileURLToPath } from 'node:url';

// The bundled server (server/build.mjs) defines __DP_BUNDLED__ and copies the migrations next to
// the bundle; from source they sit beside this package's src/.
declare const __DP_BUNDLED__: boolean | undefined;
const base = typeof __DP_BUNDLED__ !== 'undefined' && __DP_BUNDLED__ ? new URL('./', import.meta.url) : new URL('../', import.meta.url);

/** Absolute path of the committed SQL migrations. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('migrations/', base));
