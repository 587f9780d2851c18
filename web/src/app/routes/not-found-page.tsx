import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../components/app-link.tsx';
import { PageHeading } from '../../components/page-heading.tsx';

/** “Pagina niet gevonden”. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('notFound.title')}</PageHeading>
      <Paragraph>{t('notFound.text')}</Paragraph>
      <Paragraph>
        <AppLink to="/">{t('notFound.home')}</AppLink>
      </Paragraph>
    </>
  );
}

/** Shown when the user's roles do not allow the page. */
export function NoAccessPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('noAccess.title')}</PageHeading>
      <Paragraph>{t('noAccess.text')}</Paragraph>
      <Paragraph>
        <AppLink to="/">{t('notFound.home')}</AppLink>
      </Paragraph>
    </>
  );
}
