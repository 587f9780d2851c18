import { z } from 'zod';
import { REQUEST_ID_PATTERN } from './first-load.ts';

/**
 * Stable problem `type`s (RFC 9457) the API answers with. The `type` member carries the bare slug
 * (a relative URI reference), e.g. `"budget-exceeded"`; clients switch on it. docs/design.md §7.
 */
export const PROBLEM_TYPES = {
  'validation-failed': 400,
  'personal-data-detected': 422,
  unauthenticated: 401,
  forbidden: 403,
  'separation-of-duties': 403,
  'not-found': 404,
  'invalid-transition': 409,
  'budget-exceeded': 409,
  'estimate-exceeded': 409,
  'no-rate': 409,
  'no-budget': 409,
  conflict: 409,
  'period-closed': 409,
  'day-limit-exceeded': 409,
  'correction-too-large': 409,
  'idempotency-key-reused': 409,
  'specialist-inactive': 409,
  'screening-expired': 409,
  'specialist-absent': 409,
  'conflict-of-interest': 409,
  'in-use': 409,
  retired: 409,
  'unsupported-media-type': 415,
  'payload-too-large': 413,
  'rate-limited': 429,
  'second-factor-required': 401,
  'second-factor-enrolment-required': 403,
  'weak-password': 400,
  'invalid-token': 400,
  'uri-too-long': 414,
  'request-timeout': 408,
  'headers-too-large': 431,
  'internal-error': 500,
  'service-unavailable': 503,
} as const;

export type ProblemType = keyof typeof PROBLEM_TYPES;

/** A value of a field error's `params`: a primitive or a list of primitives. */
const FieldErrorParamSchema = z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number(), z.boolean()]))]);

/**
 * One offending input: where, a JSON pointer (RFC 6901) into that part, and a Dutch message. `code`
 * and `params` let a client write the message itself in its own language (decision 120): zod's issue
 * codes (`too_small`, `too_big`, `invalid_type`, `invalid_format`, `invalid_value`, …) with the
 * issue's limits in `params` (`minimum`, `maximum`, `origin`, `format`, `values`, …), `required` for
 * a missing value, `unknown-field`, `personal-data` (with `params.kinds`), `invisible-characters`,
 * and the service codes listed in `FIELD_ERROR_CODES`.
 */
export const ProblemFieldErrorSchema = z.object({
  /** Where the input was: the JSON body, the query string or the path. */
  in: z.enum(['body', 'query', 'path']),
  pointer: z.string(),
  message: z.string(),
  /** A stable code for a message the UI shows in its own language (e.g. `invisible-characters`). */
  code: z.string().optional(),
  /** What the UI needs to write the message of `code` (e.g. `{ origin: 'string', maximum: 200 }`). */
  params: z.record(z.string(), FieldErrorParamSchema).optional(),
});

/**
 * Codes of field errors a service raises (beside zod's issue codes and `required`), each with a
 * message in both locale files (`fieldErrors.<code>`); a test checks both have them.
 */
export const FIELD_ERROR_CODES = [
  'required',
  'unknown-field',
  'personal-data',
  'invisible-characters',
  'email-in-use',
  'incorrect',
  'retired',
  'not-editable',
  'specialist-inactive',
  'own-entry',
  'overlap',
  'before-start',
  'below-lines',
  'lines-above-year',
  'other-year',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

export { REQUIRED_MESSAGE } from './first-load.ts';
export type ProblemFieldError = z.infer<typeof ProblemFieldErrorSchema>;

export { REQUEST_ID_PATTERN } from './first-load.ts';

/**
 * RFC 9457 problem details as every 4xx/5xx answers them. Three kinds of message, kept apart:
 * `type` is the error code (a stable slug, for programs and for the web's own text per type),
 * `title` and `detail` are the user's message (Dutch, safe to show), and the operator's message
 * is never sent: it is in the server's log line carrying the same `requestId`. `errors` names each
 * offending field; `availableCents` accompanies `budget-exceeded` (docs/design.md §5).
 */
export const ProblemSchema = z
  .object({
    type: z.string().meta({ description: 'Stable problem type (error code), a bare slug.' }),
    title: z.string().meta({ description: 'Short Dutch summary of the type, safe to show.' }),
    status: z.number().int(),
    detail: z.string().meta({ description: 'Dutch sentence for the user about this occurrence, safe to show.' }),
    instance: z.string().optional().meta({ description: 'The path of the request (without the query string).' }),
    requestId: z.string().regex(REQUEST_ID_PATTERN).meta({
      description:
        'Id of the request, the same as the `X-Request-Id` response header and the `requestId` of the server log lines: quote it to support. An incoming `X-Request-Id` matching `^[A-Za-z0-9._-]{1,64}$` is kept, any other replaced.',
    }),
    errors: z.array(ProblemFieldErrorSchema).optional(),
    availableCents: z.number().int().optional(),
    /** With `budget-exceeded` when a budget line (not the year) has no room: that line (decision 094). */
    budgetLineId: z.string().optional(),
    remainingMinutes: z.number().int().optional(),
    /** With a refusal about a year (the financial statement): the year, and its months still open (`YYYY-MM`). */
    year: z.number().int().optional(),
    openMonths: z.array(z.string()).optional(),
    /** With a refusal because hours still wait for a decision: how many. */
    undecidedEntries: z.number().int().optional(),
    /** With `rate-limited`: seconds until another attempt may succeed, the same as the `Retry-After` header. */
    retryAfterSeconds: z.number().int().optional(),
    usedBy: z
      .array(z.string())
      .optional()
      .meta({ description: 'With `in-use`: what still uses the item, one Dutch line each (e.g. "2 open aanvragen (DP-2026-0001, DP-2026-0002)").' }),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof ProblemSchema>;
