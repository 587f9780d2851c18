import { z } from 'zod';
import { REQUIRED_MESSAGE } from './first-load.ts';

// Validation messages in Dutch for server and SPA alike: both import the contracts from here.
// zod's Dutch locale, except that a required field that is missing says so ("is verplicht")
// instead of "verwacht string, ontving undefined" or "verwacht één van …". The SPA switches to English with the UI.
const LOCALES = { nl: z.locales.nl(), en: z.locales.en() } as const;
const REQUIRED = { nl: REQUIRED_MESSAGE, en: 'is required' } as const;

/** The message of one zod issue in `language`; a missing value (`input` undefined, also of an enum) is "is verplicht" / "is required". */
export function validationMessage(language: 'nl' | 'en', issue: Parameters<NonNullable<z.core.$ZodConfig['localeError']>>[0]): string {
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && issue.input === undefined) return REQUIRED[language];
  const out = LOCALES[language].localeError?.(issue);
  return typeof out === 'string' ? out : (out?.message ?? '');
}

/** Sets zod's messages to `language`, process- or page-wide. Idempotent. */
export function applyValidationMessages(language: 'nl' | 'en'): void {
  z.config({ localeError: (issue) => validationMessage(language, issue) });
}

/**
 * Sets zod's messages to Dutch, process- or page-wide. Idempotent. Runs when this module is
 * imported; entry points whose bundler may drop a side-effect-only import (the server's bundle)
 * also call it themselves.
 */
export function applyDutchValidationMessages(): void {
  applyValidationMessages('nl');
}

applyDutchValidationMessages();
