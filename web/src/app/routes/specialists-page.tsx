import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/page-heading.tsx';
import { SpecialistsTable } from '../../features/specialists/components/specialists-table.tsx';

/** The coordinator's “Specialisten”: the pool with current rates, each linking to its rate history. */
export function SpecialistsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('specialists.title')}</PageHeading>
      <Paragraph>{t('specialists.intro')}</Paragraph>
      <SpecialistsTable />
    </>
  );
}
