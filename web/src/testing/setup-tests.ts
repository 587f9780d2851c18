import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { loadAllTexts } from '../lib/i18n.ts';
import { loadValidationMessages } from '../lib/problem-text.ts';

// In the app every page waits for its texts and zod's messages (the router's `page`); components under test get them all.
await Promise.all([loadAllTexts(), loadValidationMessages()]);

afterEach(() => {
  cleanup();
});
