import { NotificationListSchema, type NotificationStatus } from '@duidingspool/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { notificationKeys } from './keys.ts';

/** `GET /notifications` (admin): a page of the outbox, optionally of one status. */
export function getOutbox(page: number, status: NotificationStatus | '', signal?: AbortSignal) {
  return apiRequest('/notifications', { query: { page, pageSize: 25, status }, schema: NotificationListSchema, signal });
}

export const outboxQueryOptions = (page: number, status: NotificationStatus | '') =>
  queryOptions({
    queryKey: notificationKeys.outbox(page, status),
    queryFn: ({ signal }) => getOutbox(page, status, signal),
    placeholderData: keepPreviousData,
  });

/** The outbox page. */
export function useOutbox(page: number, status: NotificationStatus | '') {
  return useQuery(outboxQueryOptions(page, status));
}
