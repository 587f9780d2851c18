import type { SiteInfo } from '@duidingspool/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from './api-client.ts';
import { int, object, str } from './plain-parse.ts';

/**
 * `GET /site-info` read as `SiteInfoSchema` reads it, without zod: every page shows it, the login
 * page too, which loads no zod (docs/decisions/070-a-light-spa.md; `plain-parse.test.ts` checks it
 * against the schema).
 * @throws WrongShape when a member is missing or of another type
 */
export function readSiteInfo(json: unknown): SiteInfo {
  return object(json, (o) => ({
    contact: object(o.contact, (c) => ({
      name: str(c.name),
      email: str(c.email),
      phone: c.phone === null ? null : str(c.phone),
      hours: object(c.hours, (h) => ({ start: str(h.start), end: str(h.end) })),
    })),
    retention: object(o.retention, (r) => ({ caseContentMonths: int(r.caseContentMonths), ledgerYears: int(r.ledgerYears) })),
  }));
}

/** Query options of `GET /site-info` (public): the pool's contact and retention terms; they change only with the server's configuration. */
export const siteInfoQueryOptions = () =>
  queryOptions({
    queryKey: ['site-info'],
    queryFn: ({ signal }) => apiRequest('/site-info', { schema: { parse: readSiteInfo }, signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });

/** The pool's contact and retention terms, for the footer and the statements (also before login). */
export function useSiteInfo() {
  return useQuery(siteInfoQueryOptions());
}
