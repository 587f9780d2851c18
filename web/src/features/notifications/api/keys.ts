import { queryRoots } from '../../../lib/query-roots.ts';

/** Query keys of notifications: the outbox, previews, the user's preferences and inbox. */
export const notificationKeys = {
  all: [queryRoots.notifications] as const,
  outbox: (page: number, status: string) => [queryRoots.notifications, 'outbox', page, status] as const,
  preview: (id: string) => [queryRoots.notifications, 'preview', id] as const,
  template: (event: string, language: string) => [queryRoots.notifications, 'template', event, language] as const,
  preferences: () => [queryRoots.notifications, 'preferences'] as const,
  /** The user's inbox: its pages and its unread count, refreshed together. */
  inbox: () => [queryRoots.notifications, 'inbox'] as const,
  inboxPage: (page: number, unread: boolean) => [queryRoots.notifications, 'inbox', 'page', page, unread] as const,
  inboxSummary: () => [queryRoots.notifications, 'inbox', 'summary'] as const,
};
