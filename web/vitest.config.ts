import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { localeShell } from './vite.config.ts';

export default defineConfig({
  plugins: [react(), localeShell()],
  test: {
    name: 'web',
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/testing/setup-tests.ts'],
    restoreMocks: true,
  },
});
