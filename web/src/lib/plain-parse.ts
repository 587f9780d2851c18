import type { Problem as SharedProblem } from '@duidingspool/shared';
import type { FieldErrorLike } from './problem-text.ts';

/**
 * The problem details as the client reads them: the shared `ProblemSchema`, tolerant of a field
 * error without its `in` member and of a missing `requestId` (then the `X-Request-Id` header is
 * used), so a slightly different answer still shows its `detail`.
 */
export type Problem = Omit<SharedProblem, 'requestId' | 'errors'> & {
  requestId?: string | undefined;
  errors?: FieldErrorLike[] | undefined;
};

// Readers of the few answers the first page reads (a problem, the site's contact), written without
// zod so that page does not load it (docs/decisions/070-a-light-spa.md). Each reads as the zod
// schema of the contract does — members checked and copied, other members left out — and
// `plain-parse.test.ts` checks that against the schema.

/** An answer that does not have the shape its contract says. */
export class WrongShape extends Error {
  constructor() {
    super('The answer does not have the shape of its contract');
    this.name = 'WrongShape';
  }
}

/** True for a JSON object (not an array, not null). */
export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const fail = (): never => {
  throw new WrongShape();
};
/** A string, else `WrongShape`. */
export const str = (v: unknown): string => (typeof v === 'string' ? v : fail());
/** A safe integer (zod's `.int()`), else `WrongShape`. */
export const int = (v: unknown): number => (typeof v === 'number' && Number.isSafeInteger(v) ? v : fail());
/** An object read by `read`, else `WrongShape`. */
export const object = <T>(v: unknown, read: (o: Record<string, unknown>) => T): T => (isObject(v) ? read(v) : fail());
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(str) : fail());
const part = (v: unknown): 'body' | 'query' | 'path' => (v === 'body' || v === 'query' || v === 'path' ? v : fail());
const record = (v: unknown): Record<string, unknown> => (isObject(v) ? { ...v } : fail());

/** Sets `out[key]` to `read(from[key])` when `from` has the key (zod's optional member: present means checked). */
function optional<T>(out: Record<string, unknown>, from: Record<string, unknown>, key: string, read: (v: unknown) => T): void {
  if (key in from) out[key] = read(from[key]);
}

function fieldError(v: unknown): FieldErrorLike {
  if (!isObject(v)) return fail();
  const out: Record<string, unknown> = {};
  optional(out, v, 'in', part);
  out.pointer = str(v.pointer);
  out.message = str(v.message);
  optional(out, v, 'code', str);
  optional(out, v, 'params', record);
  return out as unknown as FieldErrorLike;
}

/**
 * A problem body read as the client's problem schema would (`Problem` above: the shared
 * `ProblemSchema` with `requestId` optional and a field error's `in` optional): its members checked
 * and copied, other members left out; `null` when a member has the wrong type or a required one is
 * missing.
 */
export function readProblemBody(payload: unknown): Problem | null {
  if (!isObject(payload)) return null;
  try {
    const out: Record<string, unknown> = {
      type: str(payload.type),
      title: str(payload.title),
      status: int(payload.status),
      detail: str(payload.detail),
    };
    optional(out, payload, 'instance', str);
    optional(out, payload, 'requestId', str);
    optional(out, payload, 'errors', (v) => (Array.isArray(v) ? v.map(fieldError) : fail()));
    optional(out, payload, 'availableCents', int);
    optional(out, payload, 'budgetLineId', str);
    optional(out, payload, 'remainingMinutes', int);
    optional(out, payload, 'year', int);
    optional(out, payload, 'openMonths', strings);
    optional(out, payload, 'undecidedEntries', int);
    optional(out, payload, 'retryAfterSeconds', int);
    optional(out, payload, 'usedBy', strings);
    return out as Problem;
  } catch (error) {
    if (error instanceof WrongShape) return null;
    throw error;
  }
}
