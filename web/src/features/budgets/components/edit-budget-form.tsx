import { type Budget, MAX_BUDGET_CENTS, type PatchBudgetBody, PatchBudgetBodySchema } from '@duidingspool/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AmountField, ShortField } from '../../../components/form-field.tsx';
import { FormFrame, useProblemForm } from '../../../components/problem-form.tsx';
import { isProblem } from '../../../lib/api-client.ts';
import { formatCents } from '../../../lib/format.ts';
import { centsToInput, parseEuros, parsePercentList } from '../../../lib/parse-input.ts';
import { useUpdateBudget } from '../api/update-budget.ts';
import { BudgetTextFields } from './budget-text-fields.tsx';

type Field = 'allocatedCents' | 'fundingSource' | 'note' | 'thresholdPercents';

/**
 * “Begrotingsjaar wijzigen”: allocated amount, funding source, note and thresholds of one year.
 * Only changed fields are sent; the server refuses an allocation below what is committed.
 */
export function EditBudgetForm({ budget }: { budget: Budget }) {
  const { t } = useTranslation();
  const update = useUpdateBudget(budget.year);
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
  const labels: Record<Field, string> = {
    allocatedCents: t('budgetAdmin.amount'),
    fundingSource: t('budgetAdmin.fundingSource'),
    note: t('budgetAdmin.note'),
    thresholdPercents: t('budgetAdmin.thresholds'),
  };
  const form = useProblemForm(ids, labels);

  const submit = () => {
    form.begin();
    const allocatedCents = parseEuros(amount);
    const percents = parsePercentList(thresholds);
    const e: Partial<Record<Field, string>> = {};
    if (!amount.trim()) e.allocatedCents = t('form.required');
    else if (allocatedCents === null) e.allocatedCents = t('budgetAdmin.amountInvalid');
    else if (allocatedCents < 1 || allocatedCents > MAX_BUDGET_CENTS) e.allocatedCents = t('budgetAdmin.amountRange', { max: formatCents(MAX_BUDGET_CENTS) });
    if (!fundingSource.trim()) e.fundingSource = t('form.required');
    if (percents === null || percents.length > 10) e.thresholdPercents = t('budgetAdmin.thresholdsInvalid');
    if (!form.check(e) || allocatedCents === null || percents === null) return;
    const body: PatchBudgetBody = {};
    if (allocatedCents !== budget.allocatedCents) body.allocatedCents = allocatedCents;
    if (fundingSource.trim() !== budget.fundingSource) body.fundingSource = fundingSource.trim();
    if ((note.trim() || null) !== budget.note) body.note = note.trim() || null;
    if (percents.join(',') !== budget.thresholds.map((x) => x.percent).join(',')) body.thresholdPercents = percents;
    if (Object.keys(body).length === 0) {
      form.succeed(t('budgetAdmin.nothingChanged'));
      return;
    }
    update.mutate(body, {
      onSuccess: (saved) => {
        form.succeed(t('budgetAdmin.saved', { year: saved.year }));
        setAmount(centsToInput(saved.allocatedCents));
        setThresholds(saved.thresholds.map((x) => x.percent).join(', '));
      },
      onError: (error) =>
        form.fail(error, (_, fieldErrors, message) => {
          if (!isProblem(error, 'budget-exceeded')) return message;
          fieldErrors.allocatedCents ??= t('budgetAdmin.belowCommitted', { amount: formatCents(budget.committedCents) });
          return `${message} ${t('budgetAdmin.committedNow', { amount: formatCents(budget.committedCents) })}`;
        }),
    });
  };

  return (
    <FormFrame frame={form.frame} onSubmit={submit} submitLabel={t('budgetAdmin.saveSubmit')} pending={update.isPending} headingLevel={3}>
      <div className="dsp-form-row">
        <AmountField
          {...form.field('allocatedCents')}
          description={t('budgetAdmin.amountEditHint', { amount: formatCents(budget.committedCents) })}
          value={amount}
          onChange={setAmount}
        />
        <ShortField {...form.field('thresholdPercents')} description={t('budgetAdmin.thresholdsHint')} value={thresholds} onChange={setThresholds} />
      </div>
      <BudgetTextFields
        fundingSource={{ ...form.field('fundingSource'), value: fundingSource, onChange: setFundingSource }}
        note={{ ...form.field('note'), value: note, onChange: setNote }}
        schema={PatchBudgetBodySchema}
      />
    </FormFrame>
  );
}
