import { CreateBudgetBodySchema } from '@duidingspool/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormFrame } from '../../../components/form-frame.tsx';
import { Field } from '../../../components/schema-field.tsx';
import { useSchemaForm } from '../../../components/schema-form.tsx';
import { currentYear } from '../../../lib/dates.ts';
import { amountInput, parsedBy, requiredTextInput, textInput } from '../../../lib/form-inputs.ts';
import { formatCents } from '../../../lib/format.ts';
import { useCreateBudget } from '../api/create-budget.ts';
import { BudgetTextFields } from './budget-text-fields.tsx';

const shape = CreateBudgetBodySchema.shape;
const FIELD_IDS = {
  year: 'new-budget-year',
  allocatedCents: 'new-budget-amount',
  fundingSource: 'new-budget-funding',
  note: 'new-budget-note',
};

/** A year typed as four digits, or `null`. */
const readYear = (text: string): number | null => (/^\d{4}$/.test(text.trim()) ? Number(text.trim()) : null);

/**
 * “Nieuw begrotingsjaar openen”: year (within `CreateBudgetBodySchema`, not one that has a budget),
 * allocated amount in euros (`1.234,56`, sent as cents within the contract's range), funding source
 * and an optional note.
 */
export function OpenBudgetForm({ existingYears, onOpened }: { existingYears: readonly number[]; onOpened?: (year: number) => void }) {
  const { t } = useTranslation();
  const create = useCreateBudget();
  const nextYear = existingYears.length > 0 ? Math.max(...existingYears) + 1 : currentYear();
  const schema = useMemo(
    () =>
      z.object({
        year: parsedBy(readYear, shape.year, t('budgetAdmin.yearInvalid')).superRefine((year, ctx) => {
          const text = t('budgetAdmin.yearExists', { year });
          if (existingYears.includes(year)) ctx.addIssue({ code: 'custom', message: text, params: { text } });
        }),
        allocatedCents: amountInput(shape.allocatedCents, t),
        fundingSource: requiredTextInput(shape.fundingSource, t),
        note: textInput(shape.note.unwrap(), t),
      }),
    [t, existingYears],
  );
  const form = useSchemaForm({
    schema,
    defaultValues: { year: String(nextYear), allocatedCents: '', fundingSource: '', note: '' },
    ids: FIELD_IDS,
    labels: {
      year: t('budgetAdmin.year'),
      allocatedCents: t('budgetAdmin.amount'),
      fundingSource: t('budgetAdmin.fundingSource'),
      note: t('budgetAdmin.note'),
    },
  });

  const submit = form.submit(({ note, ...body }) =>
    create.mutate(
      { ...body, ...(note ? { note } : {}) },
      {
        onSuccess: (budget) => {
          form.succeed(t('budgetAdmin.opened', { year: budget.year, amount: formatCents(budget.allocatedCents) }));
          form.rhf.reset({ ...form.rhf.getValues(), year: String(budget.year + 1), allocatedCents: '', note: '' });
          onOpened?.(budget.year);
        },
        onError: (error) => form.fail(error),
      },
    ),
  );

  return (
    <FormFrame frame={form.frame} onSubmit={submit} submitLabel={t('budgetAdmin.openSubmit')} pending={create.isPending} headingLevel={3}>
      <div className="dsp-form-row">
        <Field form={form} name="year" inputMode="numeric" size="small" required />
        <Field form={form} name="allocatedCents" kind="amount" required />
      </div>
      <BudgetTextFields form={form} fundingSourceHint={t('budgetAdmin.fundingSourceHint')} />
    </FormFrame>
  );
}
