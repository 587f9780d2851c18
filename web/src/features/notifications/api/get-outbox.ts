import { NotificationListSchema, type NotificationStatus } from '@duidingspool/shared';
import { useQuery } from '@tanstack/react-query';
import { pageQueryOptions } from '../../../lib/page-query.ts';
import { notificationKeys } from './keys.ts';

/** Query options of `GET /notifications` (admin): a page of the outbox, optionally of one status. */
export const outboxQueryOptions = (page: number, status: NotificationStatus | '') =>
  pageQueryOptions(notificationKeys.outbox(page, status), '/notifications', NotificationListSchema, { page, pageSize: 25, status });

/** The outbox page. */
export function useOutbox(page: number, status: NotificationStatus | '') {
  return useQuery(outboxQueryOptions(page, status));
}
