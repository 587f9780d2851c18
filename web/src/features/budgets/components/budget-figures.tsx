import type { Budget } from '@duidingspool/shared';
import { useTranslation } from 'react-i18next';
import { formatCents } from '../../../lib/format.ts';

/** The five budget figures as labelled values (a description list). */
export function BudgetFigures({ budget }: { budget: Budget }) {
  const { t } = useTranslation();
  const figures = [
    { key: 'allocated', value: budget.allocatedCents },
    { key: 'reserved', value: budget.reservedCents },
    { key: 'pending', value: budget.pendingCents },
    { key: 'spent', value: budget.spentCents },
    { key: 'available', value: budget.availableCents },
  ] as const;
  return (
    <dl className="dsp-figures" aria-label={t('budget.figuresLabel', { year: budget.year })}>
      {figures.map((f) => (
        <div key={f.key} className={`dsp-figure dsp-figure--${f.key}`}>
          <dt className="dsp-figure__label">{t(`budget.${f.key}`)}</dt>
          <dd className="dsp-figure__value" data-testid={`budget-${f.key}`}>
            {formatCents(f.value)}
          </dd>
        </div>
      ))}
    </dl>
  );
}
