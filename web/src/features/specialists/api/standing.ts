import { type PutStandingSpecialistsBody, StandingSpecialistListSchema } from '@duidingspool/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/mutation.ts';
import { queryRoots } from '../../../lib/query-roots.ts';

const path = (caseTableId: string) => `/case-tables/${encodeURIComponent(caseTableId)}/standing-specialists`;
const key = (caseTableId: string) => [queryRoots.specialists, 'standing', caseTableId] as const;

/** `GET /case-tables/{id}/standing-specialists` (coordinator); not asked while no casustafel is chosen. */
export function useStandingSpecialists(caseTableId: string) {
  return useQuery(
    queryOptions({
      queryKey: key(caseTableId),
      queryFn: ({ signal }) => apiRequest(path(caseTableId), { schema: StandingSpecialistListSchema, signal }),
      enabled: caseTableId !== '',
    }),
  );
}

/** Replaces the standing specialists of a casustafel; refreshes the specialists (suggestions rank them first). */
export function usePutStandingSpecialists(caseTableId: string) {
  return useRefreshingMutation(
    (body: PutStandingSpecialistsBody) => apiRequest(path(caseTableId), { method: 'PUT', body, schema: StandingSpecialistListSchema }),
    [queryRoots.specialists],
  );
}
