import type { ProblemFieldError } from '@duidingspool/shared';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import type { ReactNode } from 'react';
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
  return json({ type: 'validation-failed', title: 'Ongeldige invoer', status: 400, detail: 'De invoer is ongeldig.', errors: [{ in: 'body', ...error }] }, 400);
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

/** Renders `ui` with a fresh query client (no retries) and gives a user to type and click with. */
export function renderWithApi(ui: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>);
  return userEvent.setup();
}
