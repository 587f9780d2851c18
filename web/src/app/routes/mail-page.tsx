import { useTranslation } from 'react-i18next';
import { IntroPage } from '../../components/page-heading.tsx';
import { OutboxOverview } from '../../features/notifications/components/outbox-overview.tsx';

/** “E-mail” for the admin: the outbox with failures, and the Mail preview outside production. */
export function MailPage() {
  const { t } = useTranslation();
  return (
    <IntroPage title={t('mail.title')} intro={t('mail.intro')}>
      <OutboxOverview />
    </IntroPage>
  );
}
