import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/page-heading.tsx';
import { PreferencesForm } from '../../features/notifications/components/preferences-form.tsx';

/** “Meldingen”: every user chooses per event how they get its e-mail. */
export function NotificationPreferencesPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('preferences.title')}</PageHeading>
      <Paragraph>{t('preferences.intro')}</Paragraph>
      <PreferencesForm />
    </>
  );
}
