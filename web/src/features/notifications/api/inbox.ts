import { InboxItemSchema, InboxListSchema, InboxSummarySchema, type PatchInboxItemBody } from '@duidingspool/shared';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { pageQueryOptions } from '../../../lib/page-query.ts';
import { notificationKeys } from './keys.ts';

/** How often the unread count in the menu is asked again while the app is open (ms). */
const SUMMARY_REFRESH_MS = 60_000;

/** Query options of `GET /me/inbox-items`: a page of the user's own inbox, newest first. */
export const inboxQueryOptions = (page: number, unread: boolean) =>
  pageQueryOptions(notificationKeys.inboxPage(page, unread), '/me/inbox-items', InboxListSchema, {
    page,
    pageSize: 20,
    ...(unread ? { unread: 'true' } : {}),
  });

/** A page of the user's inbox. */
export function useInbox(page: number, unread: boolean) {
  return useQuery(inboxQueryOptions(page, unread));
}

/** `GET /me/inbox-summary`: the number of unread items, for the menu; asked again every minute and when the window gets focus. */
export function useInboxSummary(enabled: boolean) {
  return useQuery(
    queryOptions({
      queryKey: notificationKeys.inboxSummary(),
      queryFn: ({ signal }) => apiRequest('/me/inbox-summary', { schema: InboxSummarySchema, signal }),
      enabled,
      refetchInterval: SUMMARY_REFRESH_MS,
    }),
  );
}

/** `PATCH /me/inbox-items/{id}`: one item read or unread; the inbox and its count are fetched again. */
export function useMarkInboxItem() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: PatchInboxItemBody & { id: string }) =>
      apiRequest(`/me/inbox-items/${encodeURIComponent(id)}`, { method: 'PATCH', body, schema: InboxItemSchema }),
    onSuccess: () => client.invalidateQueries({ queryKey: notificationKeys.inbox() }),
  });
}

/** `POST /me/inbox-items/mark-all-read`; the inbox and its count are fetched again. */
export function useMarkAllInboxRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest('/me/inbox-items/mark-all-read', { method: 'POST', schema: InboxSummarySchema }),
    onSuccess: () => client.invalidateQueries({ queryKey: notificationKeys.inbox() }),
  });
}
