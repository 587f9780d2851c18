import { CapacityViewSchema } from '@duidingspool/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryRoots } from '../../../lib/query-roots.ts';

/** `GET /specialists/capacity` (coordinator): capacity per week for the coming eight weeks. */
export function useCapacityView() {
  return useQuery(
    queryOptions({
      queryKey: [queryRoots.specialists, 'capacity'],
      queryFn: ({ signal }) => apiRequest('/specialists/capacity', { schema: CapacityViewSchema, signal }),
    }),
  );
}
