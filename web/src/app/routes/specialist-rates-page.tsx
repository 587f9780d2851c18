import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { AppLink } from '../../components/app-link.tsx';
import { Loading } from '../../components/loading.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useSpecialists } from '../../features/specialists/api/get-specialists.ts';
import { AddRateForm } from '../../features/specialists/components/add-rate-form.tsx';
import { RateHistory } from '../../features/specialists/components/rate-history.tsx';
import { isolate } from '../../lib/bidi.ts';

/**
 * “Tarieven van …”: one specialist's rate history and the form for a new rate. The API has no
 * single-specialist endpoint, so the name comes from the (small) specialist list.
 */
export function SpecialistRatesPage() {
  const { t } = useTranslation();
  const { specialistId = '' } = useParams();
  const specialists = useSpecialists();
  if (specialists.isPending) return <Loading />;
  const specialist = specialists.data?.items.find((s) => s.id === specialistId);
  if (!specialist) {
    return (
      <>
        <PageHeading>{t('rates.notFoundTitle')}</PageHeading>
        {specialists.isError ? <ProblemAlert error={specialists.error} /> : <Paragraph>{t('rates.notFound')}</Paragraph>}
        <Paragraph>
          <AppLink to="/specialists">{t('rates.back')}</AppLink>
        </Paragraph>
      </>
    );
  }
  return (
    <>
      <PageHeading>{t('rates.title', { name: isolate(specialist.displayName) })}</PageHeading>
      <Paragraph>
        <AppLink to="/specialists">{t('rates.back')}</AppLink>
      </Paragraph>
      <Paragraph>{t('rates.intro')}</Paragraph>
      <section aria-labelledby="rates-heading" className="dsp-section">
        <Heading2 id="rates-heading">{t('rates.historyHeading')}</Heading2>
        <RateHistory specialistId={specialist.id} name={specialist.displayName} />
      </section>
      {specialist.allowedActions.includes('add-rate') ? (
        <section aria-labelledby="new-rate-heading" className="dsp-section dsp-panel">
          <Heading2 id="new-rate-heading">{t('rates.formHeading')}</Heading2>
          <AddRateForm specialistId={specialist.id} name={specialist.displayName} />
        </section>
      ) : (
        <Paragraph>{t('rates.ownRate')}</Paragraph>
      )}
    </>
  );
}
