import { Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { IntroPage } from '../../components/page-heading.tsx';
import { ServiceLevelsForm } from '../../features/interpretation-requests/components/service-levels-form.tsx';
import { TriageQueue } from '../../features/interpretation-requests/components/triage-queue.tsx';
import { useInboxSummary } from '../../features/notifications/api/inbox.ts';
import { useHoursToApproveQuery } from '../../features/time-entries/api/get-time-entries.ts';

/**
 * What waits for the coordinator besides triage: hours to decide and unread notifications, each a
 * link. A count still on its way holds its place, hidden (also from screen readers), so the line
 * does not grow (and push the queue below down) when it arrives; until either count is there the
 * whole line is hidden that way. A count that cannot be read is left out rather than shown as 0,
 * and when neither can be read the line is left out.
 */
export function WaitingForYou() {
  const { t } = useTranslation();
  const hoursQuery = useHoursToApproveQuery(true);
  const inbox = useInboxSummary(true);
  if (hoursQuery.isError && inbox.isError) return null;
  const pending = hoursQuery.isPending && inbox.isPending;
  /** A link once its count is known; hidden in its place while it loads; nothing when it failed. */
  const part = (query: { isError: boolean }, count: number | undefined, link: (n: number) => ReactNode) => {
    if (query.isError) return null;
    if (count !== undefined || pending) return link(count ?? 0);
    return (
      <span aria-hidden="true" style={{ visibility: 'hidden' }}>
        {link(0)}
      </span>
    );
  };
  const hours = part(hoursQuery, hoursQuery.data?.total, (count) => (
    <Link to="/hours" className="utrecht-link utrecht-link--html-a">
      {t('triage.hoursWaiting', { count })}
    </Link>
  ));
  const unread = part(inbox, inbox.data?.unread, (count) => (
    <Link to="/notifications" className="utrecht-link utrecht-link--html-a">
      {t('triage.unreadWaiting', { count })}
    </Link>
  ));
  return (
    <Paragraph className="dsp-waiting" aria-hidden={pending || undefined} style={pending ? { visibility: 'hidden' } : undefined}>
      {t('triage.waiting')} {hours}
      {hours && unread ? ', ' : null}
      {unread}.
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
