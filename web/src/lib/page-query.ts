import { keepPreviousData, type QueryKey, queryOptions } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import { type ApiRequestOptions, apiRequest } from './api-client.ts';
import type { QueryRoot } from './mutation.ts';

/**
 * Query options of one page of a list endpoint (`GET` answered by the server's `page()`:
 * `{ items, page, pageSize, total }`): the answer is parsed with `schema` (a `pageOf(…)` schema),
 * and the previous page stays on screen while the next one loads. Empty query values are left out.
 */
export function pageQueryOptions<S extends z.ZodType>(queryKey: QueryKey, path: string, schema: S, query: ApiRequestOptions<S>['query']) {
  return queryOptions({
    queryKey,
    queryFn: ({ signal }) => apiRequest(path, { query, schema, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The paging parameters every list endpoint takes (`page` from 1; `pageSize` up to the API's limit). */
export interface PageParams {
  page: number;
  pageSize: number;
}

/**
 * One value of a list screen kept in the address (`?status=…&sort=…&page=2`), so a reload, a
 * shared link and the back button keep the filters, sorting, search and page: the value of `key`,
 * else `fallback`, and its setter (the fallback and `''` leave the parameter out; `reset` names
 * parameters to drop in the same step, such as the page when a filter changes; the history is
 * replaced, not pushed, so Back leaves the list instead of undoing each filter).
 */
export function useUrlState(key: string, fallback = ''): [string, (value: string, reset?: readonly string[]) => void] {
  const [params, setParams] = useSearchParams();
  const value = params.get(key) ?? fallback;
  // One update per change: two calls in one handler would each start from the same address.
  const set = (next: string, reset: readonly string[] = []) =>
    setParams(
      (current) => {
        const out = new URLSearchParams(current);
        for (const other of reset) out.delete(other);
        if (next === '' || next === fallback) out.delete(key);
        else out.set(key, next);
        return out;
      },
      { replace: true },
    );
  return [value, set];
}

/**
 * The page a list screen shows, from 1, kept in the address under `key` (`page` by default; a
 * screen with several lists names each), with its setter named as `PagedList` takes it, so a list
 * screen spreads it: `const paging = usePaging(); useX({ page: paging.page, … }); <PagedList {...paging} …>`.
 */
export function usePaging(key = 'page'): { page: number; onPageChange: (page: number) => void } {
  const [value, setValue] = useUrlState(key, '1');
  const parsed = Number.parseInt(value, 10);
  const page = Number.isFinite(parsed) && parsed >= 1 ? parsed : 1;
  return { page, onPageChange: (next: number) => setValue(String(next)) };
}

/**
 * The query keys of a resource with a list and details, under its root (`query-roots.ts`):
 * `all` (everything of it), `lists()`, `list(params)` and `detail(id)`. A feature adds its own keys
 * beside these.
 */
export function listKeys<R extends QueryRoot, P>(root: R) {
  return {
    all: [root] as const,
    lists: () => [root, 'list'] as const,
    list: (params: P) => [root, 'list', params] as const,
    detail: (id: string) => [root, 'detail', id] as const,
  };
}
