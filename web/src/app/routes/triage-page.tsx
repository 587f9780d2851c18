import { useTranslation } from 'react-i18next';
import { IntroPage } from '../../components/page-heading.tsx';
import { TriageQueue } from '../../features/interpretation-requests/components/triage-queue.tsx';

/** The coordinator's home: the triage queue. */
export function TriagePage() {
  const { t } = useTranslation();
  return (
    <IntroPage title={t('triage.title')} intro={t('triage.intro')}>
      <TriageQueue />
    </IntroPage>
  );
}
