import { PASSWORD_MIN_LENGTH } from '@duidingspool/shared';
import { Button, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../../components/app-link.tsx';
import { ErrorSummary, type SummaryError } from '../../../components/error-summary.tsx';
import { TextField } from '../../../components/form-field.tsx';
import { useErrorMessage } from '../../../components/problem-alert.tsx';
import { StatusMessage } from '../../../components/status-message.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { useSetPassword } from '../api/set-password.ts';

/** The token from the link's fragment (`#token=…`): a fragment never reaches a server or its logs. */
export function tokenFromHash(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : null;
}

/** New password twice, for the link of an invitation or a password reset. */
export function SetPasswordForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const mutation = useSetPassword();
  const errorMessage = useErrorMessage();
  const [password, setPasswordValue] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

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

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if ([...password].length < PASSWORD_MIN_LENGTH) next.newPassword = t('account.passwordTooShort', { min: PASSWORD_MIN_LENGTH });
    else if (password !== repeat) next.repeat = t('account.passwordsDiffer');
    setErrors(next);
    setGeneral(null);
    setAttempt((a) => a + 1);
    if (Object.keys(next).length > 0) return;
    mutation.mutate(
      { token, newPassword: password },
      {
        onError: (error) => {
          if (error instanceof ApiError && error.fieldErrors.newPassword) setErrors({ newPassword: error.fieldErrors.newPassword });
          else setGeneral(errorMessage(error));
          setAttempt((a) => a + 1);
        },
      },
    );
  };

  const summary: SummaryError[] = [
    errors.newPassword ? { fieldId: 'new-password', label: t('account.newPassword'), message: errors.newPassword } : null,
    errors.repeat ? { fieldId: 'repeat-password', label: t('account.repeatPassword'), message: errors.repeat } : null,
  ].filter((e): e is SummaryError => e !== null);

  return (
    <form onSubmit={submit} noValidate className="dsp-form">
      <ErrorSummary errors={summary} general={general} focusKey={attempt} />
      <TextField
        id="new-password"
        label={t('account.newPassword')}
        description={t('account.passwordRules', { min: PASSWORD_MIN_LENGTH })}
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={setPasswordValue}
        error={errors.newPassword}
        required
      />
      <TextField
        id="repeat-password"
        label={t('account.repeatPassword')}
        type="password"
        autoComplete="new-password"
        value={repeat}
        onChange={setRepeat}
        error={errors.repeat}
        required
      />
      <Paragraph>
        <Button type="submit" appearance="primary-action-button" busy={mutation.isPending} disabled={mutation.isPending}>
          {t('account.setPassword')}
        </Button>
      </Paragraph>
    </form>
  );
}
