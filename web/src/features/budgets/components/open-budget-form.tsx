import { CreateBudgetBodySchema, MAX_BUDGET_CENTS, rangeOf } from '@duidingspool/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AmountField, ShortField } from '../../../components/form-field.tsx';
import { FormFrame, useProblemForm } from '../../../components/problem-form.tsx';
import { currentYear } from '../../../lib/dates.ts';
import { formatCents } from '../../../lib/format.ts';
import { parseEuros } from '../../../lib/parse-input.ts';
import { useCreateBudget } from '../api/create-budget.ts';
import { BudgetTextFields } from './budget-text-fields.tsx';

type Field = 'year' | 'allocatedCents' | 'fundingSource' | 'note';
const FIELD_IDS: Record<Field, string> = {
  year: 'new-budget-year',
  allocatedCents: 'new-budget-amount',
  fundingSource: 'new-budget-funding',
  note: 'new-budget-note',
};

const YEARS = rangeOf(CreateBudgetBodySchema.shape.year);

/** “Nieuw begrotingsjaar openen”: year, allocated amount in euros, funding source and an optional note. */
export function OpenBudgetForm({ existingYears, onOpened }: { existingYears: readonly number[]; onOpened?: (year: number) => void }) {
  const { t } = useTranslation();
  const create = useCreateBudget();
  const nextYear = existingYears.length > 0 ? Math.max(...existingYears) + 1 : currentYear();
  const [year, setYear] = useState(String(nextYear));
  const [amount, setAmount] = useState('');
  const [fundingSource, setFundingSource] = useState('');
  const [note, setNote] = useState('');
  const labels: Record<Field, string> = {
    year: t('budgetAdmin.year'),
    allocatedCents: t('budgetAdmin.amount'),
    fundingSource: t('budgetAdmin.fundingSource'),
    note: t('budgetAdmin.note'),
  };
  const form = useProblemForm(FIELD_IDS, labels);

  const submit = () => {
    form.begin();
    const y = /^\d{4}$/.test(year.trim()) ? Number(year.trim()) : null;
    const allocatedCents = parseEuros(amount);
    const e: Partial<Record<Field, string>> = {};
    if (y === null || y < YEARS.min || y > YEARS.max) e.year = t('budgetAdmin.yearInvalid');
    else if (existingYears.includes(y)) e.year = t('budgetAdmin.yearExists', { year: y });
    if (!amount.trim()) e.allocatedCents = t('form.required');
    else if (allocatedCents === null) e.allocatedCents = t('budgetAdmin.amountInvalid');
    else if (allocatedCents < 1 || allocatedCents > MAX_BUDGET_CENTS) e.allocatedCents = t('budgetAdmin.amountRange', { max: formatCents(MAX_BUDGET_CENTS) });
    if (!fundingSource.trim()) e.fundingSource = t('form.required');
    if (!form.check(e) || y === null || allocatedCents === null) return;
    create.mutate(
      { year: y, allocatedCents, fundingSource: fundingSource.trim(), ...(note.trim() ? { note: note.trim() } : {}) },
      {
        onSuccess: (budget) => {
          form.succeed(t('budgetAdmin.opened', { year: budget.year, amount: formatCents(budget.allocatedCents) }));
          setAmount('');
          setNote('');
          setYear(String(budget.year + 1));
          onOpened?.(budget.year);
        },
        onError: (error) => form.fail(error),
      },
    );
  };

  return (
    <FormFrame frame={form.frame} onSubmit={submit} submitLabel={t('budgetAdmin.openSubmit')} pending={create.isPending} headingLevel={3}>
      <div className="dsp-form-row">
        <ShortField {...form.field('year')} value={year} onChange={setYear} inputMode="numeric" />
        <AmountField {...form.field('allocatedCents')} description={t('budgetAdmin.amountHint')} value={amount} onChange={setAmount} />
      </div>
      <BudgetTextFields
        fundingSource={{ ...form.field('fundingSource'), value: fundingSource, onChange: setFundingSource }}
        note={{ ...form.field('note'), value: note, onChange: setNote }}
        fundingSourceHint={t('budgetAdmin.fundingSourceHint')}
        schema={CreateBudgetBodySchema}
      />
    </FormFrame>
  );
}
