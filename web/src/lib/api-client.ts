import { REQUEST_ID_PATTERN } from '@duidingspool/shared';
import type { z } from 'zod';
import { i18next } from './i18n.ts';
import { type Problem, readProblemBody } from './plain-parse.ts';
import { fieldErrorText, loadValidationMessages, pointerToField, ZOD_CODES } from './problem-text.ts';

export type { Problem };

/** Base path of the API (docs/design.md §7). */
export const API_BASE = '/api/v1';

/** An API answer that is not 2xx, carrying the RFC 9457 problem details. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }

  /** The problem `type` slug, e.g. `budget-exceeded`. */
  get type(): string {
    return this.problem.type.replace(/^.*\//, '');
  }

  /** The id of the failed request, for the user to quote to support (the server logs it too). */
  get requestId(): string | undefined {
    return this.problem.requestId;
  }

  /**
   * Field messages keyed by the last segment of their JSON pointer (`/question` → `question`), in
   * the UI's language (`fieldErrorText`: by the error's `code` and `params`; decision 120).
   */
  get fieldErrors(): Record<string, string> {
    return this.fieldErrorsIn('body');
  }

  /**
   * As `fieldErrors`, for the errors of one part of the request: `body` (also errors that name no
   * part) or `query` (a form whose values go in the address, such as the report's period).
   */
  fieldErrorsIn(part: 'body' | 'query'): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem.errors ?? []) {
      if (part === 'body' ? e.in && e.in !== 'body' : e.in !== 'query') continue;
      const key = pointerToField(e.pointer);
      if (key && !out[key]) out[key] = fieldErrorText(i18next, e);
    }
    return out;
  }
}

export { pointerToField };

type QueryValue = string | number | boolean | undefined | null | readonly string[];

/** What reads an answer: a zod schema of a contract, or a reader written without zod (`plain-parse.ts`). */
export type AnswerParser = z.ZodType | { parse: (json: unknown) => unknown };

/** What `parser` makes of an answer. */
export type Parsed<S> = S extends z.ZodType ? z.infer<S> : S extends { parse: (json: unknown) => infer T } ? T : undefined;

/** Options of one API call. */
export interface ApiRequestOptions<S extends AnswerParser | undefined> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  /**
   * Schema that parses the JSON response; omit for a 204 answer. Or a function that loads it, called
   * only for a successful answer: the first page's calls (`/me`, the login) use it, so zod and the
   * contracts are loaded only once there is something to parse (docs/decisions/070-a-light-spa.md).
   */
  schema?: S | (() => Promise<S>);
  signal?: AbortSignal;
  /** Extra request headers, e.g. `Idempotency-Key`. */
  headers?: Record<string, string>;
}

/** Builds `?a=1&b=x,y` from a record, leaving out empty values. */
export function toQueryString(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params.set(key, value.join(','));
    } else {
      params.set(key, String(value));
    }
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

async function readProblem(response: Response): Promise<Problem> {
  let payload: unknown;
  try {
    payload = await response.json();
  } catch {
    payload = undefined;
  }
  // Every answer of the server carries X-Request-Id; the problem body repeats it.
  const headerId = response.headers.get('X-Request-Id');
  const requestId = headerId && REQUEST_ID_PATTERN.test(headerId) ? headerId : undefined;
  const parsed = readProblemBody(payload);
  if (parsed) {
    if (parsed.errors?.some((e) => e.code !== undefined && ZOD_CODES.has(e.code))) await loadValidationMessages();
    return { ...parsed, requestId: parsed.requestId ?? requestId };
  }
  const loose = (payload ?? {}) as Partial<Record<'type' | 'title' | 'detail', unknown>>;
  return {
    type: typeof loose.type === 'string' ? loose.type : response.status === 401 ? 'unauthenticated' : 'about:blank',
    title: typeof loose.title === 'string' ? loose.title : response.statusText || 'Error',
    status: response.status,
    detail: typeof loose.detail === 'string' ? loose.detail : '',
    requestId,
  };
}

let refreshing: Promise<boolean> | null = null;

/**
 * Renews the access token with the rotating refresh cookie (`POST /sessions/current/refresh`).
 * Concurrent callers share one refresh, because a refresh token works only once.
 */
export function refreshSession(): Promise<boolean> {
  refreshing ??= fetch(`${API_BASE}/sessions/current/refresh`, { method: 'POST', credentials: 'same-origin' })
    .then((r) => r.ok)
    .catch(() => false)
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

/**
 * Calls the API with the session cookie and parses the answer with `schema` (zod's errors, or
 * `WrongShape`, when it does not fit).
 * @throws ApiError for every non-2xx answer (with the parsed problem details)
 */
export async function apiRequest<S extends AnswerParser | undefined = undefined>(path: string, options: ApiRequestOptions<S> = {}): Promise<Parsed<S>> {
  const { method = 'GET', query, body, schema, signal } = options;
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...options.headers };
  // A FormData body (a file upload) goes as multipart/form-data, with the boundary the browser sets.
  const form = body instanceof FormData;
  if (body !== undefined && !form) headers['Content-Type'] = 'application/json';
  const send = () =>
    fetch(`${API_BASE}${path}${toQueryString(query)}`, {
      method,
      headers,
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  let response = await send();
  // The access token lives 15 minutes: on a 401 renew it once with the refresh cookie and retry.
  if (response.status === 401 && !path.startsWith('/sessions') && (await refreshSession())) response = await send();
  if (!response.ok) throw new ApiError(await readProblem(response));
  if (!schema || response.status === 204) return undefined as never;
  const json: unknown = await response.json();
  const parser = (typeof schema === 'function' ? await schema() : schema) as AnswerParser;
  return parser.parse(json) as never;
}

/** True when `error` is an ApiError of the given problem type. */
export function isProblem(error: unknown, type: string): error is ApiError {
  return error instanceof ApiError && error.type === type;
}
