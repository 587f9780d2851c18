import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { loadAllTexts } from '../lib/i18n.ts';

// In the app every page waits for its texts (the router's `page`); components under test get them all.
await loadAllTexts();

afterEach(() => {
  cleanup();
});
