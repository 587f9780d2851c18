import { PASSWORD_MIN_LENGTH } from '@duidingspool/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/form-field.tsx';
import { type FieldErrors, FormFrame, fieldsOrMessage, useProblemForm } from '../../../components/problem-form.tsx';
import { useChangePassword } from '../api/change-password.ts';

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
    if ([...next].length < PASSWORD_MIN_LENGTH) found.newPassword = t('account.passwordTooShort', { min: PASSWORD_MIN_LENGTH });
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
      <TextField
        {...form.field('newPassword')}
        description={t('account.passwordRules', { min: PASSWORD_MIN_LENGTH })}
        type="password"
        autoComplete="new-password"
        value={next}
        onChange={setNext}
        required
      />
    </FormFrame>
  );
}
