import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/page-heading.tsx';
import { AuditLog } from '../../features/audit/components/audit-log.tsx';
import { useUserChoices } from '../../features/users/api/users.ts';
import { useMe } from '../../lib/auth.ts';
import { isolate } from '../../lib/bidi.ts';

/** “Auditlog” for coordinator and admin; the admin filters on any user of the user list. */
export function AuditLogPage() {
  const { t } = useTranslation();
  const me = useMe();
  const isAdmin = me.data?.roles.includes('admin') ?? false;
  const users = useUserChoices(isAdmin);
  const actors = isAdmin && users.data ? users.data.items.map((u) => ({ id: u.id, name: `${isolate(u.displayName)} (${isolate(u.email)})` })) : undefined;
  return (
    <>
      <PageHeading>{t('audit.title')}</PageHeading>
      <Paragraph>{t('audit.intro')}</Paragraph>
      <AuditLog actors={actors} />
    </>
  );
}
