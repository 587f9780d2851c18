import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/page-heading.tsx';
import { OutboxOverview } from '../../features/notifications/components/outbox-overview.tsx';

/** “E-mail” for the admin: the outbox with failures, and the Mail preview outside production. */
export function MailPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('mail.title')}</PageHeading>
      <Paragraph>{t('mail.intro')}</Paragraph>
      <OutboxOverview />
    </>
  );
}
