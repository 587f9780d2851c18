import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { ApiError } from './api-client.ts';
import { useRefreshingMutation } from './mutation.ts';

/** A client whose one query under `time-entries` counts how often it was fetched. */
function setup() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  let fetches = 0;
  void client.prefetchQuery({ queryKey: ['time-entries', 'list'], queryFn: async () => ++fetches });
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
  return { client, wrapper, fetches: () => fetches };
}

const problem = (status: number, type: string) =>
  new ApiError({ type, title: type, status, detail: type, instance: '/x', requestId: '00000000-0000-4000-8000-000000000000' });

describe('useRefreshingMutation', () => {
  it.each([
    [409, 'invalid-transition', true],
    [404, 'not-found', true],
    [400, 'validation-failed', false],
    [403, 'forbidden', false],
  ])('after a %i %s the affected lists %s refetched', async (status, type, refreshed) => {
    const { client, wrapper, fetches } = setup();
    await waitFor(() => expect(fetches()).toBe(1));
    const { result } = renderHook(() => useRefreshingMutation(async () => Promise.reject(problem(status, type)), ['time-entries']), { wrapper });
    await act(async () => {
      await result.current.mutateAsync(undefined).catch(() => undefined);
    });
    // An invalidated query that nobody observes is marked stale; an untouched one is not.
    expect(client.getQueryState(['time-entries', 'list'])?.isInvalidated).toBe(refreshed);
  });
});
