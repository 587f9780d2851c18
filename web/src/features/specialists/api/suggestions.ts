import { SuggestionListSchema } from '@duidingspool/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryRoots } from '../../../lib/query-roots.ts';

/** Query key of a request's suggestions: under the specialists' root, so every change of load, profile or conflict refreshes it. */
export const suggestionsKey = (requestId: string) => [queryRoots.specialists, 'suggestions', requestId] as const;

/** `GET /interpretation-requests/{id}/suggestions` (coordinator): ranked specialists with reasons, and who is left out and why. */
export function getSuggestions(requestId: string, signal?: AbortSignal) {
  return apiRequest(`/interpretation-requests/${encodeURIComponent(requestId)}/suggestions`, { schema: SuggestionListSchema, signal });
}

/** The suggestions for a request. */
export function useSuggestions(requestId: string) {
  return useQuery(queryOptions({ queryKey: suggestionsKey(requestId), queryFn: ({ signal }) => getSuggestions(requestId, signal) }));
}
