import { DeliverAdviceBodySchema, maxLengthOf } from '@duidingspool/shared';
import { Button, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, type SummaryError } from '../../../components/error-summary.tsx';
import { TextareaField } from '../../../components/form-field.tsx';
import { hasBlockingPersonalData, PersonalDataWarning } from '../../../components/personal-data-warning.tsx';
import { useErrorMessage } from '../../../components/problem-alert.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { useDeliverAdvice } from '../api/deliver-advice.ts';

type Field = 'summary' | 'body';
const IDS: Record<Field, string> = { summary: 'advice-summary', body: 'advice-body' };
const SUMMARY_MAX = maxLengthOf(DeliverAdviceBodySchema.shape.summary);
const BODY_MAX = maxLengthOf(DeliverAdviceBodySchema.shape.body);

/** “Advies schrijven en opleveren”: summary and body, delivered to the casustafel with “Advies opleveren”. */
export function AdviceForm({ requestId, onDelivered }: { requestId: string; onDelivered?: () => void }) {
  const { t } = useTranslation();
  const deliver = useDeliverAdvice(requestId);
  const errorMessage = useErrorMessage();
  const [summary, setSummary] = useState('');
  const [body, setBody] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const labels: Record<Field, string> = { summary: t('advice.summary'), body: t('advice.body') };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setGeneral(null);
    const e: Partial<Record<Field, string>> = {};
    if (!summary.trim()) e.summary = t('form.required');
    else if (summary.length > SUMMARY_MAX) e.summary = t('form.maxLength', { max: SUMMARY_MAX });
    else if (hasBlockingPersonalData(summary)) e.summary = t('personalData.fieldError');
    if (!body.trim()) e.body = t('form.required');
    else if (body.length > BODY_MAX) e.body = t('form.maxLength', { max: BODY_MAX });
    else if (hasBlockingPersonalData(body)) e.body = t('personalData.fieldError');
    setErrors(e);
    if (Object.keys(e).length > 0) {
      setAttempt((a) => a + 1);
      return;
    }
    deliver.mutate(
      { summary, body },
      {
        onSuccess: () => onDelivered?.(),
        onError: (error) => {
          if (error instanceof ApiError) {
            const fe = error.fieldErrors;
            setErrors({ ...(fe.summary ? { summary: fe.summary } : {}), ...(fe.body ? { body: fe.body } : {}) });
          }
          setGeneral(errorMessage(error));
          setAttempt((a) => a + 1);
        },
      },
    );
  };

  const summaryErrors: SummaryError[] = (['summary', 'body'] as const)
    .filter((k) => errors[k])
    .map((k) => ({ fieldId: IDS[k], label: labels[k], message: errors[k] ?? '' }));

  return (
    <form onSubmit={submit} noValidate className="dsp-form">
      <ErrorSummary errors={summaryErrors} general={general} focusKey={attempt} headingLevel={3} />
      <TextareaField
        id={IDS.summary}
        label={labels.summary}
        description={t('advice.summaryHint')}
        value={summary}
        onChange={setSummary}
        error={errors.summary}
        rows={3}
        required
        describedByExtra="advice-summary-pd"
        after={<PersonalDataWarning id="advice-summary-pd" text={summary} />}
      />
      <TextareaField
        id={IDS.body}
        label={labels.body}
        value={body}
        onChange={setBody}
        error={errors.body}
        rows={12}
        required
        describedByExtra="advice-body-pd"
        after={<PersonalDataWarning id="advice-body-pd" text={body} />}
      />
      <Paragraph>
        <Button type="submit" appearance="primary-action-button" disabled={deliver.isPending}>
          {t('advice.submit')}
        </Button>
      </Paragraph>
    </form>
  );
}
