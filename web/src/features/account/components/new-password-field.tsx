import { PASSWORD_MIN_LENGTH } from '@duidingspool/shared';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/form-field.tsx';

/**
 * The form's own check of a new password: at least `PASSWORD_MIN_LENGTH` characters (counted as
 * code points, as the server counts them), else the message to show; the server decides the rest.
 */
export function newPasswordError(password: string, t: TFunction): string | undefined {
  return [...password].length < PASSWORD_MIN_LENGTH ? t('account.passwordTooShort', { min: PASSWORD_MIN_LENGTH }) : undefined;
}

/** A new password with its rules as description, for the browser's password manager (`new-password`). */
export function NewPasswordField(props: { id: string; label: string; error: string | undefined; value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  return <TextField {...props} description={t('account.passwordRules', { min: PASSWORD_MIN_LENGTH })} type="password" autoComplete="new-password" required />;
}
