import type { Me } from '@duidingspool/shared';
import { Alert, Button, Heading3, OrderedList, OrderedListItem, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/form-field.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { FormFrame, useProblemForm } from '../../../components/problem-form.tsx';
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
  const [code, setCode] = useState('');
  const form = useProblemForm({ code: 'totp-code' }, { code: t('login.totp') });

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

  const submit = () => {
    form.begin();
    if (!form.check(/^\d{6}$/.test(code.trim()) ? {} : { code: t('login.totpInvalid') })) return;
    confirm.mutate(
      { code: code.trim() },
      {
        // Every failure is shown on the code field: a wrong code as such, else the problem's message.
        onError: (e) =>
          form.fail(e, (_, fieldErrors, message) => {
            fieldErrors.code = e instanceof ApiError && e.fieldErrors.code ? t('login.codeIncorrect') : message;
            return null;
          }),
      },
    );
  };

  return (
    <FormFrame
      frame={form.frame}
      onSubmit={submit}
      submitLabel={t('account.totpConfirm')}
      pending={confirm.isPending}
      intro={
        <>
          <OrderedList>
            <OrderedListItem>{t('account.totpStep1')}</OrderedListItem>
            <OrderedListItem>{t('account.totpStep2')}</OrderedListItem>
            <OrderedListItem>{t('account.totpStep3')}</OrderedListItem>
          </OrderedList>
          <img src={start.data.qrCodeDataUrl} alt={t('account.qrAlt')} width={240} height={240} className="dsp-qr" />
          <Paragraph>
            {t('account.secretText')} <code className="dsp-secret">{start.data.secret.replace(/(.{4})/g, '$1 ').trim()}</code>
          </Paragraph>
        </>
      }
    >
      <TextField {...form.field('code')} inputMode="numeric" autoComplete="one-time-code" value={code} onChange={setCode} size="small" required />
    </FormFrame>
  );
}
