import { type QueryClient, type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from './api-client.ts';
import type { queryRoots } from './query-roots.ts';

/** One root segment of the query keys (`query-roots.ts`). */
export type QueryRoot = (typeof queryRoots)[keyof typeof queryRoots];

/**
 * A mutation that, once the server accepted it, marks every query under the `stale` roots (or under
 * a longer key prefix, e.g. a resource's `lists()`) for a refetch (without waiting for it). `onSuccess` runs first, e.g. to put the answer in the cache.
 * Errors reach the caller unchanged (an `ApiError` with the problem, or a network `TypeError`).
 * A refusal because the thing changed or went meanwhile (409, 404: someone else acted first) also
 * refreshes them, so the page stops offering what the server no longer allows.
 */
export function useRefreshingMutation<TVariables, TData>(
  mutationFn: (variables: TVariables) => Promise<TData>,
  stale: readonly (QueryRoot | QueryKey)[],
  onSuccess?: (data: TData, queryClient: QueryClient) => void,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (data) => {
      onSuccess?.(data, queryClient);
      for (const key of stale) void queryClient.invalidateQueries({ queryKey: typeof key === 'string' ? [key] : key });
    },
    onError: (error) => {
      if (!(error instanceof ApiError) || (error.status !== 409 && error.status !== 404)) return;
      for (const key of stale) void queryClient.invalidateQueries({ queryKey: typeof key === 'string' ? [key] : key });
    },
  });
}
