import { PROBLEM_TYPES, type ProblemFieldError, type ProblemType } from '@duidingspool/shared';

/** What an AppError carries for the operator only: logged with the request id, never sent. */
export interface OperatorInfo {
  /** Seconds for the `Retry-After` header of a 429 or 503 (not part of the problem body). */
  retryAfterSeconds?: number;
  /**
   * The operator's message: why the server refused, in terms the user must not see (which check of
   * the access token failed, which lock was taken). English, one line, no case content, no secrets.
   */
  log?: string;
  /** The underlying error (a database or mail error); logged as `safeError(cause)`, never its message. */
  cause?: unknown;
}

/**
 * An error a service throws on purpose. Three messages, kept apart (decision 053):
 * - the error code: `type`, the stable slug a client switches on (shared/src/problems.ts);
 * - the user's message: `detail`, a Dutch sentence safe to show (the web shows its own text per
 *   `type` where it has one); `extra` adds members such as `availableCents` (docs/design.md §5) or
 *   `errors` (field pointers);
 * - the operator's message: `operator.log` and `operator.cause`, written to the log line of the
 *   request (with its `requestId`) and never into the answer.
 * The error-handler plugin turns it into RFC 9457 problem+json.
 */
export class AppError extends Error {
  readonly status: number;
  /** Seconds for the `Retry-After` header of a 429 or 503 (not part of the problem body). */
  readonly retryAfterSeconds: number | undefined;
  /** The operator's message (logged only). */
  readonly operatorMessage: string | undefined;
  constructor(
    readonly type: ProblemType,
    readonly detail: string,
    readonly extra: {
      errors?: ProblemFieldError[];
      availableCents?: number;
      budgetLineId?: string;
      remainingMinutes?: number;
      usedBy?: string[];
      year?: number;
      openMonths?: string[];
      undecidedEntries?: number;
      retryAfterSeconds?: number;
    } = {},
    operator: OperatorInfo = {},
  ) {
    super(detail, operator.cause === undefined ? undefined : { cause: operator.cause });
    this.name = 'AppError';
    this.status = PROBLEM_TYPES[type];
    this.retryAfterSeconds = operator.retryAfterSeconds;
    this.operatorMessage = operator.log;
  }
}

/** 404 `not-found`: also what another casustafel's request answers (docs/design.md §6). */
export const notFound = (what = 'Dit item') => new AppError('not-found', `${what} bestaat niet of u heeft er geen toegang toe.`);
/** 403 `forbidden`: the role may not use this route; `log` is the operator's message (logged only). */
export const forbidden = (detail = 'U heeft geen rechten voor deze actie.', log?: string) =>
  new AppError('forbidden', detail, {}, log === undefined ? {} : { log });
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
  'screening-expired': 'Geen geldige screening (VOG)',
  'specialist-absent': 'Specialist afwezig',
  'conflict-of-interest': 'Belangenverstrengeling gemeld',
  'in-use': 'Nog in gebruik',
  retired: 'Opgeheven',
  'unsupported-media-type': 'Niet-ondersteund formaat',
  'payload-too-large': 'Verzoek te groot',
  'rate-limited': 'Te veel pogingen',
  'second-factor-required': 'Code uit de authenticator-app nodig',
  'second-factor-enrolment-required': 'Stel eerst tweestapsverificatie in',
  'weak-password': 'Wachtwoord niet sterk genoeg',
  'invalid-token': 'Link ongeldig of verlopen',
  'uri-too-long': 'Adres te lang',
  'request-timeout': 'Verzoek duurde te lang',
  'headers-too-large': 'Headers te groot',
  'internal-error': 'Interne fout',
  'service-unavailable': 'Dienst niet beschikbaar',
};
