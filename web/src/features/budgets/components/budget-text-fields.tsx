import type { Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/schema-field.tsx';
import type { SchemaForm } from '../../../components/schema-form.tsx';

/** The screen values a budget year's form shares: its funding source and note, as typed. */
type BudgetTexts = { fundingSource: string; note: string };

/**
 * The funding source (required) and the note (optional) of a budget year, as the open and edit
 * forms show them; their limits come from the form's screen schema, built on the contract of the
 * call the form makes (`CreateBudgetBodySchema` or `PatchBudgetBodySchema`).
 */
export function BudgetTextFields<V extends BudgetTexts, Out>({ form, fundingSourceHint }: { form: SchemaForm<V, Out>; fundingSourceHint?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Field form={form} name={'fundingSource' as Path<V> & string} hint={fundingSourceHint} required />
      <Field form={form} name={'note' as Path<V> & string} kind="textarea" hint={t('form.optional')} rows={2} />
    </>
  );
}
