import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { IntroPage } from '../../components/page-heading.tsx';
import { ServiceLevelsForm } from '../../features/interpretation-requests/components/service-levels-form.tsx';
import { TriageQueue } from '../../features/interpretation-requests/components/triage-queue.tsx';
import { useInboxSummary } from '../../features/notifications/api/inbox.ts';
import { useHoursToApproveQuery } from '../../features/time-entries/api/get-time-entries.ts';

/**
 * What waits for the coordinator besides triage: hours to decide and unread notifications, each a
 * link shown once its count is known. Until a count arrives the line holds its place, hidden (also
 * from screen readers), so the queue below does not jump down when it appears; when neither count
 * can be read the line is left out, rather than kept as an empty space or showing a count of 0.
 */
export function WaitingForYou() {
  const { t } = useTranslation();
  const hoursQuery = useHoursToApproveQuery(true);
  const inbox = useInboxSummary(true);
  const hours = hoursQuery.data?.total;
  const unread = inbox.data?.unread;
  if (hoursQuery.isError && inbox.isError) return null;
  const pending = hours === undefined && unread === undefined;
  const links = [
    hours !== undefined && (
      <Link key="hours" to="/hours" className="utrecht-link utrecht-link--html-a">
        {t('triage.hoursWaiting', { count: hours })}
      </Link>
    ),
    unread !== undefined && (
      <Link key="unread" to="/notifications" className="utrecht-link utrecht-link--html-a">
        {t('triage.unreadWaiting', { count: unread })}
      </Link>
    ),
  ].filter(Boolean);
  return (
    <Paragraph className="dsp-waiting" aria-hidden={pending || undefined} style={pending ? { visibility: 'hidden' } : undefined}>
      {t('triage.waiting')} {links.flatMap((link, i) => (i === 0 ? [link] : [', ', link]))}.
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
