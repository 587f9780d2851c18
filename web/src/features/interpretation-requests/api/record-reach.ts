import { type RecordReachBody, RequestReachSchema } from '@duidingspool/shared';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/mutation.ts';
import { queryRoots } from '../../../lib/query-roots.ts';

/** `PUT /interpretation-requests/{id}/reach` (the specialist of the accepted assignment, on or after the session's date). */
export function recordReach(requestId: string, body: RecordReachBody) {
  return apiRequest(`/interpretation-requests/${encodeURIComponent(requestId)}/reach`, { method: 'PUT', body, schema: RequestReachSchema });
}

/** Records the participants; refreshes the request, which then shows them. */
export function useRecordReach(requestId: string) {
  return useRefreshingMutation((body: RecordReachBody) => recordReach(requestId, body), [queryRoots.requests]);
}
