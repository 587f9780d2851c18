import { LoginBodySchema, type Me, RecoveryCodeSchema, TotpCodeSchema } from '@duidingspool/shared';
import { Paragraph } from '@utrecht/component-library-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { AppLink } from '../../../components/app-link.tsx';
import { FormFrame } from '../../../components/form-frame.tsx';
import { useErrorMessage } from '../../../components/problem-alert.tsx';
import { Field } from '../../../components/schema-field.tsx';
import { useSchemaForm } from '../../../components/schema-form.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { checkedBy, notSent } from '../../../lib/form-inputs.ts';
import { useLogin } from '../api/login.ts';

/** E-mail and password form (then a code of the authenticator app or a recovery code when the server asks); calls `onSuccess` with the signed-in user. */
export function LoginForm({ onSuccess }: { onSuccess: (me: Me) => void }) {
  const { t } = useTranslation();
  const login = useLogin();
  const errorMessage = useErrorMessage();
  const [needsTotp, setNeedsTotp] = useState(false);
  const [useRecovery, setUseRecovery] = useState(false);
  const schema = useMemo(
    () =>
      z.object({
        email: checkedBy(LoginBodySchema.shape.email, t('login.emailInvalid'), t('login.emailRequired')),
        password: checkedBy(LoginBodySchema.shape.password, t('login.passwordRequired')),
        totp: needsTotp && !useRecovery ? checkedBy(TotpCodeSchema, t('login.totpInvalid')) : notSent(),
        recoveryCode: needsTotp && useRecovery ? checkedBy(RecoveryCodeSchema, t('login.recoveryCodeInvalid')) : notSent(),
      }),
    [t, needsTotp, useRecovery],
  );
  const form = useSchemaForm({
    schema,
    defaultValues: { email: '', password: '', totp: '', recoveryCode: '' },
    ids: { email: 'login-email', password: 'login-password', totp: 'login-totp', recoveryCode: 'login-recovery-code' },
    labels: { email: t('login.email'), password: t('login.password'), totp: t('login.totp'), recoveryCode: t('login.recoveryCode') },
  });

  const submit = form.submit((body) =>
    login.mutate(body, {
      onSuccess: ({ user }) => onSuccess(user),
      // A sign-in failure names no field: saying which one was wrong would tell whether the address is known.
      onError: (error) => {
        if (error instanceof ApiError && error.fieldErrors.totp && !needsTotp) {
          setNeedsTotp(true);
          form.failWith(t('login.totpNeeded'));
        } else if (error instanceof ApiError && error.status === 401) {
          // A wrong code names its field; a wrong address or password names none (see above).
          form.failWith(t(error.problem.errors?.length ? 'login.codeIncorrect' : 'login.failed'));
        } else {
          form.failWith(errorMessage(error));
        }
      },
    }),
  );

  return (
    <FormFrame
      frame={form.frame}
      onSubmit={submit}
      submitLabel={t('login.submit')}
      pending={login.isPending}
      className="dsp-form dsp-login-form"
      after={
        <Paragraph>
          <AppLink to="/forgot-password">{t('login.forgotPassword')}</AppLink>
        </Paragraph>
      }
    >
      <Field form={form} name="email" kind="email" autoComplete="username" required />
      <Field form={form} name="password" kind="password" autoComplete="current-password" required />
      {needsTotp && !useRecovery ? <Field form={form} name="totp" inputMode="numeric" autoComplete="one-time-code" size="small" /> : null}
      {needsTotp && useRecovery ? <Field form={form} name="recoveryCode" hint={t('login.recoveryCodeHint')} autoComplete="off" size="small" /> : null}
      {needsTotp ? (
        <Paragraph>
          <button
            type="button"
            className="dsp-link-button"
            onClick={() => {
              form.rhf.clearErrors(['totp', 'recoveryCode']);
              setUseRecovery((v) => !v);
            }}
          >
            {useRecovery ? t('login.useTotp') : t('login.useRecoveryCode')}
          </button>
        </Paragraph>
      ) : null}
    </FormFrame>
  );
}
