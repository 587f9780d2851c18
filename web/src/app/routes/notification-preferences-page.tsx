import { useTranslation } from 'react-i18next';
import { IntroPage } from '../../components/page-heading.tsx';
import { PreferencesForm } from '../../features/notifications/components/preferences-form.tsx';

/** “Meldingen”: every user chooses per event how they get its e-mail. */
export function NotificationPreferencesPage() {
  const { t } = useTranslation();
  return (
    <IntroPage title={t('preferences.title')} intro={t('preferences.intro')}>
      <PreferencesForm />
    </IntroPage>
  );
}
