// `pnpm db:migrate`: runs the committed migrations on DATABASE_URL, or on the embedded database in
// DATA_DIR (default ../.data/pglite at the repository root).
import { openDatabase } from '../client.ts';
import { cliDatabaseOptions } from './options.ts';

const handle = await openDatabase(cliDatabaseOptions());
await handle.migrate();
console.log(`migrations applied (${handle.driver})`);
await handle.close();
