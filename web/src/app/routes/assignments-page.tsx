import { useTranslation } from 'react-i18next';
import { IntroPage } from '../../components/page-heading.tsx';
import { MyAssignments } from '../../features/assignments/components/my-assignments.tsx';

/** The specialist's home: “Mijn inzetten”. */
export function AssignmentsPage() {
  const { t } = useTranslation();
  return (
    <IntroPage title={t('assignments.myTitle')} intro={t('assignments.intro')}>
      <MyAssignments />
    </IntroPage>
  );
}
