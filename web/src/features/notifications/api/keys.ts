import { queryRoots } from '../../../lib/query-roots.ts';

/** Query keys of notifications: the outbox, previews and the user's preferences. */
export const notificationKeys = {
  all: [queryRoots.notifications] as const,
  outbox: (page: number, status: string) => [queryRoots.notifications, 'outbox', page, status] as const,
  preview: (id: string) => [queryRoots.notifications, 'preview', id] as const,
  template: (event: string, language: string) => [queryRoots.notifications, 'template', event, language] as const,
  preferences: () => [queryRoots.notifications, 'preferences'] as const,
};
