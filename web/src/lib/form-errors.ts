import type { SummaryError } from '../components/error-summary.tsx';
import { ApiError } from './api-client.ts';

/**
 * The server's field errors (`errors[].pointer` of a problem) for the fields this form has, keyed by
 * field; other pointers are left to the general message.
 */
export function serverFieldErrors<F extends string>(error: unknown, ids: Record<F, string>): Partial<Record<F, string>> {
  const out: Partial<Record<F, string>> = {};
  if (!(error instanceof ApiError)) return out;
  for (const [key, message] of Object.entries(error.fieldErrors)) if (key in ids) out[key as F] = message;
  return out;
}

/** The error summary's entries, in the form's field order, for the fields that have an error. */
export function summaryOf<F extends string>(ids: Record<F, string>, labels: Record<F, string>, errors: Partial<Record<F, string>>): SummaryError[] {
  return (Object.keys(ids) as F[]).filter((k) => errors[k]).map((k) => ({ fieldId: ids[k], label: labels[k], message: errors[k] ?? '' }));
}
