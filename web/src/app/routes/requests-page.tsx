import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { ButtonRouterLink } from '../../components/app-link.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { StatusMessage } from '../../components/status-message.tsx';
import { MyRequests } from '../../features/interpretation-requests/components/my-requests.tsx';
import { OpenOffers } from '../../features/offers/components/open-offers.tsx';

/** The requester's home: “Mijn verzoeken”, the open offers of the coordinator to the user's organisations, with the message of the page that sent the user here (a deleted draft). */
export function RequestsPage() {
  const { t } = useTranslation();
  const message = (useLocation().state as { message?: string } | null)?.message ?? null;
  return (
    <>
      <PageHeading>{t('requests.myTitle')}</PageHeading>
      <StatusMessage message={message} />
      <Paragraph>{t('requests.intro')}</Paragraph>
      <Paragraph>
        <ButtonRouterLink to="/requests/new">{t('nav.newRequest')}</ButtonRouterLink>
      </Paragraph>
      <OpenOffers />
      <MyRequests />
    </>
  );
}
