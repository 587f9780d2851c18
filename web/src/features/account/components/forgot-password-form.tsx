import { PasswordResetRequestBodySchema } from '@duidingspool/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormFrame } from '../../../components/form-frame.tsx';
import { Field } from '../../../components/schema-field.tsx';
import { useSchemaForm } from '../../../components/schema-form.tsx';
import { checkedBy } from '../../../lib/form-inputs.ts';
import { useRequestPasswordReset } from '../api/request-password-reset.ts';

/** E-mail address for a reset link (checked by `PasswordResetRequestBodySchema`); the answer is the same whether the address is known or not. */
export function ForgotPasswordForm() {
  const { t } = useTranslation();
  const mutation = useRequestPasswordReset();
  const schema = useMemo(() => z.object({ email: checkedBy(PasswordResetRequestBodySchema.shape.email, t('account.emailInvalid')) }), [t]);
  const form = useSchemaForm({ schema, defaultValues: { email: '' }, ids: { email: 'reset-email' }, labels: { email: t('login.email') } });

  const submit = form.submit((body) => mutation.mutate(body, { onSuccess: () => form.succeed(t('account.resetSent')), onError: (e) => form.fail(e) }));

  return (
    <FormFrame frame={form.frame} onSubmit={submit} submitLabel={t('account.sendResetLink')} pending={mutation.isPending}>
      <Field form={form} name="email" kind="email" autoComplete="username" required />
    </FormFrame>
  );
}
