import { Paragraph } from '@utrecht/component-library-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { AppLink } from '../../../components/app-link.tsx';
import { FormFrame } from '../../../components/form-frame.tsx';
import { Field } from '../../../components/schema-field.tsx';
import { fieldsOrMessage, useSchemaForm } from '../../../components/schema-form.tsx';
import { StatusMessage } from '../../../components/status-message.tsx';
import { useSetPassword } from '../api/set-password.ts';
import { NewPasswordField, newPasswordInput } from './new-password-field.tsx';

/** The token from the link's fragment (`#token=…`): a fragment never reaches a server or its logs. */
export function tokenFromHash(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : null;
}

/** New password twice, for the link of an invitation or a password reset. */
export function SetPasswordForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const mutation = useSetPassword();
  const schema = useMemo(
    () =>
      z
        .object({ newPassword: newPasswordInput(t), repeat: z.string() })
        .refine((v) => v.newPassword === v.repeat, { path: ['repeat'], params: { text: t('account.passwordsDiffer') } }),
    [t],
  );
  const form = useSchemaForm({
    schema,
    defaultValues: { newPassword: '', repeat: '' },
    ids: { newPassword: 'new-password', repeat: 'repeat-password' },
    labels: { newPassword: t('account.newPassword'), repeat: t('account.repeatPassword') },
  });

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

  const submit = form.submit(({ newPassword }) => mutation.mutate({ token, newPassword }, { onError: (error) => form.fail(error, fieldsOrMessage) }));

  return (
    <FormFrame frame={form.frame} onSubmit={submit} submitLabel={t('account.setPassword')} pending={mutation.isPending}>
      <NewPasswordField form={form} name="newPassword" />
      <Field form={form} name="repeat" kind="password" autoComplete="new-password" required />
    </FormFrame>
  );
}
