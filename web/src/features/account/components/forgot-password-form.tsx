import { PasswordResetRequestBodySchema } from '@duidingspool/shared';
import { Button, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, type SummaryError } from '../../../components/error-summary.tsx';
import { TextField } from '../../../components/form-field.tsx';
import { useErrorMessage } from '../../../components/problem-alert.tsx';
import { StatusMessage } from '../../../components/status-message.tsx';
import { useRequestPasswordReset } from '../api/request-password-reset.ts';

/** E-mail address for a reset link; the answer is the same whether the address is known or not. */
export function ForgotPasswordForm() {
  const { t } = useTranslation();
  const mutation = useRequestPasswordReset();
  const errorMessage = useErrorMessage();
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [general, setGeneral] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const message = PasswordResetRequestBodySchema.shape.email.safeParse(email).success ? undefined : t('account.emailInvalid');
    setError(message);
    setGeneral(null);
    setAttempt((a) => a + 1);
    if (message) return;
    mutation.mutate({ email: email.trim() }, { onError: (e) => setGeneral(errorMessage(e)) });
  };

  const summary: SummaryError[] = error ? [{ fieldId: 'reset-email', label: t('login.email'), message: error }] : [];
  return (
    <form onSubmit={submit} noValidate className="dsp-form">
      <StatusMessage message={mutation.isSuccess ? t('account.resetSent') : null} />
      <ErrorSummary errors={summary} general={general} focusKey={attempt} />
      <TextField id="reset-email" label={t('login.email')} type="email" autoComplete="username" value={email} onChange={setEmail} error={error} required />
      <Paragraph>
        <Button type="submit" appearance="primary-action-button" busy={mutation.isPending} disabled={mutation.isPending}>
          {t('account.sendResetLink')}
        </Button>
      </Paragraph>
    </form>
  );
}
