import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/page-heading.tsx';
import { AuditLog } from '../../features/audit/components/audit-log.tsx';

/** “Auditlog” for coordinator and admin. */
export function AuditLogPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('audit.title')}</PageHeading>
      <Paragraph>{t('audit.intro')}</Paragraph>
      <AuditLog />
    </>
  );
}
