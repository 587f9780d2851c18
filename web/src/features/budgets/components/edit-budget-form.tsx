import { type Budget, MAX_BUDGET_CENTS, maxLengthOf, type PatchBudgetBody, PatchBudgetBodySchema } from '@duidingspool/shared';
import { Button, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, type SummaryError } from '../../../components/error-summary.tsx';
import { TextareaField, TextField } from '../../../components/form-field.tsx';
import { useErrorMessage } from '../../../components/problem-alert.tsx';
import { StatusMessage } from '../../../components/status-message.tsx';
import { isProblem } from '../../../lib/api-client.ts';
import { serverFieldErrors, summaryOf } from '../../../lib/form-errors.ts';
import { formatCents } from '../../../lib/format.ts';
import { centsToInput, parseEuros, parsePercentList } from '../../../lib/parse-input.ts';
import { useUpdateBudget } from '../api/update-budget.ts';

type Field = 'allocatedCents' | 'fundingSource' | 'note' | 'thresholdPercents';

/**
 * “Begrotingsjaar wijzigen”: allocated amount, funding source, note and thresholds of one year.
 * Only changed fields are sent; the server refuses an allocation below what is committed.
 */
export function EditBudgetForm({ budget }: { budget: Budget }) {
  const { t } = useTranslation();
  const update = useUpdateBudget(budget.year);
  const errorMessage = useErrorMessage();
  const ids: Record<Field, string> = {
    allocatedCents: `edit-budget-amount-${budget.year}`,
    fundingSource: `edit-budget-funding-${budget.year}`,
    note: `edit-budget-note-${budget.year}`,
    thresholdPercents: `edit-budget-thresholds-${budget.year}`,
  };
  const initialThresholds = budget.thresholds.map((x) => x.percent).join(', ');
  const [amount, setAmount] = useState(centsToInput(budget.allocatedCents));
  const [fundingSource, setFundingSource] = useState(budget.fundingSource);
  const [note, setNote] = useState(budget.note ?? '');
  const [thresholds, setThresholds] = useState(initialThresholds);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [done, setDone] = useState<string | null>(null);
  const labels: Record<Field, string> = {
    allocatedCents: t('budgetAdmin.amount'),
    fundingSource: t('budgetAdmin.fundingSource'),
    note: t('budgetAdmin.note'),
    thresholdPercents: t('budgetAdmin.thresholds'),
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    setGeneral(null);
    const allocatedCents = parseEuros(amount);
    const percents = parsePercentList(thresholds);
    const e: Partial<Record<Field, string>> = {};
    if (!amount.trim()) e.allocatedCents = t('form.required');
    else if (allocatedCents === null) e.allocatedCents = t('budgetAdmin.amountInvalid');
    else if (allocatedCents < 1 || allocatedCents > MAX_BUDGET_CENTS) e.allocatedCents = t('budgetAdmin.amountRange', { max: formatCents(MAX_BUDGET_CENTS) });
    if (!fundingSource.trim()) e.fundingSource = t('form.required');
    if (percents === null || percents.length > 10) e.thresholdPercents = t('budgetAdmin.thresholdsInvalid');
    setErrors(e);
    if (Object.keys(e).length > 0 || allocatedCents === null || percents === null) {
      setAttempt((a) => a + 1);
      return;
    }
    const body: PatchBudgetBody = {};
    if (allocatedCents !== budget.allocatedCents) body.allocatedCents = allocatedCents;
    if (fundingSource.trim() !== budget.fundingSource) body.fundingSource = fundingSource.trim();
    if ((note.trim() || null) !== budget.note) body.note = note.trim() || null;
    if (percents.join(',') !== budget.thresholds.map((x) => x.percent).join(',')) body.thresholdPercents = percents;
    if (Object.keys(body).length === 0) {
      setDone(t('budgetAdmin.nothingChanged'));
      return;
    }
    update.mutate(body, {
      onSuccess: (saved) => {
        setDone(t('budgetAdmin.saved', { year: saved.year }));
        setAmount(centsToInput(saved.allocatedCents));
        setThresholds(saved.thresholds.map((x) => x.percent).join(', '));
      },
      onError: (error) => {
        const fieldErrors = serverFieldErrors(error, ids);
        let message = errorMessage(error);
        if (isProblem(error, 'budget-exceeded')) {
          fieldErrors.allocatedCents ??= t('budgetAdmin.belowCommitted', { amount: formatCents(budget.committedCents) });
          message = `${message} ${t('budgetAdmin.committedNow', { amount: formatCents(budget.committedCents) })}`;
        }
        setErrors(fieldErrors);
        setGeneral(message);
        setAttempt((a) => a + 1);
      },
    });
  };

  const summary: SummaryError[] = summaryOf(ids, labels, errors);

  return (
    <form onSubmit={submit} noValidate className="dsp-form">
      <ErrorSummary errors={summary} general={general} focusKey={attempt} headingLevel={3} />
      <StatusMessage message={done} />
      <div className="dsp-form-row">
        <TextField
          id={ids.allocatedCents}
          label={labels.allocatedCents}
          description={t('budgetAdmin.amountEditHint', { amount: formatCents(budget.committedCents) })}
          value={amount}
          onChange={setAmount}
          error={errors.allocatedCents}
          inputMode="decimal"
          autoComplete="off"
          size="small"
          required
        />
        <TextField
          id={ids.thresholdPercents}
          label={labels.thresholdPercents}
          description={t('budgetAdmin.thresholdsHint')}
          value={thresholds}
          onChange={setThresholds}
          error={errors.thresholdPercents}
          autoComplete="off"
          size="small"
          required
        />
      </div>
      <TextField
        id={ids.fundingSource}
        label={labels.fundingSource}
        value={fundingSource}
        onChange={setFundingSource}
        error={errors.fundingSource}
        maxLength={maxLengthOf(PatchBudgetBodySchema.shape.fundingSource)}
        required
      />
      <TextareaField
        id={ids.note}
        label={labels.note}
        description={t('form.optional')}
        value={note}
        onChange={setNote}
        error={errors.note}
        rows={2}
        maxLength={maxLengthOf(PatchBudgetBodySchema.shape.note)}
      />
      <Paragraph>
        <Button type="submit" appearance="primary-action-button" disabled={update.isPending}>
          {t('budgetAdmin.saveSubmit')}
        </Button>
      </Paragraph>
    </form>
  );
}
