import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../../components/app-link.tsx';
import { QueryFallback } from '../../../components/query-view.tsx';
import { useUnreadMessages } from '../api/messages.ts';

/** The requests with messages the reader has not read, newest activity first, each linking to its thread. */
export function UnreadList() {
  const { t } = useTranslation();
  const query = useUnreadMessages();
  if (!query.isSuccess) return <QueryFallback query={query} />;
  if (query.data.items.length === 0) return <Paragraph>{t('messages.noneUnread')}</Paragraph>;
  return (
    <ul className="dsp-list">
      {query.data.items.map((x) => (
        <li key={x.requestId}>
          <AppLink to={`/requests/${x.requestId}#berichten`}>{x.reference}</AppLink> — {t('messages.unreadCount', { count: x.unread })}
        </li>
      ))}
    </ul>
  );
}
