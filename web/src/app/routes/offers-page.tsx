import { IntroPage } from '../../components/page-heading.tsx';
import { CreateOfferForm } from '../../features/offers/components/create-offer-form.tsx';
import { OfferList } from '../../features/offers/components/offer-list.tsx';
import { hasRole, useMe } from '../../lib/auth.ts';

/**
 * “Aanbiedingen”: the coordinator's proactive offers (decision 130). A coordinator makes offers and
 * sees them all; a member of a casustafel or municipality sees the offers made to it and accepts or
 * declines them, as the server allows on each.
 */
export function OffersPage() {
  const me = useMe();
  const coordinator = hasRole(me.data, 'coordinator');
  return (
    <IntroPage title="offers.title" intro={coordinator ? 'offers.introCoordinator' : 'offers.intro'}>
      {coordinator ? <CreateOfferForm /> : null}
      <OfferList />
    </IntroPage>
  );
}
