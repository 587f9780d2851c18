import { useTranslation } from 'react-i18next';
import { IntroPage } from '../../components/page-heading.tsx';
import { SpecialistsTable } from '../../features/specialists/components/specialists-table.tsx';

/** The coordinator's “Specialisten”: the pool with current rates, each linking to its rate history. */
export function SpecialistsPage() {
  const { t } = useTranslation();
  return (
    <IntroPage title={t('specialists.title')} intro={t('specialists.intro')}>
      <SpecialistsTable />
    </IntroPage>
  );
}
