import { NewPasswordSchema, PASSWORD_MIN_LENGTH } from '@duidingspool/shared';
import type { TFunction } from 'i18next';
import type { FieldValues, Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Field } from '../../../components/schema-field.tsx';
import type { SchemaForm } from '../../../components/schema-form.tsx';

/**
 * The form's own check of a new password, on `NewPasswordSchema` of shared: at least
 * `PASSWORD_MIN_LENGTH` characters (counted as code points, as the server counts them) with the
 * message of the password rules; the server decides the rest (common and breached passwords).
 */
export function newPasswordInput(t: TFunction) {
  return z
    .string()
    .refine((password) => [...password].length >= PASSWORD_MIN_LENGTH, { params: { text: t('account.passwordTooShort', { min: PASSWORD_MIN_LENGTH }) } })
    .pipe(NewPasswordSchema);
}

/** A new password with its rules as hint, for the browser's password manager (`new-password`). */
export function NewPasswordField<V extends FieldValues, Out>({ form, name }: { form: SchemaForm<V, Out>; name: Path<V> & string }) {
  const { t } = useTranslation();
  return <Field form={form} name={name} kind="password" hint={t('account.passwordRules', { min: PASSWORD_MIN_LENGTH })} autoComplete="new-password" required />;
}
