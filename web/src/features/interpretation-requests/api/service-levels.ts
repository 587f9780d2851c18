import { type ServiceLevelTargets, ServiceLevelTargetsSchema } from '@duidingspool/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/mutation.ts';
import { queryRoots } from '../../../lib/query-roots.ts';

const key = [queryRoots.requests, 'service-levels'] as const;

/** `GET /service-levels` (coordinator): the service-level targets. */
export function useServiceLevels() {
  return useQuery(queryOptions({ queryKey: key, queryFn: ({ signal }) => apiRequest('/service-levels', { schema: ServiceLevelTargetsSchema, signal }) }));
}

/** `PUT /service-levels`: replaces the targets; refreshes the requests (their clocks). */
export function useUpdateServiceLevels() {
  return useRefreshingMutation(
    (body: ServiceLevelTargets) => apiRequest('/service-levels', { method: 'PUT', body, schema: ServiceLevelTargetsSchema }),
    [queryRoots.requests],
  );
}
