import { DeliverAdviceBodySchema, maxLengthOf } from '@duidingspool/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextareaField } from '../../../components/form-field.tsx';
import { hasBlockingPersonalData } from '../../../components/personal-data-warning.tsx';
import { FormFrame, useProblemForm } from '../../../components/problem-form.tsx';
import { useDeliverAdvice } from '../api/deliver-advice.ts';

type Field = 'summary' | 'body';
const IDS: Record<Field, string> = { summary: 'advice-summary', body: 'advice-body' };
const SUMMARY_MAX = maxLengthOf(DeliverAdviceBodySchema.shape.summary);
const BODY_MAX = maxLengthOf(DeliverAdviceBodySchema.shape.body);

/** “Advies schrijven en opleveren”: summary and body, delivered to the casustafel with “Advies opleveren”. */
export function AdviceForm({ requestId, onDelivered }: { requestId: string; onDelivered?: () => void }) {
  const { t } = useTranslation();
  const deliver = useDeliverAdvice(requestId);
  const [summary, setSummary] = useState('');
  const [body, setBody] = useState('');
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
    </FormFrame>
  );
}
