import { z } from 'zod';
import { REQUIRED_MESSAGE } from './first-load.ts';

// Validation messages in Dutch for server and SPA alike: both import the contracts from here.
// zod's Dutch locale, except that a required field that is missing says so ("is verplicht")
// instead of "verwacht string, ontving undefined" or "verwacht één van …". The SPA switches to English with the UI.
const LOCALES = { nl: z.locales.nl(), en: z.locales.en() } as const;
const REQUIRED = { nl: REQUIRED_MESSAGE, en: 'is required' } as const;

type Issue = Parameters<NonNullable<z.core.$ZodConfig['localeError']>>[0];

/** Dutch names of the value kinds zod reports (its Dutch locale leaves most in English). */
const KIND_NL: Record<string, string> = {
  number: 'getal',
  int: 'geheel getal',
  bigint: 'geheel getal',
  nan: 'geen getal',
  string: 'tekst',
  boolean: 'ja of nee',
  array: 'lijst',
  object: 'object',
  date: 'datum',
  null: 'leeg (null)',
  undefined: 'niets',
};

/**
 * Dutch messages for the issues whose text in zod's Dutch locale is half English ("verwacht dat
 * number >=5 is"): sizes and bounds, a value of the wrong kind, unknown fields. Undefined for the rest.
 */
function dutchMessage(issue: Issue): string | undefined {
  const bound = (n: unknown) => (n instanceof Date ? n.toISOString().slice(0, 10) : String(n));
  switch (issue.code) {
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const limit = bound(small ? issue.minimum : issue.maximum);
      const inclusive = issue.inclusive !== false;
      const at = small ? (inclusive ? 'minstens' : 'meer dan') : inclusive ? 'hoogstens' : 'minder dan';
      if (issue.origin === 'string') return `${small ? 'te kort' : 'te lang'}: ${at} ${limit} ${limit === '1' ? 'teken' : 'tekens'}`;
      if (issue.origin === 'array' || issue.origin === 'set') return `${small ? 'te weinig' : 'te veel'}: ${at} ${limit}`;
      if (issue.origin === 'date')
        return `${small ? 'te vroeg' : 'te laat'}: ${small ? (inclusive ? 'op of na' : 'na') : inclusive ? 'op of voor' : 'voor'} ${limit}`;
      return `${small ? 'te klein' : 'te groot'}: ${at} ${limit}`;
    }
    case 'invalid_type':
      return `verwacht ${KIND_NL[issue.expected] ?? issue.expected}`;
    case 'unrecognized_keys':
      return `onbekend veld: ${issue.keys.join(', ')}`;
    default:
      return undefined;
  }
}

/** The message of one zod issue in `language`; a missing value (`input` undefined, also of an enum) is "is verplicht" / "is required". */
export function validationMessage(language: 'nl' | 'en', issue: Issue): string {
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && issue.input === undefined) return REQUIRED[language];
  if (language === 'nl') {
    const own = dutchMessage(issue);
    if (own !== undefined) return own;
  }
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
