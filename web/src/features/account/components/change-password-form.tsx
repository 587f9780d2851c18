import { PASSWORD_MIN_LENGTH } from '@duidingspool/shared';
import { Button, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, type SummaryError } from '../../../components/error-summary.tsx';
import { TextField } from '../../../components/form-field.tsx';
import { useErrorMessage } from '../../../components/problem-alert.tsx';
import { StatusMessage } from '../../../components/status-message.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { useChangePassword } from '../api/change-password.ts';

/** Current and new password; other sessions of the user end when it changes. */
export function ChangePasswordForm() {
  const { t } = useTranslation();
  const mutation = useChangePassword();
  const errorMessage = useErrorMessage();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!current) found.currentPassword = t('login.passwordRequired');
    if ([...next].length < PASSWORD_MIN_LENGTH) found.newPassword = t('account.passwordTooShort', { min: PASSWORD_MIN_LENGTH });
    setErrors(found);
    setGeneral(null);
    setAttempt((a) => a + 1);
    if (Object.keys(found).length > 0) return;
    mutation.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
        },
        onError: (error) => {
          if (error instanceof ApiError && Object.keys(error.fieldErrors).length > 0) setErrors(error.fieldErrors);
          else setGeneral(errorMessage(error));
          setAttempt((a) => a + 1);
        },
      },
    );
  };

  const summary: SummaryError[] = [
    errors.currentPassword ? { fieldId: 'current-password', label: t('account.currentPassword'), message: errors.currentPassword } : null,
    errors.newPassword ? { fieldId: 'changed-password', label: t('account.newPassword'), message: errors.newPassword } : null,
  ].filter((e): e is SummaryError => e !== null);

  return (
    <form onSubmit={submit} noValidate className="dsp-form">
      <StatusMessage message={mutation.isSuccess ? t('account.passwordChanged') : null} />
      <ErrorSummary errors={summary} general={general} focusKey={attempt} />
      <TextField
        id="current-password"
        label={t('account.currentPassword')}
        type="password"
        autoComplete="current-password"
        value={current}
        onChange={setCurrent}
        error={errors.currentPassword}
        required
      />
      <TextField
        id="changed-password"
        label={t('account.newPassword')}
        description={t('account.passwordRules', { min: PASSWORD_MIN_LENGTH })}
        type="password"
        autoComplete="new-password"
        value={next}
        onChange={setNext}
        error={errors.newPassword}
        required
      />
      <Paragraph>
        <Button type="submit" appearance="secondary-action-button" busy={mutation.isPending} disabled={mutation.isPending}>
          {t('account.changePassword')}
        </Button>
      </Paragraph>
    </form>
  );
}
