import { ServiceClockListSchema } from '@duidingspool/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryRoots } from '../../../lib/query-roots.ts';

/** `GET /interpretation-requests/{id}/clocks`: the request's running service-level clocks (decision 102). */
export function useClocks(requestId: string) {
  return useQuery(
    queryOptions({
      // Under the requests' root: every change of the request (or its assignments) refreshes the clocks.
      queryKey: [queryRoots.requests, 'clocks', requestId],
      queryFn: ({ signal }) => apiRequest(`/interpretation-requests/${encodeURIComponent(requestId)}/clocks`, { schema: ServiceClockListSchema, signal }),
    }),
  );
}
