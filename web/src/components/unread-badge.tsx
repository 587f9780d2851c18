import { useTranslation } from 'react-i18next';
import { useUnreadMessages } from '../lib/unread-messages.ts';

/** “2 nieuwe berichten” beside a request in a list, or nothing when all its messages are read. */
export function UnreadBadge({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const unread = useUnreadMessages().data?.items.find((x) => x.requestId === requestId)?.unread ?? 0;
  if (unread === 0) return null;
  return <span className="dsp-unread">{t('messages.unreadCount', { count: unread })}</span>;
}
