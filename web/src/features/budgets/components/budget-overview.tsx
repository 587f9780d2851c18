import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { lazy, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChartNearView } from '../../../components/chart-near-view.tsx';
import { SelectField } from '../../../components/form-field.tsx';
import { Loading } from '../../../components/loading.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { QueryFallback } from '../../../components/query-view.tsx';
import { isolate } from '../../../lib/bidi.ts';
import { currentYear } from '../../../lib/dates.ts';
import { useBudget } from '../api/get-budget.ts';
import { useBudgets } from '../api/get-budgets.ts';
import { BudgetBreakdown } from './budget-breakdown.tsx';
import { BudgetFigures } from './budget-figures.tsx';
import { BudgetLines } from './budget-lines.tsx';
import { BudgetTable } from './budget-table.tsx';
import { BudgetThresholds } from './budget-thresholds.tsx';
import { BurnUpSection } from './burn-up-section.tsx';
import { EditBudgetForm } from './edit-budget-form.tsx';
import { OpenBudgetForm } from './open-budget-form.tsx';
import { PeriodsPanel } from './periods-panel.tsx';

// The charts come with the chart library, loaded when the chart is near the screen (`ChartNearView`).
const BudgetChart = lazy(() => import('./budget-chart.tsx').then((m) => ({ default: m.BudgetChart })));

/**
 * One year's budget: a year selector (from `GET /budgets`, the current year by default, else the
 * latest), the five figures, the thresholds, the budget lines with their funding sources (decision 094), a stacked bar chart and its table alternative, the
 * burn-up, the breakdowns with drill-down, the accounting months with the ledger export; and the
 * forms to change the year and to open a new one.
 */
export function BudgetOverview() {
  const { t } = useTranslation();
  const budgets = useBudgets();
  const [year, setYear] = useState<number | undefined>();
  const years = (budgets.data?.items ?? []).map((b) => b.year).sort((a, b) => b - a);

  useEffect(() => {
    if (year !== undefined || years.length === 0) return;
    const now = currentYear();
    setYear(years.includes(now) ? now : (years.find((y) => y <= now) ?? years[0]));
  }, [year, years]);

  const budget = useBudget(year);

  if (!budgets.isSuccess) return <QueryFallback query={budgets} />;
  const openSection = (
    <section aria-labelledby="open-budget-heading" className="dsp-section dsp-panel">
      <Heading2 id="open-budget-heading">{t('budgetAdmin.openHeading')}</Heading2>
      <OpenBudgetForm existingYears={years} onOpened={setYear} />
    </section>
  );
  if (years.length === 0) {
    return (
      <>
        <Paragraph>{t('budget.none')}</Paragraph>
        {openSection}
      </>
    );
  }

  const data = budget.data ?? budgets.data.items.find((b) => b.year === year);
  return (
    <>
      <div className="dsp-toolbar">
        <SelectField
          id="budget-year"
          label={t('budget.year')}
          value={year === undefined ? '' : String(year)}
          onChange={(v) => setYear(Number(v))}
          options={years.map((y) => ({ value: String(y), label: String(y) }))}
        />
      </div>
      {budget.isError ? <ProblemAlert error={budget.error} /> : null}
      {data ? (
        <>
          <section aria-labelledby="budget-figures-heading" className="dsp-section">
            <Heading2 id="budget-figures-heading">{t('budget.figuresHeading', { year: data.year })}</Heading2>
            <Paragraph className="dsp-muted">{t('budget.fundingSource', { source: isolate(data.fundingSource) })}</Paragraph>
            <BudgetFigures budget={data} />
            {data.note ? <Paragraph className="dsp-muted">{data.note}</Paragraph> : null}
          </section>
          <BudgetThresholds budget={data} />
          <BudgetLines budget={data} />
          <section aria-labelledby="edit-budget-heading" className="dsp-section dsp-panel">
            <Heading2 id="edit-budget-heading">{t('budgetAdmin.editHeading', { year: data.year })}</Heading2>
            <EditBudgetForm key={`${data.year}`} budget={data} />
          </section>
          <section aria-labelledby="budget-chart-heading" className="dsp-section">
            <Heading2 id="budget-chart-heading">{t('budget.chartHeading')}</Heading2>
            <Paragraph>{t('budget.chartIntro')}</Paragraph>
            <ChartNearView height={180}>
              <BudgetChart budget={data} />
            </ChartNearView>
            <BudgetTable budget={data} />
          </section>
          <BurnUpSection year={data.year} />
          <BudgetBreakdown year={data.year} />
          <PeriodsPanel year={data.year} />
        </>
      ) : (
        <Loading />
      )}
      {openSection}
    </>
  );
}
