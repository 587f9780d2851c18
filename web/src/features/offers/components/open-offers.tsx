import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../../components/app-link.tsx';
import { formatDate } from '../../../lib/format.ts';
import { useOffers } from '../api/offers.ts';

/**
 * The requester's home: the coordinator's open offers to the user's casustafels and municipalities,
 * each with its last day, and a link to “Aanbiedingen” where they are accepted or declined. Shows
 * nothing while there are none.
 */
export function OpenOffers() {
  const { t } = useTranslation();
  const open = useOffers({ page: 1, pageSize: 5, status: 'open' });
  const items = open.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="open-offers-heading" className="dsp-card">
      <Heading level={2} id="open-offers-heading">
        {t('offers.openHeading')}
      </Heading>
      <Paragraph>{t('offers.openIntro', { count: open.data?.total ?? items.length })}</Paragraph>
      <ul>
        {items.map((offer) => (
          <li key={offer.id}>
            <bdi>{offer.title}</bdi> ({t(`requestTypes.types.${offer.type}`)}, {t('offers.validUntilShort', { date: formatDate(offer.validUntil) })})
          </li>
        ))}
      </ul>
      <Paragraph>
        <AppLink to="/offers">{t('offers.toOffers')}</AppLink>
      </Paragraph>
    </section>
  );
}
