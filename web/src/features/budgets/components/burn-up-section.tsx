import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/loading.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { formatCents, formatDate } from '../../../lib/format.ts';
import { useBurnUp } from '../api/get-burn-up.ts';
import { BurnUpChart } from './burn-up-chart.tsx';

/** “Verloop over het jaar”: the burn-up chart with its figures in words. */
export function BurnUpSection({ year }: { year: number }) {
  const { t } = useTranslation();
  const burnUp = useBurnUp(year);
  return (
    <section aria-labelledby="burn-up-heading" className="dsp-section">
      <Heading2 id="burn-up-heading">{t('budget.burnUp.heading')}</Heading2>
      {burnUp.isPending ? <Loading /> : null}
      {burnUp.isError ? <ProblemAlert error={burnUp.error} /> : null}
      {burnUp.data ? (
        <>
          <Paragraph data-testid="burn-up-summary">
            {t('budget.burnUp.summary', {
              date: formatDate(burnUp.data.asOfDate),
              spent: formatCents(burnUp.data.points[burnUp.data.points.length - 1]?.spentCents ?? 0),
              logged: formatCents(burnUp.data.points[burnUp.data.points.length - 1]?.loggedCents ?? 0),
              committed: formatCents(burnUp.data.committedCents),
              allocated: formatCents(burnUp.data.allocatedCents),
            })}{' '}
            {burnUp.data.projectedYearEndCents === null
              ? t('budget.burnUp.noProjection')
              : t('budget.burnUp.projection', { amount: formatCents(burnUp.data.projectedYearEndCents) })}
          </Paragraph>
          <BurnUpChart burnUp={burnUp.data} />
        </>
      ) : null}
    </section>
  );
}
