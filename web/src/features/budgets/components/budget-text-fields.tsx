import { type CreateBudgetBodySchema, maxLengthOf, type PatchBudgetBodySchema } from '@duidingspool/shared';
import { useTranslation } from 'react-i18next';
import { TextareaField, TextField } from '../../../components/form-field.tsx';

/** One field's id, label and error, as `useProblemForm`'s `field()` gives them. */
type FieldProps = { id: string; label: string; error: string | undefined };

/**
 * The funding source (required) and the note (optional) of a budget year, as the open and edit
 * forms show them; their limits come from the contract of the call the form makes (`schema`).
 */
export function BudgetTextFields({
  fundingSource,
  note,
  fundingSourceHint,
  schema,
}: {
  fundingSource: FieldProps & { value: string; onChange: (value: string) => void };
  note: FieldProps & { value: string; onChange: (value: string) => void };
  fundingSourceHint?: string;
  schema: typeof CreateBudgetBodySchema | typeof PatchBudgetBodySchema;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField {...fundingSource} description={fundingSourceHint} maxLength={maxLengthOf(schema.shape.fundingSource)} required />
      <TextareaField {...note} description={t('form.optional')} rows={2} maxLength={maxLengthOf(schema.shape.note)} />
    </>
  );
}
