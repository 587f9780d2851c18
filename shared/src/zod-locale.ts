import { z } from 'zod';

// Validation messages in Dutch for server and SPA alike: both import the contracts from here.
// zod's Dutch locale, except that a required field that is missing says so ("is verplicht")
// instead of "verwacht string, ontving undefined".
const dutch = z.locales.nl();

/**
 * Sets zod's messages to Dutch, process- or page-wide. Idempotent. Runs when this module is
 * imported; entry points whose bundler may drop a side-effect-only import (the server's bundle)
 * also call it themselves.
 */
export function applyDutchValidationMessages(): void {
  z.config({
    localeError: (issue) => (issue.code === 'invalid_type' && issue.input === undefined ? 'is verplicht' : dutch.localeError?.(issue)),
  });
}

applyDutchValidationMessages();
