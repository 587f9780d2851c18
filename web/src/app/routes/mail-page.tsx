import { IntroPage } from '../../components/page-heading.tsx';
import { OutboxOverview } from '../../features/notifications/components/outbox-overview.tsx';

/** “E-mail” for the admin: the outbox with failures, and the Mail preview outside production. */
export function MailPage() {
  return (
    <IntroPage title="mail.title" intro="mail.intro">
      <OutboxOverview />
    </IntroPage>
  );
}
