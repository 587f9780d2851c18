import { ChangePasswordBodySchema } from '@duidingspool/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormFrame } from '../../../components/form-frame.tsx';
import { Field } from '../../../components/schema-field.tsx';
import { fieldsOrMessage, useSchemaForm } from '../../../components/schema-form.tsx';
import { checkedBy } from '../../../lib/form-inputs.ts';
import { useChangePassword } from '../api/change-password.ts';
import { NewPasswordField, newPasswordInput } from './new-password-field.tsx';

/** Current and new password; other sessions of the user end when it changes. */
export function ChangePasswordForm() {
  const { t } = useTranslation();
  const mutation = useChangePassword();
  const schema = useMemo(
    () =>
      z.object({
        currentPassword: checkedBy(ChangePasswordBodySchema.shape.currentPassword, t('login.passwordRequired')),
        newPassword: newPasswordInput(t),
      }),
    [t],
  );
  const form = useSchemaForm({
    schema,
    defaultValues: { currentPassword: '', newPassword: '' },
    ids: { currentPassword: 'current-password', newPassword: 'changed-password' },
    labels: { currentPassword: t('account.currentPassword'), newPassword: t('account.newPassword') },
  });

  const submit = form.submit((body) =>
    mutation.mutate(body, {
      onSuccess: () => {
        form.succeed(t('account.passwordChanged'));
        form.rhf.reset();
      },
      onError: (error) => form.fail(error, fieldsOrMessage),
    }),
  );

  return (
    <FormFrame frame={form.frame} onSubmit={submit} submitLabel={t('account.changePassword')} pending={mutation.isPending} appearance="secondary-action-button">
      <Field form={form} name="currentPassword" kind="password" autoComplete="current-password" required />
      <NewPasswordField form={form} name="newPassword" />
    </FormFrame>
  );
}
