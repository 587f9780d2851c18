import { type PostMessageBody, RequestMessageSchema, RequestMessageThreadSchema } from '@duidingspool/shared';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/mutation.ts';
import { queryRoots } from '../../../lib/query-roots.ts';
import { unreadMessagesKey } from '../../../lib/unread-messages.ts';

/** Query keys of the messages: a request's thread and the reader's unread counts. */
export const messageKeys = {
  thread: (requestId: string) => [queryRoots.messages, 'thread', requestId] as const,
  unread: unreadMessagesKey,
};

/**
 * `GET /interpretation-requests/{id}/messages`: the thread as the reader may see it. Reading marks
 * it read on the server, so the unread counts are fetched again once it arrives.
 */
export function useMessageThread(requestId: string) {
  return useQuery({
    queryKey: messageKeys.thread(requestId),
    queryFn: ({ signal }) => apiRequest(`/interpretation-requests/${encodeURIComponent(requestId)}/messages`, { schema: RequestMessageThreadSchema, signal }),
  });
}

/** `POST /interpretation-requests/{id}/messages`: writes a message or an internal note; refreshes the thread and the counts. */
export function usePostMessage(requestId: string) {
  return useRefreshingMutation(
    (body: PostMessageBody) =>
      apiRequest(`/interpretation-requests/${encodeURIComponent(requestId)}/messages`, { method: 'POST', body, schema: RequestMessageSchema }),
    [queryRoots.messages],
  );
}

export { useUnreadMessages } from '../../../lib/unread-messages.ts';
