import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/page-heading.tsx';
import { ApprovalsTable } from '../../features/time-entries/components/approvals-table.tsx';

/** The coordinator's “Uren goedkeuren”. */
export function ApprovalsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('approvals.title')}</PageHeading>
      <Paragraph>{t('approvals.intro')}</Paragraph>
      <ApprovalsTable />
    </>
  );
}
