import { z } from 'zod';

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
  'unsupported-media-type': 415,
  'payload-too-large': 413,
  'rate-limited': 429,
  'second-factor-required': 401,
  'second-factor-enrolment-required': 403,
  'weak-password': 400,
  'invalid-token': 400,
  'uri-too-long': 414,
  'internal-error': 500,
  'service-unavailable': 503,
} as const;

export type ProblemType = keyof typeof PROBLEM_TYPES;

/** One offending input: where, a JSON pointer (RFC 6901) into that part, and a Dutch message. */
export const ProblemFieldErrorSchema = z.object({
  /** Where the input was: the JSON body, the query string or the path. */
  in: z.enum(['body', 'query', 'path']),
  pointer: z.string(),
  message: z.string(),
  /** A stable code for a message the UI shows in its own language (e.g. `invisible-characters`). */
  code: z.string().optional(),
});
export type ProblemFieldError = z.infer<typeof ProblemFieldErrorSchema>;

/**
 * RFC 9457 problem details as every 4xx/5xx answers them. `errors` names each offending field;
 * `availableCents` accompanies `budget-exceeded` (docs/design.md §5).
 */
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z.array(ProblemFieldErrorSchema).optional(),
    availableCents: z.number().int().optional(),
    remainingMinutes: z.number().int().optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof ProblemSchema>;
