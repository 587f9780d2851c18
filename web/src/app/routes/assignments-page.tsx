import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/page-heading.tsx';
import { MyAssignments } from '../../features/assignments/components/my-assignments.tsx';

/** The specialist's home: “Mijn inzetten”. */
export function AssignmentsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('assignments.myTitle')}</PageHeading>
      <Paragraph>{t('assignments.intro')}</Paragraph>
      <MyAssignments />
    </>
  );
}
