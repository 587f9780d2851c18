import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { IntroPage } from '../../components/page-heading.tsx';
import { Inbox } from '../../features/notifications/components/inbox.tsx';

/** “Meldingen”: the user's inbox; how e-mails arrive is set on the account page. */
export function NotificationsPage() {
  const { t } = useTranslation();
  return (
    <IntroPage title="inbox.title" intro="inbox.intro">
      <Paragraph>
        <Link to="/account#preferences-heading" className="utrecht-link utrecht-link--html-a">
          {t('inbox.preferencesLink')}
        </Link>
      </Paragraph>
      <Inbox />
    </IntroPage>
  );
}
