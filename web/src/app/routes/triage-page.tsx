import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/page-heading.tsx';
import { TriageQueue } from '../../features/interpretation-requests/components/triage-queue.tsx';

/** The coordinator's home: the triage queue. */
export function TriagePage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('triage.title')}</PageHeading>
      <Paragraph>{t('triage.intro')}</Paragraph>
      <TriageQueue />
    </>
  );
}
