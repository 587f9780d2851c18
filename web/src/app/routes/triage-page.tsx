import { IntroPage } from '../../components/page-heading.tsx';
import { ServiceLevelsForm } from '../../features/interpretation-requests/components/service-levels-form.tsx';
import { TriageQueue } from '../../features/interpretation-requests/components/triage-queue.tsx';

/** The coordinator's home: the triage queue, and the service-level targets its clocks run on. */
export function TriagePage() {
  return (
    <IntroPage title="triage.title" intro="triage.intro">
      <TriageQueue />
      <ServiceLevelsForm />
    </IntroPage>
  );
}
