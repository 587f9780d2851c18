import { keepPreviousData, type QueryKey, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { type ApiRequestOptions, apiRequest } from './api-client.ts';

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
