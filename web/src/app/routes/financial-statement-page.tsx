import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/form-field.tsx';
import { IntroPage } from '../../components/page-heading.tsx';
import { StatementView } from '../../features/financial-statements/components/statement-view.tsx';
import { hasRole, useMe } from '../../lib/auth.ts';
import { today } from '../../lib/dates.ts';

/** “Verantwoording”: the financial statement to the NCTV of a year (finance prepares, a second person adopts). */
export function FinancialStatementPage() {
  const { t } = useTranslation();
  const me = useMe();
  const current = Number(today().slice(0, 4));
  const [year, setYear] = useState(current - 1);
  const years = Array.from({ length: current - 2019 + 1 }, (_, i) => current - i);
  return (
    <IntroPage title="statement.title" intro="statement.intro">
      <SelectField
        id="statement-year"
        label={t('statement.year')}
        value={String(year)}
        onChange={(v) => setYear(Number(v))}
        options={years.map((y) => ({ value: String(y), label: String(y) }))}
      />
      <StatementView year={year} canPrepare={hasRole(me.data, 'finance')} />
    </IntroPage>
  );
}
