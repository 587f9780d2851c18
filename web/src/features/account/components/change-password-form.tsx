import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/form-field.tsx';
import { type FieldErrors, FormFrame, fieldsOrMessage, useProblemForm } from '../../../components/problem-form.tsx';
import { useChangePassword } from '../api/change-password.ts';
import { NewPasswordField, newPasswordError } from './new-password-field.tsx';

/** Current and new password; other sessions of the user end when it changes. */
export function ChangePasswordForm() {
  const { t } = useTranslation();
  const mutation = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const form = useProblemForm(
    { currentPassword: 'current-password', newPassword: 'changed-password' },
    { currentPassword: t('account.currentPassword'), newPassword: t('account.newPassword') },
  );

  const submit = () => {
    form.begin();
    const found: FieldErrors<'currentPassword' | 'newPassword'> = {};
    if (!current) found.currentPassword = t('login.passwordRequired');
    const tooShort = newPasswordError(next, t);
    if (tooShort) found.newPassword = tooShort;
    if (!form.check(found)) return;
    mutation.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: () => {
          form.succeed(t('account.passwordChanged'));
          setCurrent('');
          setNext('');
        },
        onError: (error) => form.fail(error, fieldsOrMessage),
      },
    );
  };

  return (
    <FormFrame frame={form.frame} onSubmit={submit} submitLabel={t('account.changePassword')} pending={mutation.isPending} appearance="secondary-action-button">
      <TextField {...form.field('currentPassword')} type="password" autoComplete="current-password" value={current} onChange={setCurrent} required />
      <NewPasswordField {...form.field('newPassword')} value={next} onChange={setNext} />
    </FormFrame>
  );
}
