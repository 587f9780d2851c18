import { defineConfig } from 'vitest/config';

// One run for the whole workspace: `unit` (pure rules, no I/O), `api` (the server through
// app.inject against a real Postgres, one database per test file cloned from a migrated and
// seeded template) and `web` (components and formatting in happy-dom).
export default defineConfig({
  test: {
    // Two cores: two files at a time; API test files each have a database of their own.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['shared/src/**/*.test.ts', 'server/src/**/*.test.ts', 'db/src/**/*.test.ts', 'scripts/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'api',
          include: ['server/test/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['server/test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      'web/vitest.config.ts',
    ],
  },
});
