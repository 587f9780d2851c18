import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { ButtonRouterLink } from '../../components/app-link.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { MyRequests } from '../../features/interpretation-requests/components/my-requests.tsx';

/** The requester's home: “Mijn verzoeken”. */
export function RequestsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('requests.myTitle')}</PageHeading>
      <Paragraph>{t('requests.intro')}</Paragraph>
      <Paragraph>
        <ButtonRouterLink to="/requests/new">{t('nav.newRequest')}</ButtonRouterLink>
      </Paragraph>
      <MyRequests />
    </>
  );
}
