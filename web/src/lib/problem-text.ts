import { retryWait, type validationMessage as ValidationMessage } from '@duidingspool/shared';
import type { i18n as I18n } from 'i18next';
import { formatDate, formatMonth } from './format.ts';

/** One field error of a problem as the client reads it (`errors[]`, decision 120). */
export interface FieldErrorLike {
  in?: 'body' | 'query' | 'path' | undefined;
  pointer: string;
  message: string;
  code?: string | undefined;
  params?: Record<string, unknown> | undefined;
}

/** The members of a problem the UI writes its message from; `detail` only as the last fallback. */
export interface ProblemLike {
  type: string;
  status: number;
  detail: string;
  /** Figures of a refusal about a year (the financial statement). */
  year?: number | undefined;
  openMonths?: string[] | undefined;
  undecidedEntries?: number | undefined;
  /** With `rate-limited`: the seconds to wait. */
  retryAfterSeconds?: number | undefined;
  errors?: FieldErrorLike[] | undefined;
}

/** zod's issue codes: a field error with one of these is written by zod's locale of the UI's language. */
export const ZOD_CODES = new Set([
  'invalid_type',
  'too_big',
  'too_small',
  'invalid_format',
  'not_multiple_of',
  'unrecognized_keys',
  'invalid_union',
  'invalid_key',
  'invalid_element',
  'invalid_value',
  'custom',
]);

/** zod's message of an issue code in a language (shared/src/zod-locale.ts), once loaded with zod (`loadValidationMessages`). */
let validationMessage: typeof ValidationMessage | undefined;
let validationMessagesLoaded: Promise<void> | undefined;

/** Makes `fieldErrorText` write zod's own message for a zod issue code; called by `zod-language.ts` when zod arrives. */
export function setValidationMessages(messages: typeof ValidationMessage): void {
  validationMessage = messages;
}

/**
 * Loads zod's messages (with zod, `zod-language.ts`), once; the pages load them with their code, and
 * `apiRequest` awaits them before it shows a problem whose field errors carry a zod issue code. The
 * first page thus needs no zod until such an answer arrives.
 */
export function loadValidationMessages(): Promise<void> {
  validationMessagesLoaded ??= import('./zod-language.ts').then(() => undefined);
  return validationMessagesLoaded;
}

/** The UI's language as `nl` or `en` (anything not English is Dutch). */
export const uiLanguage = (i18n: Pick<I18n, 'language'>): 'nl' | 'en' => (i18n.language?.startsWith('en') ? 'en' : 'nl');

/** The last named segment of a JSON pointer (`/body/items/0/reason` → `reason`, `''` for the whole request). */
export function pointerToField(pointer: string): string {
  const segments = pointer.split('/').filter((s) => s !== '' && !/^\d+$/.test(s));
  // A leading `body` names where the input was (`/body/question`); alone it is the field `body` (a message, an advice).
  if (segments[0] === 'body' && segments.length > 1) segments.shift();
  return (segments[segments.length - 1] ?? '').replace(/~1/g, '/').replace(/~0/g, '~');
}

/**
 * The name of a field in the UI's language (`fieldNames.<field>`); a field the UI has no name for
 * is "een veld" / "a field", never its JSON pointer.
 */
export function fieldName(i18n: I18n, pointer: string): string {
  const field = pointerToField(pointer);
  if (!field) return i18n.t('fieldNames.request');
  const key = `fieldNames.${field}`;
  return i18n.exists(key) ? i18n.t(key) : i18n.t('fieldNames.unknown');
}

/**
 * The message of one field error in the UI's language: by its `code` (`fieldErrors.<code>` with its
 * `params`, or zod's own message for a zod issue code), else, in Dutch only, the server's Dutch
 * message (a short phrase such as "al in gebruik", never a pointer); in English a general "is not valid".
 */
export function fieldErrorText(i18n: I18n, e: FieldErrorLike): string {
  const language = uiLanguage(i18n);
  const params = e.params ?? {};
  if (e.code) {
    const key = `fieldErrors.${e.code}`;
    if (e.code === 'personal-data' && Array.isArray(params.kinds)) {
      const kinds = (params.kinds as unknown[]).map((k) => i18n.t(`personalData.kind.${String(k)}`));
      return i18n.t(key, { kinds: kinds.join(` ${i18n.t('common.and')} `) });
    }
    if (e.code === 'overlap') return i18n.t(key, { from: formatDate(String(params.startsOn ?? '')), to: formatDate(String(params.endsOn ?? '')) });
    if (i18n.exists(key)) return i18n.t(key, params as Record<string, string>);
    if (ZOD_CODES.has(e.code)) {
      const issue = { code: e.code, ...params, input: null, path: [], message: '' } as unknown as Parameters<typeof ValidationMessage>[1];
      const message = validationMessage?.(language, issue);
      if (message) return message;
    }
  }
  if (language === 'nl' && e.message && !/\/[A-Za-z]/.test(e.message)) return e.message;
  return i18n.t('fieldErrors.invalid');
}

/** Options of `problemText`. */
export interface ProblemTextOptions {
  /** Fields a form shows its errors on: these are left out of the message. */
  except?: readonly string[];
}

/**
 * The user's message of a problem in the UI's language, built from its `type` (`problems.<type>`)
 * and its field errors named in words ("Omschrijving: is te lang");
 * the server's Dutch `detail` is used only for a type the UI does not know, and only when it names
 * no JSON pointer (decision 120).
 */
export function problemText(i18n: I18n, problem: ProblemLike, options: ProblemTextOptions = {}): string {
  const own = `problems.${problem.type}`;
  let message: string;
  // A refusal that carries its figures gets the sentence written for them.
  if (problem.openMonths?.length && problem.year !== undefined) {
    message = i18n.t('problemExtras.yearOpen', {
      year: problem.year,
      count: problem.openMonths.length,
      months: problem.openMonths.map((m) => formatMonth(m)).join(', '),
    });
  } else if (problem.undecidedEntries && problem.year !== undefined) {
    message = i18n.t('problemExtras.undecidedEntries', { year: problem.year, count: problem.undecidedEntries });
  } else if (problem.type === 'rate-limited' && problem.retryAfterSeconds) {
    const wait = retryWait(problem.retryAfterSeconds);
    message = i18n.t(wait.unit === 'seconds' ? 'problemExtras.retryInSeconds' : 'problemExtras.retryInMinutes', { count: wait.count });
  } else if (i18n.exists(own)) message = i18n.t(own);
  else if (problem.status === 401) message = i18n.t('problems.unauthenticated');
  else if (problem.status === 404) message = i18n.t('errors.notFound');
  else if (problem.status === 403) message = i18n.t('errors.forbidden');
  else if (problem.status >= 500) message = i18n.t('errors.server');
  else if (uiLanguage(i18n) === 'nl' && problem.detail && !/\/[A-Za-z]/.test(problem.detail)) message = problem.detail;
  else message = i18n.t('errors.unexpected');
  const except = new Set(options.except ?? []);
  const fields = (problem.errors ?? [])
    .filter((e) => !except.has(pointerToField(e.pointer)))
    .map((e) => i18n.t('problemExtras.field', { field: fieldName(i18n, e.pointer), message: fieldErrorText(i18n, e).replace(/\.\s*$/, '') }));
  const unique = [...new Set(fields)];
  return unique.length > 0 ? `${message} ${unique.join(' ')}` : message;
}
