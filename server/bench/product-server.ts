// The product side of `pnpm bench`: the app as `buildApp` assembles it for production (every
// plugin, validation, audit, OpenAPI), on its own process and database pool, with the session
// secret the benchmark shares with the bare server so one login cookie serves both.
//
// Env: BENCH_DB_URL, BENCH_JWT_SECRET, BENCH_ENCRYPTION_KEY. Prints `port <n>` on stdout when listening.
import { openDatabase } from '@duidingspool/db';
import { buildApp } from '../src/app.ts';
import { benchConfig } from './bench-config.ts';

const config = benchConfig({
  databaseUrl: process.env.BENCH_DB_URL,
  jwtSecret: process.env.BENCH_JWT_SECRET ?? '',
  encryptionKey: process.env.BENCH_ENCRYPTION_KEY ?? '',
});

const handle = await openDatabase({ url: config.databaseUrl ?? '', maxConnections: 10 });
const app = await buildApp({ config, db: handle.db });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
console.log(`port ${typeof address === 'object' && address ? address.port : 0}`);
const stop = async () => {
  await app.close();
  await handle.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
