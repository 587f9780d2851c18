import { DeliverAdviceBodySchema, maxLengthOf } from '@duidingspool/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmPanel } from '../../../components/confirm-action.tsx';
import { TextareaField } from '../../../components/form-field.tsx';
import { hasBlockingPersonalData } from '../../../components/personal-data-warning.tsx';
import { FormFrame, useProblemForm } from '../../../components/problem-form.tsx';
import { useDeliverAdvice } from '../api/deliver-advice.ts';

type Field = 'summary' | 'body';
const IDS: Record<Field, string> = { summary: 'advice-summary', body: 'advice-body' };
const SUMMARY_MAX = maxLengthOf(DeliverAdviceBodySchema.shape.summary);
const BODY_MAX = maxLengthOf(DeliverAdviceBodySchema.shape.body);

/**
 * “Advies schrijven en opleveren”: summary and body, delivered to the casustafel with “Advies
 * opleveren” after a confirmation that says what follows (the advice cannot be changed, the table
 * reads it, the request moves on).
 */
export function AdviceForm({ requestId, reference, onDelivered }: { requestId: string; reference: string; onDelivered?: () => void }) {
  const { t } = useTranslation();
  const deliver = useDeliverAdvice(requestId);
  const [summary, setSummary] = useState('');
  const [body, setBody] = useState('');
  const [confirming, setConfirming] = useState(false);
  const labels: Record<Field, string> = { summary: t('advice.summary'), body: t('advice.body') };
  const form = useProblemForm(IDS, labels);

  const submit = () => {
    form.begin();
    const e: Partial<Record<Field, string>> = {};
    if (!summary.trim()) e.summary = t('form.required');
    else if (summary.length > SUMMARY_MAX) e.summary = t('form.maxLength', { max: SUMMARY_MAX });
    else if (hasBlockingPersonalData(summary)) e.summary = t('personalData.fieldError');
    if (!body.trim()) e.body = t('form.required');
    else if (body.length > BODY_MAX) e.body = t('form.maxLength', { max: BODY_MAX });
    else if (hasBlockingPersonalData(body)) e.body = t('personalData.fieldError');
    if (!form.check(e)) return;
    setConfirming(true);
  };

  const deliverNow = () => {
    setConfirming(false);
    deliver.mutate(
      { summary, body },
      {
        onSuccess: () => onDelivered?.(),
        onError: (error) => form.fail(error),
      },
    );
  };

  return (
    <FormFrame frame={form.frame} onSubmit={submit} submitLabel={t('advice.submit')} pending={deliver.isPending} headingLevel={3}>
      <TextareaField
        {...form.field('summary')}
        description={t('advice.summaryHint')}
        value={summary}
        onChange={setSummary}
        rows={3}
        required
        checkPersonalData
      />
      <TextareaField {...form.field('body')} value={body} onChange={setBody} rows={12} required checkPersonalData />
      {confirming ? (
        <ConfirmPanel
          text={{
            question: t('advice.confirm.question', { reference }),
            consequences: [t('advice.confirm.final'), t('advice.confirm.table'), t('advice.confirm.status')],
            confirmLabel: t('advice.confirm.submit'),
          }}
          pending={deliver.isPending}
          onConfirm={deliverNow}
          onBack={() => setConfirming(false)}
        />
      ) : null}
    </FormFrame>
  );
}
