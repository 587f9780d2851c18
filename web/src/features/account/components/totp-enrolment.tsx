import { ConfirmTotpBodySchema, type Me } from '@duidingspool/shared';
import { Alert, Button, Heading3, OrderedList, OrderedListItem, Paragraph } from '@utrecht/component-library-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormFrame } from '../../../components/form-frame.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { Field } from '../../../components/schema-field.tsx';
import { useSchemaForm } from '../../../components/schema-form.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { parsedBy } from '../../../lib/form-inputs.ts';
import { useConfirmTotp, useStartTotpEnrolment } from '../api/totp.ts';

/**
 * Setting up the second factor: start (QR code and the secret as text), confirm with a code from
 * the app, then the one-time recovery codes, shown once.
 */
export function TotpEnrolment({ me, onDone }: { me: Me; onDone: () => void }) {
  const { t } = useTranslation();
  const start = useStartTotpEnrolment();
  const confirm = useConfirmTotp();
  const schema = useMemo(() => z.object({ code: parsedBy((text) => text.trim(), ConfirmTotpBodySchema.shape.code, t('login.totpInvalid')) }), [t]);
  const form = useSchemaForm({ schema, defaultValues: { code: '' }, ids: { code: 'totp-code' }, labels: { code: t('login.totp') } });

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

  const submit = form.submit((body) =>
    confirm.mutate(body, {
      // Every failure is shown on the code field: a wrong code as such, else the problem's message.
      onError: (e) =>
        form.fail(e, (_, fieldErrors, message) => {
          fieldErrors.code = e instanceof ApiError && e.fieldErrors.code ? t('login.codeIncorrect') : message;
          return null;
        }),
    }),
  );

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
      <Field form={form} name="code" inputMode="numeric" autoComplete="one-time-code" size="small" required />
    </FormFrame>
  );
}
