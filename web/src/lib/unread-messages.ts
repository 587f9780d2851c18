import { UnreadMessagesSchema } from '@duidingspool/shared';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from './api-client.ts';
import { queryRoots } from './query-roots.ts';

/** Query key of the reader's unread message counts (under the messages root, so posting or reading refreshes it). */
export const unreadMessagesKey = () => [queryRoots.messages, 'unread'] as const;

/**
 * `GET /me/unread-messages`: unread messages per request (decision 110), for the menu and the
 * request lists; fetched again every minute while a page is open.
 */
export function useUnreadMessages(enabled = true) {
  return useQuery({
    queryKey: unreadMessagesKey(),
    queryFn: ({ signal }) => apiRequest('/me/unread-messages', { schema: UnreadMessagesSchema, signal }),
    enabled,
    refetchInterval: 60_000,
  });
}
