// The web tests' stand-in for the API and how they render a form: a stubbed `fetch` (by a function
// of each call, or by answers in turn), problem+json refusals of one field, and a render with a
// query client without retries and a router.
import type { ProblemFieldError } from '@duidingspool/shared';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { vi } from 'vitest';
import { i18next } from '../lib/i18n.ts';
import { fieldErrorText } from '../lib/problem-text.ts';

/** One call the stubbed API received: its method, path below `/api/v1` and JSON body. */
export interface ApiCall {
  method: string;
  path: string;
  body: unknown;
}

/** A JSON answer (a problem+json one from status 400 on). */
export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } });

/** The server's refusal of one field (`/pointer`), as its validation answers: 400 with `errors[]`. */
export function fieldProblem(error: Omit<ProblemFieldError, 'in'>) {
  const problem = refusal(error.pointer, error.message);
  return json({ ...problem, errors: [{ in: 'body', ...error }] }, 400);
}

/** The text a field shows for the server's field error `error` (the client's own wording, decision 120). */
export const serverFieldText = (error: Omit<ProblemFieldError, 'in'>) => fieldErrorText(i18next, { in: 'body', ...error });

/**
 * Stubs `fetch` for the API: `answer` gets each call and returns the response (or `undefined` for
 * an empty 200). Returns the calls as they came.
 */
export function stubApi(answer: (call: ApiCall) => Response | undefined): ApiCall[] {
  const calls: ApiCall[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string | URL, init?: RequestInit) => {
      const path = new URL(String(url), 'http://localhost').pathname.replace(/^\/api\/v1/, '');
      const call = { method: init?.method ?? 'GET', path, body: init?.body ? JSON.parse(String(init.body)) : undefined };
      calls.push(call);
      return answer(call) ?? json({});
    }),
  );
  return calls;
}

/**
 * Renders a form as the app does (a query client without retries, a router at `path`) and gives
 * the user-event driver of the test.
 */
export function renderForm(ui: ReactNode, { path = '/' }: { path?: string } = {}) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[path]}>{ui}</MemoryRouter>
    </QueryClientProvider>,
  );
  return userEvent.setup();
}

/** A problem+json answer of status 400 that refuses one body field by its JSON pointer (`/name`), with the server's message. */
export function refusal(pointer: string, message: string, part: 'body' | 'query' = 'body') {
  return {
    type: 'validation-failed',
    title: 'Ongeldige invoer',
    status: 400,
    detail: `Ongeldige invoer in ${pointer}`,
    requestId: 'r-test',
    errors: [{ in: part, pointer, message }],
  };
}

/** Answers every call with `body` as JSON (a problem when `status` is 400 or more); returns the mock to read the calls. */
export function stubAnswer(status: number, body: unknown) {
  return stubAnswers([status, body]);
}

/** Answers the calls in turn with these `[status, body]` pairs (the last one for every further call); returns the mock. */
export function stubAnswers(...answers: [number, unknown][]) {
  let next = 0;
  const fetch = vi.fn(async (_url: string, _init?: RequestInit) => {
    const [status, body] = answers[Math.min(next++, answers.length - 1)] ?? [500, null];
    return new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

/** The request body of the `n`-th call of a stubbed fetch, parsed. */
export function sentBody(fetch: ReturnType<typeof stubAnswer>, n = 0): unknown {
  const init = (fetch.mock.calls[n] as unknown[] | undefined)?.[1] as RequestInit | undefined;
  return init?.body ? JSON.parse(String(init.body)) : undefined;
}

/** The error message shown with the field labelled `label` (linked by `aria-describedby`), or null. */
export function errorOf(label: string | RegExp): string | null {
  const field = screen.getAllByLabelText(label).find((el) => ['INPUT', 'TEXTAREA', 'SELECT', 'FIELDSET'].includes(el.tagName));
  if (!field) throw new Error(`no field labelled ${String(label)}`);
  const ids = (field.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id.endsWith('-error'));
  return ids.length > 0 ? (document.getElementById(ids[0] ?? '')?.textContent ?? null) : null;
}

/** `renderForm` at `/`: a fresh query client (no retries) and a router, and a user to type and click with. */
export const renderWithApi = (ui: ReactNode) => renderForm(ui);
