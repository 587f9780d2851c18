// Builds the template database once per test run: migrated and seeded with the Oost-Nederland
// structure and the demo accounts. Each test file clones it (CREATE DATABASE … TEMPLATE), so
// files run in parallel on databases of their own.
import { openDatabase } from '@duidingspool/db';
import postgres from 'postgres';
import { seedDemoDatabase } from '../src/demo-seed.ts';
import { adminUrl, databaseUrl, TEMPLATE_DATABASE } from './database-urls.ts';

export default async function setup() {
  const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
  try {
    await admin`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${TEMPLATE_DATABASE} and pid <> pg_backend_pid()`;
    await admin.unsafe(`drop database if exists ${TEMPLATE_DATABASE}`);
    await admin.unsafe(`create database ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  const handle = await openDatabase({ url: databaseUrl(TEMPLATE_DATABASE), maxConnections: 1 });
  await handle.migrate();
  await handle.db.transaction((tx) => seedDemoDatabase(tx));
  await handle.close();
  return async () => {
    const cleanup = postgres(adminUrl(), { max: 1, onnotice: () => {} });
    await cleanup.unsafe(`drop database if exists ${TEMPLATE_DATABASE} with (force)`);
    await cleanup.end();
  };
}
