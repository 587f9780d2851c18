// `pnpm db:seed`: imports the Oost-Nederland structure and seeds the demo accounts, then the demo
// year of fictional work (decision 087) unless SEED_DEMO=structure. Idempotent: the demo year is
// only written into a pool without requests.
// Refuses to run with NODE_ENV=production: demo accounts never reach a production database (the
// structure alone is loaded there with `pnpm admin import-structure`).
import { join } from 'node:path';
import { DataDirLockedError, openDatabase } from '@duidingspool/db';
import { loadAdminCliConfig, loadConfig } from '../config.ts';
import { seedDemoDatabase } from '../demo-seed.ts';
import { seedDemoYear } from '../demo-year.ts';

if (process.env.NODE_ENV === 'production') {
  console.error('db:seed refuses to run with NODE_ENV=production (it creates demo accounts); load the structure with `pnpm admin import-structure`.');
  process.exit(1);
}
const config = loadAdminCliConfig();
// On the embedded database it holds the data folder's lock: it refuses while the server runs there.
const handle = await openDatabase({ url: config.databaseUrl, dataDir: join(config.dataDir, 'pglite'), lockDir: config.dataDir, maxConnections: 1 }).catch(
  (error: unknown) => {
    if (error instanceof DataDirLockedError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  },
);
await handle.migrate();
await handle.db.transaction((tx) => seedDemoDatabase(tx));
console.log(`seeded the structure and demo accounts (${handle.driver})`);
if (process.env.SEED_DEMO !== 'structure') {
  const begun = performance.now();
  const year = await seedDemoYear(handle.db, loadConfig());
  const seconds = ((performance.now() - begun) / 1000).toFixed(1);
  console.log(
    year.requests > 0
      ? `seeded the demo year in ${seconds} s: ${year.requests} requests, ${year.timeEntries} time entries, closed months ${year.closedMonths.join(', ')}`
      : 'the pool already holds requests: no demo year added',
  );
}
await handle.close();
