import { type Budget, type PatchBudgetBody, PatchBudgetBodySchema, ThresholdPercentsSchema } from '@duidingspool/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormFrame } from '../../../components/form-frame.tsx';
import { Field } from '../../../components/schema-field.tsx';
import { useSchemaForm } from '../../../components/schema-form.tsx';
import { isProblem } from '../../../lib/api-client.ts';
import { amountInput, parsedBy, requiredTextInput, textInput } from '../../../lib/form-inputs.ts';
import { formatCents } from '../../../lib/format.ts';
import { centsToInput, parsePercentList } from '../../../lib/parse-input.ts';
import { useUpdateBudget } from '../api/update-budget.ts';
import { BudgetTextFields } from './budget-text-fields.tsx';

const shape = PatchBudgetBodySchema.shape;

/** The form's values of a budget year as stored. */
const valuesOf = (budget: Budget) => ({
  allocatedCents: centsToInput(budget.allocatedCents),
  fundingSource: budget.fundingSource,
  note: budget.note ?? '',
  thresholdPercents: budget.thresholds.map((x) => x.percent).join(', '),
});

/**
 * “Begrotingsjaar wijzigen”: allocated amount, funding source, note and thresholds of one year,
 * checked by `PatchBudgetBodySchema` and `ThresholdPercentsSchema`. Only changed fields are sent;
 * the server refuses an allocation below what is committed (shown on the amount field).
 */
export function EditBudgetForm({ budget }: { budget: Budget }) {
  const { t } = useTranslation();
  const update = useUpdateBudget(budget.year);
  const schema = useMemo(
    () =>
      z.object({
        allocatedCents: amountInput(shape.allocatedCents.unwrap(), t),
        fundingSource: requiredTextInput(shape.fundingSource.unwrap(), t),
        note: textInput(shape.note.unwrap().unwrap(), t),
        thresholdPercents: parsedBy(parsePercentList, ThresholdPercentsSchema, t('budgetAdmin.thresholdsInvalid')),
      }),
    [t],
  );
  const form = useSchemaForm({
    schema,
    defaultValues: valuesOf(budget),
    ids: {
      allocatedCents: `edit-budget-amount-${budget.year}`,
      fundingSource: `edit-budget-funding-${budget.year}`,
      note: `edit-budget-note-${budget.year}`,
      thresholdPercents: `edit-budget-thresholds-${budget.year}`,
    },
    labels: {
      allocatedCents: t('budgetAdmin.amount'),
      fundingSource: t('budgetAdmin.fundingSource'),
      note: t('budgetAdmin.note'),
      thresholdPercents: t('budgetAdmin.thresholds'),
    },
  });

  const submit = form.submit((values) => {
    const body: PatchBudgetBody = {};
    if (values.allocatedCents !== budget.allocatedCents) body.allocatedCents = values.allocatedCents;
    if (values.fundingSource !== budget.fundingSource) body.fundingSource = values.fundingSource;
    if ((values.note || null) !== budget.note) body.note = values.note || null;
    if (values.thresholdPercents.join(',') !== budget.thresholds.map((x) => x.percent).join(',')) body.thresholdPercents = values.thresholdPercents;
    if (Object.keys(body).length === 0) {
      form.succeed(t('budgetAdmin.nothingChanged'));
      return;
    }
    update.mutate(body, {
      onSuccess: (saved) => {
        form.succeed(t('budgetAdmin.saved', { year: saved.year }));
        form.rhf.reset(valuesOf(saved));
      },
      onError: (error) =>
        form.fail(error, (_, fieldErrors, message) => {
          if (!isProblem(error, 'budget-exceeded')) return message;
          fieldErrors.allocatedCents ??= t('budgetAdmin.belowCommitted', { amount: formatCents(budget.committedCents) });
          return `${message} ${t('budgetAdmin.committedNow', { amount: formatCents(budget.committedCents) })}`;
        }),
    });
  });

  return (
    <FormFrame frame={form.frame} onSubmit={submit} submitLabel={t('budgetAdmin.saveSubmit')} pending={update.isPending} headingLevel={3}>
      <div className="dsp-form-row">
        <Field
          form={form}
          name="allocatedCents"
          kind="amount"
          hint={t('budgetAdmin.amountEditHint', { amount: formatCents(budget.committedCents) })}
          required
        />
        <Field form={form} name="thresholdPercents" hint={t('budgetAdmin.thresholdsHint')} size="small" required />
      </div>
      <BudgetTextFields form={form} />
    </FormFrame>
  );
}
