import type { Me } from '@duidingspool/shared';
import { useEffect } from 'react';
import { useInboxSummary } from '../features/notifications/api/inbox.ts';
import { useHoursToApprove } from '../features/time-entries/api/get-time-entries.ts';
import { useUnreadMessages } from '../lib/unread-messages.ts';
import type { NavCounts } from './signed-in.tsx';

/**
 * Fetches the numbers the menu shows beside its items — the user's unread notifications, the hours
 * waiting for a coordinator's decision, the unread messages of the user's threads — and hands them to
 * `onChange` whenever they change; renders nothing. Loaded on demand by `AppLayout`: its queries
 * read their answers with zod, which the first chunk does without (docs/decisions/070-a-light-spa.md).
 */
export function NavCountsSource({ me, onChange }: { me: Me; onChange: (counts: NavCounts) => void }) {
  const unread = useInboxSummary(true).data?.unread;
  const hoursToApprove = useHoursToApprove(me.roles.includes('coordinator'));
  const inThreads = me.roles.some((r) => r === 'requester' || r === 'coordinator' || r === 'specialist');
  const unreadMessages = useUnreadMessages(inThreads).data?.total;
  useEffect(() => onChange({ unread, hoursToApprove, unreadMessages }), [onChange, unread, hoursToApprove, unreadMessages]);
  return null;
}
