import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/page-heading.tsx';
import { UnreadList } from '../../features/messages/components/unread-list.tsx';

/** “Berichten”: the requests with messages the user has not read yet. */
export function MessagesPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('messages.pageTitle')}>{t('messages.pageTitle')}</PageHeading>
      <UnreadList />
    </>
  );
}
