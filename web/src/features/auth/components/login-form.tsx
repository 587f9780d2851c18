import { loginEmail, loginPassword, type Me, recoveryCode, totpCode } from '@duidingspool/shared';
import { Paragraph, Textbox } from '@utrecht/component-library-react';
import { type ChangeEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../../components/app-link.tsx';
import { describedBy, FieldShell } from '../../../components/field-shell.tsx';
import { FormFrame } from '../../../components/form-frame.tsx';
import { useErrorMessage } from '../../../components/problem-alert.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { summaryOf } from '../../../lib/form-errors.ts';
import { useLogin } from '../api/login.ts';

type LoginField = 'email' | 'password' | 'totp' | 'recoveryCode';
const IDS: Record<LoginField, string> = { email: 'login-email', password: 'login-password', totp: 'login-totp', recoveryCode: 'login-recovery-code' };

/** One text field of the login form, with the markup of the form pattern's `Field` (label, hint, error, `aria-describedby`). */
function LoginInput({
  name,
  label,
  value,
  error,
  onChange,
  type = 'text',
  hint,
  required,
  autoComplete,
  inputMode,
  size = 'full',
}: {
  name: LoginField;
  label: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'password';
  hint?: ReactNode;
  required?: boolean;
  autoComplete: string;
  inputMode?: 'numeric';
  size?: 'small' | 'full';
}) {
  const id = IDS[name];
  return (
    <FieldShell id={id} label={label} description={hint} error={error} required={required}>
      <Textbox
        id={id}
        name={name}
        invalid={!!error}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { description: !!hint, error: !!error })}
        required={required}
        type={type}
        value={value}
        onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(e.target.value)}
        autoComplete={autoComplete}
        inputMode={inputMode}
        className={`dsp-input--${size}`}
      />
    </FieldShell>
  );
}

/**
 * E-mail and password form (then a code of the authenticator app or a recovery code when the server
 * asks); calls `onSuccess` with the signed-in user. It behaves as a form of the one form pattern
 * (docs/decisions/125-one-form-pattern.md: checked on submit and, after that, on every change; the
 * error summary takes focus) but is written without react-hook-form and zod, with the login rules of
 * `shared/src/first-load.ts`, so the first page loads neither (docs/decisions/070-a-light-spa.md).
 */
export function LoginForm({ onSuccess }: { onSuccess: (me: Me) => void }) {
  const { t } = useTranslation();
  const login = useLogin();
  const errorMessage = useErrorMessage();
  const [needsTotp, setNeedsTotp] = useState(false);
  const [useRecovery, setUseRecovery] = useState(false);
  const [values, setValues] = useState<Record<LoginField, string>>({ email: '', password: '', totp: '', recoveryCode: '' });
  const [errors, setErrors] = useState<Partial<Record<LoginField, string>>>({});
  const [submitted, setSubmitted] = useState(false);
  const [general, setGeneral] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const labels: Record<LoginField, string> = {
    email: t('login.email'),
    password: t('login.password'),
    totp: t('login.totp'),
    recoveryCode: t('login.recoveryCode'),
  };
  const askTotp = needsTotp && !useRecovery;
  const askRecovery = needsTotp && useRecovery;

  /** The message of `name`'s check of `value`, or undefined when it passes (a field the form does not send always passes). */
  const check = (name: LoginField, value: string): string | undefined => {
    if (name === 'email') return !value.trim() ? t('login.emailRequired') : loginEmail(value) === null ? t('login.emailInvalid') : undefined;
    if (name === 'password') return loginPassword(value) === null ? t('login.passwordRequired') : undefined;
    if (name === 'totp') return askTotp && totpCode(value) === null ? t('login.totpInvalid') : undefined;
    return askRecovery && recoveryCode(value) === null ? t('login.recoveryCodeInvalid') : undefined;
  };

  const change = (name: LoginField) => (value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    // After a submit, a changed field is checked again: its error goes as soon as the input is right.
    if (submitted) setErrors((e) => ({ ...e, [name]: check(name, value) }));
  };

  const focusSummary = () => setAttempt((a) => a + 1);
  const failWith = (message: string) => {
    setGeneral(message);
    focusSummary();
  };

  const submit = () => {
    setGeneral(null);
    setSubmitted(true);
    const found: Partial<Record<LoginField, string>> = {};
    for (const name of Object.keys(IDS) as LoginField[]) {
      const message = check(name, values[name]);
      if (message) found[name] = message;
    }
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusSummary();
      return;
    }
    const body = {
      email: loginEmail(values.email) ?? '',
      password: values.password,
      totp: askTotp ? (totpCode(values.totp) ?? undefined) : undefined,
      recoveryCode: askRecovery ? (recoveryCode(values.recoveryCode) ?? undefined) : undefined,
    };
    login.mutate(body, {
      onSuccess: ({ user }) => onSuccess(user),
      // A sign-in failure names no field: saying which one was wrong would tell whether the address is known.
      onError: (error) => {
        if (error instanceof ApiError && error.fieldErrors.totp && !needsTotp) {
          setNeedsTotp(true);
          failWith(t('login.totpNeeded'));
        } else if (error instanceof ApiError && error.status === 401) {
          // A wrong code names its field; a wrong address or password names none (see above).
          failWith(t(error.problem.errors?.length ? 'login.codeIncorrect' : 'login.failed'));
        } else {
          failWith(errorMessage(error));
        }
      },
    });
  };

  const shown: Partial<Record<LoginField, string>> = Object.fromEntries(Object.entries(errors).filter(([, m]) => m));
  /** What every field takes from the form's state, by its name. */
  const bound = (name: LoginField) => ({ name, label: labels[name], value: values[name], error: shown[name], onChange: change(name) });
  return (
    <FormFrame
      frame={{ summary: summaryOf(IDS, labels, shown), general, focusKey: attempt, done: null }}
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
      <LoginInput {...bound('email')} type="email" autoComplete="username" required />
      <LoginInput {...bound('password')} type="password" autoComplete="current-password" required />
      {askTotp ? <LoginInput {...bound('totp')} inputMode="numeric" autoComplete="one-time-code" size="small" /> : null}
      {askRecovery ? <LoginInput {...bound('recoveryCode')} hint={t('login.recoveryCodeHint')} autoComplete="off" size="small" /> : null}
      {needsTotp ? (
        <Paragraph>
          <button
            type="button"
            className="dsp-link-button"
            onClick={() => {
              setErrors((e) => ({ ...e, totp: undefined, recoveryCode: undefined }));
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
