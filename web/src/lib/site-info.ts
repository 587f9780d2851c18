import { SiteInfoSchema } from '@duidingspool/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from './api-client.ts';

/** Query options of `GET /site-info` (public): the pool's contact and retention terms; they change only with the server's configuration. */
export const siteInfoQueryOptions = () =>
  queryOptions({
    queryKey: ['site-info'],
    queryFn: ({ signal }) => apiRequest('/site-info', { schema: SiteInfoSchema, signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });

/** The pool's contact and retention terms, for the footer and the statements (also before login). */
export function useSiteInfo() {
  return useQuery(siteInfoQueryOptions());
}
