import { Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/form-field.tsx';
import { IntroPage } from '../../components/page-heading.tsx';
import { QueryFallback } from '../../components/query-view.tsx';
import { useBudgets } from '../../features/budgets/api/get-budgets.ts';
import { StatementView } from '../../features/financial-statements/components/statement-view.tsx';
import { hasRole, useMe } from '../../lib/auth.ts';
import { today } from '../../lib/dates.ts';

/**
 * “Verantwoording”: the financial statement to the NCTV of a year that has a budget (finance
 * prepares, a second person adopts); last year is chosen first when it has one.
 */
export function FinancialStatementPage() {
  const { t } = useTranslation();
  const me = useMe();
  const budgets = useBudgets();
  const [chosen, setChosen] = useState<number | null>(null);
  const years = (budgets.data?.items ?? []).map((b) => b.year).sort((a, b) => b - a);
  const lastYear = Number(today().slice(0, 4)) - 1;
  const year = chosen ?? (years.includes(lastYear) ? lastYear : years[0]);
  return (
    <IntroPage title="statement.title" intro="statement.intro">
      {!budgets.isSuccess ? (
        <QueryFallback query={budgets} />
      ) : year === undefined ? (
        <Paragraph>{t('statement.noBudgets')}</Paragraph>
      ) : (
        <>
          <div className="dsp-input--small">
            <SelectField
              id="statement-year"
              label={t('statement.year')}
              value={String(year)}
              onChange={(v) => setChosen(Number(v))}
              options={years.map((y) => ({ value: String(y), label: String(y) }))}
            />
          </div>
          <StatementView key={year} year={year} canPrepare={hasRole(me.data, 'finance')} />
        </>
      )}
    </IntroPage>
  );
}
