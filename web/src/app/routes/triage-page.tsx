import { IntroPage } from '../../components/page-heading.tsx';
import { TriageQueue } from '../../features/interpretation-requests/components/triage-queue.tsx';

/** The coordinator's home: the triage queue. */
export function TriagePage() {
  return (
    <IntroPage title="triage.title" intro="triage.intro">
      <TriageQueue />
    </IntroPage>
  );
}
