import type { Budget } from '@duidingspool/shared';
import { Alert, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../../lib/format.ts';

/** The state of the year's thresholds (% of the allocation committed) and whether the budget is full. */
export function BudgetThresholds({ budget }: { budget: Budget }) {
  const { t } = useTranslation();
  const reached = budget.thresholds.filter((x) => x.reached);
  const highest = reached[reached.length - 1];
  return (
    <section aria-labelledby="budget-thresholds-heading" className="dsp-section">
      <h2 id="budget-thresholds-heading" className="utrecht-heading-2">
        {t('budget.thresholdsHeading')}
      </h2>
      {budget.fillState === 'full' ? (
        <Alert type="warning">
          <Paragraph>{t('budget.full')}</Paragraph>
        </Alert>
      ) : highest ? (
        <Alert type="info">
          <Paragraph>{t('budget.thresholdReached', { percent: highest.percent })}</Paragraph>
        </Alert>
      ) : null}
      <ul className="dsp-thresholds">
        {budget.thresholds.map((x) => (
          <li key={x.percent} data-testid={`threshold-${x.percent}`}>
            {x.reached
              ? t('budget.thresholdItemReached', { percent: x.percent, when: x.crossedAt ? formatInstant(x.crossedAt) : '–' })
              : t('budget.thresholdItemOpen', { percent: x.percent })}
          </li>
        ))}
      </ul>
    </section>
  );
}
