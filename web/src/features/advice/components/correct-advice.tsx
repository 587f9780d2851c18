import { type Advice, type CorrectAdviceBody, CorrectAdviceBodySchema } from '@duidingspool/shared';
import { Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ConfirmPanel } from '../../../components/confirm-action.tsx';
import { FormFrame } from '../../../components/form-frame.tsx';
import { Field } from '../../../components/schema-field.tsx';
import { useSchemaForm } from '../../../components/schema-form.tsx';
import { textInput } from '../../../lib/form-inputs.ts';
import { useCorrectAdvice } from '../api/correct-advice.ts';

/**
 * “Advies corrigeren” after delivery (docs/design.md §4, decision 114), shown to the specialist when
 * the request's `allowedActions` has `correct-advice`: the delivered advice to edit (it starts as
 * the latest version) and the required reason, then a confirmation that says what follows (the
 * casustafel reads the new version with the reason and is told so; the earlier version stays
 * readable; the request stays delivered). `onDone` announces the result on the page.
 */
export function CorrectAdvice({
  requestId,
  reference,
  advice,
  onDone,
}: {
  requestId: string;
  reference: string;
  advice: Advice;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const correct = useCorrectAdvice(requestId);
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState<Omit<CorrectAdviceBody, 'basedOnVersion'> | null>(null);
  const schema = useMemo(
    () =>
      z.object({
        summary: textInput(CorrectAdviceBodySchema.shape.summary, t, { personalData: true }),
        body: textInput(CorrectAdviceBodySchema.shape.body, t, { personalData: true }),
        reason: textInput(CorrectAdviceBodySchema.shape.reason, t, { personalData: true }),
      }),
    [t],
  );
  const form = useSchemaForm({
    schema,
    defaultValues: { summary: advice.summary, body: advice.body, reason: '' },
    ids: { summary: 'correction-summary', body: 'correction-body', reason: 'correction-reason' },
    labels: { summary: t('advice.summary'), body: t('advice.body'), reason: t('adviceCorrection.reasonLabel') },
  });

  const close = () => {
    setOpen(false);
    setConfirming(null);
    correct.reset();
    form.rhf.reset({ summary: advice.summary, body: advice.body, reason: '' });
  };
  const submit = form.submit((body) => setConfirming(body));
  const send = () => {
    if (!confirming) return;
    // The version read is sent along: a correction made meanwhile (another tab) is not overwritten.
    correct.mutate(
      { ...confirming, basedOnVersion: advice.version },
      {
        onSuccess: (made) => {
          close();
          onDone(t('adviceCorrection.done', { reference, version: made.version }));
        },
        onError: (error) => {
          setConfirming(null);
          form.fail(error);
        },
      },
    );
  };

  return (
    <section aria-labelledby="advice-correction-heading" className="dsp-section">
      <Heading2 id="advice-correction-heading">{t('adviceCorrection.heading')}</Heading2>
      <Paragraph>{t('adviceCorrection.intro')}</Paragraph>
      {open ? (
        <FormFrame
          frame={form.frame}
          onSubmit={submit}
          submitLabel={t('adviceCorrection.submit')}
          pending={correct.isPending}
          headingLevel={3}
          secondaryAction={
            <Button type="button" appearance="secondary-action-button" onClick={close}>
              {t('adviceCorrection.cancel')}
            </Button>
          }
        >
          <Field form={form} name="summary" kind="textarea" rows={3} required checkPersonalData />
          <Field form={form} name="body" kind="textarea" rows={12} required checkPersonalData />
          <Field form={form} name="reason" kind="textarea" hint={t('adviceCorrection.reasonHint')} rows={3} required checkPersonalData />
          {confirming ? (
            <ConfirmPanel
              text={{
                question: t('adviceCorrection.question', { reference }),
                consequences: [t('adviceCorrection.effects.version'), t('adviceCorrection.effects.table'), t('adviceCorrection.effects.status')],
                confirmLabel: t('adviceCorrection.confirm'),
              }}
              pending={correct.isPending}
              onConfirm={send}
              onBack={() => setConfirming(null)}
            />
          ) : null}
        </FormFrame>
      ) : (
        <ButtonGroup>
          <Button appearance="secondary-action-button" onClick={() => setOpen(true)}>
            {t('adviceCorrection.start')}
          </Button>
        </ButtonGroup>
      )}
    </section>
  );
}
