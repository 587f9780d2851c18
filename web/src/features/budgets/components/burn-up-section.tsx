import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { ChartNearView } from '../../../components/chart-near-view.tsx';
import { QueryView } from '../../../components/query-view.tsx';
import { formatCents, formatDate } from '../../../lib/format.ts';
import { useBurnUp } from '../api/get-burn-up.ts';

// The chart comes with the chart library, loaded when it is near the screen (`ChartNearView`).
const BurnUpChart = lazy(() => import('./burn-up-chart.tsx').then((m) => ({ default: m.BurnUpChart })));

/** “Verloop over het jaar”: the burn-up chart with its figures in words. */
export function BurnUpSection({ year }: { year: number }) {
  const { t } = useTranslation();
  const burnUp = useBurnUp(year);
  return (
    <section aria-labelledby="burn-up-heading" className="dsp-section">
      <Heading2 id="burn-up-heading">{t('budget.burnUp.heading')}</Heading2>
      <QueryView query={burnUp}>
        {(curve) => (
          <>
            <Paragraph data-testid="burn-up-summary">
              {t('budget.burnUp.summary', {
                date: formatDate(curve.asOfDate),
                spent: formatCents(curve.points[curve.points.length - 1]?.spentCents ?? 0),
                logged: formatCents(curve.points[curve.points.length - 1]?.loggedCents ?? 0),
                committed: formatCents(curve.committedCents),
                allocated: formatCents(curve.allocatedCents),
              })}{' '}
              {curve.projectedYearEndCents === null
                ? t('budget.burnUp.noProjection')
                : t('budget.burnUp.projection', { amount: formatCents(curve.projectedYearEndCents) })}
            </Paragraph>
            <ChartNearView height={280}>
              <BurnUpChart burnUp={curve} />
            </ChartNearView>
          </>
        )}
      </QueryView>
    </section>
  );
}
