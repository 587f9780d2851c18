import { ProblemSchema, REQUEST_ID_PATTERN } from '@duidingspool/shared';
import { z } from 'zod';
import { i18next } from './i18n.ts';
import { fieldErrorText, pointerToField } from './problem-text.ts';

/**
 * The problem details as the client reads them: the shared `ProblemSchema`, tolerant of a field
 * error without its `in` member and of a missing `requestId` (then the `X-Request-Id` header is
 * used), so a slightly different answer still shows its `detail`.
 */
const ClientProblemSchema = ProblemSchema.extend({
  requestId: z.string().optional(),
  errors: z
    .array(
      z.object({
        in: z.enum(['body', 'query', 'path']).optional(),
        pointer: z.string(),
        message: z.string(),
        code: z.string().optional(),
        params: z.record(z.string(), z.unknown()).optional(),
      }),
    )
    .optional(),
});

/** RFC 9457 problem details of a failed API call. */
export type Problem = z.infer<typeof ClientProblemSchema>;

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

/** Options of one API call. */
export interface ApiRequestOptions<S extends z.ZodType | undefined> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Schema that parses the JSON response; omit for a 204 answer. */
  schema?: S;
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
  const parsed = ClientProblemSchema.safeParse(payload);
  if (parsed.success) return { ...parsed.data, requestId: parsed.data.requestId ?? requestId };
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
 * Calls the API with the session cookie and parses the answer with `schema`.
 * @throws ApiError for every non-2xx answer (with the parsed problem details)
 */
export async function apiRequest<S extends z.ZodType | undefined = undefined>(
  path: string,
  options: ApiRequestOptions<S> = {},
): Promise<S extends z.ZodType ? z.infer<S> : undefined> {
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
  return schema.parse(json) as never;
}

/** True when `error` is an ApiError of the given problem type. */
export function isProblem(error: unknown, type: string): error is ApiError {
  return error instanceof ApiError && error.type === type;
}
