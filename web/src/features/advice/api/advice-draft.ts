import { AdviceDraftSchema, type SaveAdviceDraftBody } from '@duidingspool/shared';
import { useMutation, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryRoots } from '../../../lib/query-roots.ts';

const draftKey = (requestId: string) => [queryRoots.requests, 'advice-draft', requestId] as const;
const path = (requestId: string) => `/interpretation-requests/${encodeURIComponent(requestId)}/advice-draft`;

/** `GET …/advice-draft`: the advice as saved so far (version 0 before the first save). Read once per page. */
export function useAdviceDraft(requestId: string) {
  return useQuery({
    queryKey: draftKey(requestId),
    queryFn: ({ signal }) => apiRequest(path(requestId), { schema: AdviceDraftSchema, signal }),
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
}

/** `PUT …/advice-draft` with the version last seen: the autosave (409 `conflict` when another tab saved meanwhile). */
export function useSaveAdviceDraft(requestId: string) {
  return useMutation({
    mutationFn: (body: SaveAdviceDraftBody) => apiRequest(path(requestId), { method: 'PUT', body, schema: AdviceDraftSchema }),
  });
}
