// `pnpm db:migrate`: runs the committed migrations on DATABASE_URL, or on the embedded database in
// DATA_DIR (default .data/pglite at the repository root). Bundled by server/build.mjs into
// server/dist/migrate.mjs, so it runs in a production install (no tsx there).
import { openCliDatabase } from './options.ts';

const handle = await openCliDatabase();
await handle.migrate();
console.log(`migrations applied (${handle.driver})`);
await handle.close();
