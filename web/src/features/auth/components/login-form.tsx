import type { Me } from '@duidingspool/shared';
import { Button, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../../components/app-link.tsx';
import { ErrorSummary, type SummaryError } from '../../../components/error-summary.tsx';
import { TextField } from '../../../components/form-field.tsx';
import { useErrorMessage } from '../../../components/problem-alert.tsx';
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
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!email.trim()) next.email = t('login.emailRequired');
    if (!password) next.password = t('login.passwordRequired');
    if (needsTotp && !useRecovery && !/^\d{6}$/.test(totp)) next.totp = t('login.totpInvalid');
    if (needsTotp && useRecovery && !/^[a-z2-7]{5}-?[a-z2-7]{5}$/i.test(recoveryCode.trim())) next.recoveryCode = t('login.recoveryCodeInvalid');
    setErrors(next);
    setGeneral(null);
    if (Object.keys(next).length > 0) {
      setAttempt((a) => a + 1);
      return;
    }
    login.mutate(
      { email: email.trim(), password, ...(needsTotp ? (useRecovery ? { recoveryCode: recoveryCode.trim() } : { totp }) : {}) },
      {
        onSuccess: ({ user }) => onSuccess(user),
        onError: (error) => {
          if (error instanceof ApiError && error.fieldErrors.totp && !needsTotp) {
            setNeedsTotp(true);
            setGeneral(t('login.totpNeeded'));
          } else if (error instanceof ApiError && (error.status === 401 || error.status === 400)) {
            setGeneral(error.problem.detail || t('login.failed'));
          } else {
            setGeneral(errorMessage(error));
          }
          setAttempt((a) => a + 1);
        },
      },
    );
  };

  const summary: SummaryError[] = [
    errors.email ? { fieldId: 'login-email', label: t('login.email'), message: errors.email } : null,
    errors.password ? { fieldId: 'login-password', label: t('login.password'), message: errors.password } : null,
    errors.totp ? { fieldId: 'login-totp', label: t('login.totp'), message: errors.totp } : null,
    errors.recoveryCode ? { fieldId: 'login-recovery-code', label: t('login.recoveryCode'), message: errors.recoveryCode } : null,
  ].filter((e): e is SummaryError => e !== null);

  return (
    <form onSubmit={submit} noValidate className="dsp-form dsp-login-form">
      <ErrorSummary errors={summary} general={general} focusKey={attempt} />
      <TextField
        id="login-email"
        label={t('login.email')}
        type="email"
        autoComplete="username"
        value={email}
        onChange={setEmail}
        error={errors.email}
        required
      />
      <TextField
        id="login-password"
        label={t('login.password')}
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
        error={errors.password}
        required
      />
      {needsTotp && !useRecovery ? (
        <TextField
          id="login-totp"
          label={t('login.totp')}
          inputMode="numeric"
          autoComplete="one-time-code"
          value={totp}
          onChange={setTotp}
          error={errors.totp}
          size="small"
        />
      ) : null}
      {needsTotp && useRecovery ? (
        <TextField
          id="login-recovery-code"
          label={t('login.recoveryCode')}
          description={t('login.recoveryCodeHint')}
          autoComplete="off"
          value={recoveryCode}
          onChange={setRecoveryCode}
          error={errors.recoveryCode}
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
      <Paragraph>
        <Button type="submit" appearance="primary-action-button" busy={login.isPending} disabled={login.isPending}>
          {t('login.submit')}
        </Button>
      </Paragraph>
      <Paragraph>
        <AppLink to="/forgot-password">{t('login.forgotPassword')}</AppLink>
      </Paragraph>
    </form>
  );
}
