// `pnpm db:seed`: seeds the Oost-Nederland structure and the demo accounts. Idempotent. Refuses to
// run with NODE_ENV=production: demo accounts never reach a production database.
import { seed } from '../seed.ts';
import { openCliDatabase } from './options.ts';

if (process.env.NODE_ENV === 'production') {
  console.error('db:seed refuses to run with NODE_ENV=production (it creates demo accounts).');
  process.exit(1);
}
const handle = await openCliDatabase();
await handle.migrate();
await handle.db.transaction((tx) => seed(tx));
console.log(`seeded (${handle.driver})`);
await handle.close();
