import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { IntroPage } from '../../components/page-heading.tsx';
import { ServiceLevelsForm } from '../../features/interpretation-requests/components/service-levels-form.tsx';
import { TriageQueue } from '../../features/interpretation-requests/components/triage-queue.tsx';
import { useInboxSummary } from '../../features/notifications/api/inbox.ts';
import { useHoursToApprove } from '../../features/time-entries/api/get-time-entries.ts';

/**
 * What waits for the coordinator besides triage: hours to decide and unread notifications, each a
 * link. Until a count arrives the line holds its place, hidden (also from screen readers), so the
 * queue below does not jump down when it appears.
 */
export function WaitingForYou() {
  const { t } = useTranslation();
  const hours = useHoursToApprove(true);
  const unread = useInboxSummary(true).data?.unread;
  const pending = hours === undefined && unread === undefined;
  return (
    <Paragraph className="dsp-waiting" aria-hidden={pending || undefined} style={pending ? { visibility: 'hidden' } : undefined}>
      {t('triage.waiting')}{' '}
      <Link to="/hours" className="utrecht-link utrecht-link--html-a">
        {t('triage.hoursWaiting', { count: hours ?? 0 })}
      </Link>
      {', '}
      <Link to="/notifications" className="utrecht-link utrecht-link--html-a">
        {t('triage.unreadWaiting', { count: unread ?? 0 })}
      </Link>
      .
    </Paragraph>
  );
}

/** The coordinator's home: what waits for them, the triage queue, and the service-level targets its clocks run on. */
export function TriagePage() {
  return (
    <IntroPage title="triage.title" intro="triage.intro">
      <WaitingForYou />
      <TriageQueue />
      <ServiceLevelsForm />
    </IntroPage>
  );
}
