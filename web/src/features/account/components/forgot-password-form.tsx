import { PasswordResetRequestBodySchema } from '@duidingspool/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/form-field.tsx';
import { FormFrame, useProblemForm } from '../../../components/problem-form.tsx';
import { useRequestPasswordReset } from '../api/request-password-reset.ts';

/** E-mail address for a reset link; the answer is the same whether the address is known or not. */
export function ForgotPasswordForm() {
  const { t } = useTranslation();
  const mutation = useRequestPasswordReset();
  const [email, setEmail] = useState('');
  const form = useProblemForm({ email: 'reset-email' }, { email: t('login.email') });

  const submit = () => {
    form.begin();
    const valid = PasswordResetRequestBodySchema.shape.email.safeParse(email).success;
    if (!form.check(valid ? {} : { email: t('account.emailInvalid') })) return;
    mutation.mutate({ email: email.trim() }, { onSuccess: () => form.succeed(t('account.resetSent')), onError: (e) => form.fail(e) });
  };

  return (
    <FormFrame frame={form.frame} onSubmit={submit} submitLabel={t('account.sendResetLink')} pending={mutation.isPending}>
      <TextField {...form.field('email')} type="email" autoComplete="username" value={email} onChange={setEmail} required />
    </FormFrame>
  );
}
