import { IntroPage } from '../../components/page-heading.tsx';
import { PreferencesForm } from '../../features/notifications/components/preferences-form.tsx';

/** “Meldingen”: every user chooses per event how they get its e-mail. */
export function NotificationPreferencesPage() {
  return (
    <IntroPage title="preferences.title" intro="preferences.intro">
      <PreferencesForm />
    </IntroPage>
  );
}
