import { PROBLEM_TYPES, type ProblemFieldError, type ProblemType } from '@duidingspool/shared';

/**
 * An error a service throws on purpose. The error-handler plugin turns it into RFC 9457
 * problem+json with the stable `type`; `detail` is the user-facing Dutch message; `extra` adds
 * members such as `availableCents` (docs/design.md §5) or `errors` (field pointers).
 */
export class AppError extends Error {
  readonly status: number;
  /** Seconds for the `Retry-After` header of a 429 or 503 (not part of the problem body). */
  readonly retryAfterSeconds: number | undefined;
  constructor(
    readonly type: ProblemType,
    readonly detail: string,
    readonly extra: { errors?: ProblemFieldError[]; availableCents?: number; remainingMinutes?: number } = {},
    options: { retryAfterSeconds?: number } = {},
  ) {
    super(detail);
    this.name = 'AppError';
    this.status = PROBLEM_TYPES[type];
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** 404 `not-found`: also what another casustafel's request answers (docs/design.md §6). */
export const notFound = (what = 'Dit item') => new AppError('not-found', `${what} bestaat niet of u heeft er geen toegang toe.`);
/** 403 `forbidden`: the role may not use this route. */
export const forbidden = (detail = 'U heeft geen rechten voor deze actie.') => new AppError('forbidden', detail);
/** 409 `invalid-transition`. */
export const invalidTransition = (detail: string) => new AppError('invalid-transition', detail);
/** 400 `validation-failed` for one body field. */
export const invalidField = (pointer: string, message: string) =>
  new AppError('validation-failed', `Ongeldige invoer: ${message}`, { errors: [{ in: 'body', pointer, message }] });

/** Dutch titles per problem type. */
export const PROBLEM_TITLES: Record<ProblemType, string> = {
  'validation-failed': 'Ongeldige invoer',
  'personal-data-detected': 'Persoonsgegevens gevonden',
  unauthenticated: 'Niet ingelogd',
  forbidden: 'Geen toegang',
  'separation-of-duties': 'Niet voor uw eigen werk',
  'not-found': 'Niet gevonden',
  'invalid-transition': 'Deze statuswijziging is niet toegestaan',
  'budget-exceeded': 'Onvoldoende budget',
  'estimate-exceeded': 'Inschatting overschreden',
  'no-rate': 'Geen tarief',
  'no-budget': 'Geen budget voor dit jaar',
  conflict: 'Conflict',
  'period-closed': 'Periode afgesloten',
  'day-limit-exceeded': 'Meer dan 24 uur op één dag',
  'correction-too-large': 'Correctie groter dan het origineel',
  'idempotency-key-reused': 'Idempotency-Key al gebruikt voor andere invoer',
  'specialist-inactive': 'Specialist niet (meer) actief',
  'unsupported-media-type': 'Niet-ondersteund formaat',
  'payload-too-large': 'Verzoek te groot',
  'rate-limited': 'Te veel pogingen',
  'second-factor-required': 'Code uit de authenticator-app nodig',
  'second-factor-enrolment-required': 'Stel eerst tweestapsverificatie in',
  'weak-password': 'Wachtwoord niet sterk genoeg',
  'invalid-token': 'Link ongeldig of verlopen',
  'uri-too-long': 'Adres te lang',
  'internal-error': 'Interne fout',
  'service-unavailable': 'Dienst niet beschikbaar',
};
