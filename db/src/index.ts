export * from './client.ts';
export * from './passwords.ts';
export * as schema from './schema/index.ts';
export { caseTableName, DEMO_DOMAIN, DEMO_PASSWORD, DEMO_SPECIALISTS, isEmpty, seed } from './seed.ts';
