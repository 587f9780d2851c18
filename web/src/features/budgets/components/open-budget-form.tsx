import { CreateBudgetBodySchema, MAX_BUDGET_CENTS, maxLengthOf, rangeOf } from '@duidingspool/shared';
import { Button, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, type SummaryError } from '../../../components/error-summary.tsx';
import { TextareaField, TextField } from '../../../components/form-field.tsx';
import { useErrorMessage } from '../../../components/problem-alert.tsx';
import { StatusMessage } from '../../../components/status-message.tsx';
import { currentYear } from '../../../lib/dates.ts';
import { serverFieldErrors, summaryOf } from '../../../lib/form-errors.ts';
import { formatCents } from '../../../lib/format.ts';
import { parseEuros } from '../../../lib/parse-input.ts';
import { useCreateBudget } from '../api/create-budget.ts';

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
  const errorMessage = useErrorMessage();
  const nextYear = existingYears.length > 0 ? Math.max(...existingYears) + 1 : currentYear();
  const [year, setYear] = useState(String(nextYear));
  const [amount, setAmount] = useState('');
  const [fundingSource, setFundingSource] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [done, setDone] = useState<string | null>(null);
  const labels: Record<Field, string> = {
    year: t('budgetAdmin.year'),
    allocatedCents: t('budgetAdmin.amount'),
    fundingSource: t('budgetAdmin.fundingSource'),
    note: t('budgetAdmin.note'),
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    setGeneral(null);
    const y = /^\d{4}$/.test(year.trim()) ? Number(year.trim()) : null;
    const allocatedCents = parseEuros(amount);
    const e: Partial<Record<Field, string>> = {};
    if (y === null || y < YEARS.min || y > YEARS.max) e.year = t('budgetAdmin.yearInvalid');
    else if (existingYears.includes(y)) e.year = t('budgetAdmin.yearExists', { year: y });
    if (!amount.trim()) e.allocatedCents = t('form.required');
    else if (allocatedCents === null) e.allocatedCents = t('budgetAdmin.amountInvalid');
    else if (allocatedCents < 1 || allocatedCents > MAX_BUDGET_CENTS) e.allocatedCents = t('budgetAdmin.amountRange', { max: formatCents(MAX_BUDGET_CENTS) });
    if (!fundingSource.trim()) e.fundingSource = t('form.required');
    setErrors(e);
    if (Object.keys(e).length > 0 || y === null || allocatedCents === null) {
      setAttempt((a) => a + 1);
      return;
    }
    create.mutate(
      { year: y, allocatedCents, fundingSource: fundingSource.trim(), ...(note.trim() ? { note: note.trim() } : {}) },
      {
        onSuccess: (budget) => {
          setDone(t('budgetAdmin.opened', { year: budget.year, amount: formatCents(budget.allocatedCents) }));
          setAmount('');
          setNote('');
          setYear(String(budget.year + 1));
          onOpened?.(budget.year);
        },
        onError: (error) => {
          const fieldErrors = serverFieldErrors(error, FIELD_IDS);
          setErrors(fieldErrors);
          setGeneral(errorMessage(error));
          setAttempt((a) => a + 1);
        },
      },
    );
  };

  const summary: SummaryError[] = summaryOf(FIELD_IDS, labels, errors);

  return (
    <form onSubmit={submit} noValidate className="dsp-form">
      <ErrorSummary errors={summary} general={general} focusKey={attempt} headingLevel={3} />
      <StatusMessage message={done} />
      <div className="dsp-form-row">
        <TextField
          id={FIELD_IDS.year}
          label={labels.year}
          value={year}
          onChange={setYear}
          error={errors.year}
          inputMode="numeric"
          autoComplete="off"
          size="small"
          required
        />
        <TextField
          id={FIELD_IDS.allocatedCents}
          label={labels.allocatedCents}
          description={t('budgetAdmin.amountHint')}
          value={amount}
          onChange={setAmount}
          error={errors.allocatedCents}
          inputMode="decimal"
          autoComplete="off"
          size="small"
          required
        />
      </div>
      <TextField
        id={FIELD_IDS.fundingSource}
        label={labels.fundingSource}
        description={t('budgetAdmin.fundingSourceHint')}
        value={fundingSource}
        onChange={setFundingSource}
        error={errors.fundingSource}
        maxLength={maxLengthOf(CreateBudgetBodySchema.shape.fundingSource)}
        required
      />
      <TextareaField
        id={FIELD_IDS.note}
        label={labels.note}
        description={t('form.optional')}
        value={note}
        onChange={setNote}
        error={errors.note}
        rows={2}
        maxLength={maxLengthOf(CreateBudgetBodySchema.shape.note)}
      />
      <Paragraph>
        <Button type="submit" appearance="primary-action-button" disabled={create.isPending}>
          {t('budgetAdmin.openSubmit')}
        </Button>
      </Paragraph>
    </form>
  );
}
