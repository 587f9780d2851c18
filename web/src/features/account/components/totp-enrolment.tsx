import type { Me } from '@duidingspool/shared';
import { Alert, Button, Heading3, OrderedList, OrderedListItem, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../../components/error-summary.tsx';
import { TextField } from '../../../components/form-field.tsx';
import { ProblemAlert, useErrorMessage } from '../../../components/problem-alert.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { useConfirmTotp, useStartTotpEnrolment } from '../api/totp.ts';

/**
 * Setting up the second factor: start (QR code and the secret as text), confirm with a code from
 * the app, then the one-time recovery codes, shown once.
 */
export function TotpEnrolment({ me, onDone }: { me: Me; onDone: () => void }) {
  const { t } = useTranslation();
  const start = useStartTotpEnrolment();
  const confirm = useConfirmTotp();
  const errorMessage = useErrorMessage();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);

  if (confirm.data) {
    return (
      <div>
        <Alert type="ok">
          <Paragraph>{t('account.totpEnabled')}</Paragraph>
        </Alert>
        <Heading3>{t('account.recoveryCodesHeading')}</Heading3>
        <Paragraph>{t('account.recoveryCodesIntro')}</Paragraph>
        <ul className="dsp-recovery-codes" aria-label={t('account.recoveryCodesHeading')}>
          {confirm.data.recoveryCodes.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ul>
        <Paragraph>
          <Button appearance="primary-action-button" onClick={onDone}>
            {t('account.recoveryCodesSaved')}
          </Button>
        </Paragraph>
      </div>
    );
  }
  if (me.twoFactorEnabled) return <Paragraph>{t('account.totpOn')}</Paragraph>;
  if (!start.data) {
    return (
      <>
        <Paragraph>{me.twoFactorRequired ? t('account.totpRequired') : t('account.totpOptional')}</Paragraph>
        <ProblemAlert error={start.error} />
        <Paragraph>
          <Button appearance="primary-action-button" onClick={() => start.mutate()} busy={start.isPending} disabled={start.isPending}>
            {t('account.totpStart')}
          </Button>
        </Paragraph>
      </>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const message = /^\d{6}$/.test(code.trim()) ? undefined : t('login.totpInvalid');
    setError(message);
    setAttempt((a) => a + 1);
    if (message) return;
    confirm.mutate(
      { code: code.trim() },
      {
        onError: (e) => {
          setError(e instanceof ApiError && e.fieldErrors.code ? e.problem.detail : errorMessage(e));
          setAttempt((a) => a + 1);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate className="dsp-form">
      <OrderedList>
        <OrderedListItem>{t('account.totpStep1')}</OrderedListItem>
        <OrderedListItem>{t('account.totpStep2')}</OrderedListItem>
        <OrderedListItem>{t('account.totpStep3')}</OrderedListItem>
      </OrderedList>
      <img src={start.data.qrCodeDataUrl} alt={t('account.qrAlt')} width={240} height={240} className="dsp-qr" />
      <Paragraph>
        {t('account.secretText')} <code className="dsp-secret">{start.data.secret.replace(/(.{4})/g, '$1 ').trim()}</code>
      </Paragraph>
      <ErrorSummary errors={error ? [{ fieldId: 'totp-code', label: t('login.totp'), message: error }] : []} general={null} focusKey={attempt} />
      <TextField
        id="totp-code"
        label={t('login.totp')}
        inputMode="numeric"
        autoComplete="one-time-code"
        value={code}
        onChange={setCode}
        error={error}
        size="small"
        required
      />
      <Paragraph>
        <Button type="submit" appearance="primary-action-button" busy={confirm.isPending} disabled={confirm.isPending}>
          {t('account.totpConfirm')}
        </Button>
      </Paragraph>
    </form>
  );
}
