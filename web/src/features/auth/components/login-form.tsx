import type { Me } from '@duidingspool/shared';
import { Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../../components/app-link.tsx';
import { TextField } from '../../../components/form-field.tsx';
import { useErrorMessage } from '../../../components/problem-alert.tsx';
import { type FieldErrors, FormFrame, useProblemForm } from '../../../components/problem-form.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { useLogin } from '../api/login.ts';

/** E-mail and password form; calls `onSuccess` with the signed-in user. */
export function LoginForm({ onSuccess }: { onSuccess: (me: Me) => void }) {
  const { t } = useTranslation();
  const login = useLogin();
  const errorMessage = useErrorMessage();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needsTotp, setNeedsTotp] = useState(false);
  const [useRecovery, setUseRecovery] = useState(false);
  const [recoveryCode, setRecoveryCode] = useState('');
  const form = useProblemForm(
    { email: 'login-email', password: 'login-password', totp: 'login-totp', recoveryCode: 'login-recovery-code' },
    { email: t('login.email'), password: t('login.password'), totp: t('login.totp'), recoveryCode: t('login.recoveryCode') },
  );

  const submit = () => {
    form.begin();
    const next: FieldErrors<'email' | 'password' | 'totp' | 'recoveryCode'> = {};
    if (!email.trim()) next.email = t('login.emailRequired');
    if (!password) next.password = t('login.passwordRequired');
    if (needsTotp && !useRecovery && !/^\d{6}$/.test(totp)) next.totp = t('login.totpInvalid');
    if (needsTotp && useRecovery && !/^[a-z2-7]{5}-?[a-z2-7]{5}$/i.test(recoveryCode.trim())) next.recoveryCode = t('login.recoveryCodeInvalid');
    if (!form.check(next)) return;
    login.mutate(
      { email: email.trim(), password, ...(needsTotp ? (useRecovery ? { recoveryCode: recoveryCode.trim() } : { totp }) : {}) },
      {
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
      },
    );
  };

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
      <TextField {...form.field('email')} type="email" autoComplete="username" value={email} onChange={setEmail} required />
      <TextField {...form.field('password')} type="password" autoComplete="current-password" value={password} onChange={setPassword} required />
      {needsTotp && !useRecovery ? (
        <TextField {...form.field('totp')} inputMode="numeric" autoComplete="one-time-code" value={totp} onChange={setTotp} size="small" />
      ) : null}
      {needsTotp && useRecovery ? (
        <TextField
          {...form.field('recoveryCode')}
          description={t('login.recoveryCodeHint')}
          autoComplete="off"
          value={recoveryCode}
          onChange={setRecoveryCode}
          size="small"
        />
      ) : null}
      {needsTotp ? (
        <Paragraph>
          <button type="button" className="dsp-link-button" onClick={() => setUseRecovery((v) => !v)}>
            {useRecovery ? t('login.useTotp') : t('login.useRecoveryCode')}
          </button>
        </Paragraph>
      ) : null}
    </FormFrame>
  );
}
