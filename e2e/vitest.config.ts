import { defineConfig } from 'vitest/config';

// End-to-end: the built app (server/dist + web/dist) on a fresh real Postgres database, driven in
// Debian's Chromium through playwright-core. Run after `pnpm build`.
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['specs/**/*.spec.ts'],
    globalSetup: ['support/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
