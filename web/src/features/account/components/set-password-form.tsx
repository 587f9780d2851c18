import { Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../../components/app-link.tsx';
import { TextField } from '../../../components/form-field.tsx';
import { type FieldErrors, FormFrame, fieldsOrMessage, useProblemForm } from '../../../components/problem-form.tsx';
import { StatusMessage } from '../../../components/status-message.tsx';
import { useSetPassword } from '../api/set-password.ts';
import { NewPasswordField, newPasswordError } from './new-password-field.tsx';

/** The token from the link's fragment (`#token=…`): a fragment never reaches a server or its logs. */
export function tokenFromHash(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : null;
}

/** New password twice, for the link of an invitation or a password reset. */
export function SetPasswordForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const mutation = useSetPassword();
  const [password, setPasswordValue] = useState('');
  const [repeat, setRepeat] = useState('');
  const form = useProblemForm(
    { newPassword: 'new-password', repeat: 'repeat-password' },
    { newPassword: t('account.newPassword'), repeat: t('account.repeatPassword') },
  );

  if (mutation.isSuccess) {
    return (
      <>
        <StatusMessage message={t('account.passwordSet')} />
        <Paragraph>
          <AppLink to="/login">{t('account.toLogin')}</AppLink>
        </Paragraph>
      </>
    );
  }

  const submit = () => {
    form.begin();
    const next: FieldErrors<'newPassword' | 'repeat'> = {};
    const tooShort = newPasswordError(password, t);
    if (tooShort) next.newPassword = tooShort;
    else if (password !== repeat) next.repeat = t('account.passwordsDiffer');
    if (!form.check(next)) return;
    mutation.mutate(
      { token, newPassword: password },
      {
        onError: (error) => form.fail(error, fieldsOrMessage),
      },
    );
  };

  return (
    <FormFrame frame={form.frame} onSubmit={submit} submitLabel={t('account.setPassword')} pending={mutation.isPending}>
      <NewPasswordField {...form.field('newPassword')} value={password} onChange={setPasswordValue} />
      <TextField {...form.field('repeat')} type="password" autoComplete="new-password" value={repeat} onChange={setRepeat} required />
    </FormFrame>
  );
}
