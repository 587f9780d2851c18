import { keepPreviousData, type QueryKey, queryOptions } from '@tanstack/react-query';
import { useState } from 'react';
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
 * The page a list screen shows, from 1, with its setter named as `PagedList` takes it, so a list
 * screen spreads it: `const paging = usePaging(); useX({ page: paging.page, … }); <PagedList {...paging} …>`.
 */
export function usePaging(): { page: number; onPageChange: (page: number) => void } {
  const [page, onPageChange] = useState(1);
  return { page, onPageChange };
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
