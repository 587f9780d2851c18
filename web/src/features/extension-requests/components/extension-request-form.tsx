import { CreateExtensionBodySchema, MAX_EXTENSION_MINUTES, maxLengthOf } from '@duidingspool/shared';
import { Button, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, type SummaryError } from '../../../components/error-summary.tsx';
import { TextareaField, TextField } from '../../../components/form-field.tsx';
import { hasBlockingPersonalData, PersonalDataWarning } from '../../../components/personal-data-warning.tsx';
import { useErrorMessage } from '../../../components/problem-alert.tsx';
import { StatusMessage } from '../../../components/status-message.tsx';
import { serverFieldErrors, summaryOf } from '../../../lib/form-errors.ts';
import { formatMinutes, parseDuration } from '../../../lib/format.ts';
import { useRequestExtension } from '../api/request-extension.ts';

type Field = 'extraMinutes' | 'reason';
const FIELD_IDS: Record<Field, string> = { extraMinutes: 'extension-duration', reason: 'extension-reason' };

/** “Meer uren aanvragen”: extra time as `h:mm` and a reason; the coordinator decides. */
export function ExtensionRequestForm({ assignmentId }: { assignmentId: string }) {
  const { t } = useTranslation();
  const request = useRequestExtension(assignmentId);
  const errorMessage = useErrorMessage();
  const [duration, setDuration] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [done, setDone] = useState<string | null>(null);
  const labels: Record<Field, string> = { extraMinutes: t('extensions.duration'), reason: t('extensions.reason') };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    setGeneral(null);
    const extraMinutes = parseDuration(duration);
    const e: Partial<Record<Field, string>> = {};
    if (extraMinutes === null || extraMinutes < 1) e.extraMinutes = t('extensions.durationInvalid');
    else if (extraMinutes > MAX_EXTENSION_MINUTES) e.extraMinutes = t('extensions.durationTooLong', { duration: formatMinutes(MAX_EXTENSION_MINUTES) });
    if (!reason.trim()) e.reason = t('form.required');
    else if (hasBlockingPersonalData(reason)) e.reason = t('personalData.fieldError');
    setErrors(e);
    if (Object.keys(e).length > 0 || extraMinutes === null) {
      setAttempt((a) => a + 1);
      return;
    }
    request.mutate(
      { extraMinutes, reason: reason.trim() },
      {
        onSuccess: (created) => {
          setDone(t('extensions.requested', { duration: formatMinutes(created.extraMinutes) }));
          setDuration('');
          setReason('');
        },
        onError: (error) => {
          const fieldErrors = serverFieldErrors(error, FIELD_IDS);
          setErrors(fieldErrors);
          setGeneral(errorMessage(error));
          setAttempt((a) => a + 1);
        },
      },
    );
  };

  const summary: SummaryError[] = summaryOf(FIELD_IDS, labels, errors);

  return (
    <form onSubmit={submit} noValidate className="dsp-form">
      <ErrorSummary errors={summary} general={general} focusKey={attempt} headingLevel={3} />
      <StatusMessage message={done} />
      <TextField
        id={FIELD_IDS.extraMinutes}
        label={labels.extraMinutes}
        description={t('extensions.durationHint')}
        value={duration}
        onChange={setDuration}
        error={errors.extraMinutes}
        size="small"
        autoComplete="off"
        required
      />
      <TextareaField
        id={FIELD_IDS.reason}
        label={labels.reason}
        description={t('extensions.reasonHint')}
        value={reason}
        onChange={setReason}
        error={errors.reason}
        rows={3}
        required
        maxLength={maxLengthOf(CreateExtensionBodySchema.shape.reason)}
        describedByExtra="extension-reason-pd"
        after={<PersonalDataWarning id="extension-reason-pd" text={reason} />}
      />
      <Paragraph>
        <Button type="submit" appearance="primary-action-button" disabled={request.isPending}>
          {t('extensions.submit')}
        </Button>
      </Paragraph>
    </form>
  );
}
