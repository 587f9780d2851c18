import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { vi } from 'vitest';

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
