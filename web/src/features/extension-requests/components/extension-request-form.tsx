import { CreateExtensionBodySchema, MAX_EXTENSION_MINUTES, maxLengthOf } from '@duidingspool/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ShortField, TextareaField } from '../../../components/form-field.tsx';
import { hasBlockingPersonalData } from '../../../components/personal-data-warning.tsx';
import { FormFrame, useProblemForm } from '../../../components/problem-form.tsx';
import { formatMinutes, parseDuration } from '../../../lib/format.ts';
import { useRequestExtension } from '../api/request-extension.ts';

type Field = 'extraMinutes' | 'reason';
const FIELD_IDS: Record<Field, string> = { extraMinutes: 'extension-duration', reason: 'extension-reason' };

/** “Meer uren aanvragen”: extra time as `h:mm` and a reason; the coordinator decides. */
export function ExtensionRequestForm({ assignmentId }: { assignmentId: string }) {
  const { t } = useTranslation();
  const request = useRequestExtension(assignmentId);
  const [duration, setDuration] = useState('');
  const [reason, setReason] = useState('');
  const labels: Record<Field, string> = { extraMinutes: t('extensions.duration'), reason: t('extensions.reason') };
  const form = useProblemForm(FIELD_IDS, labels);

  const submit = () => {
    form.begin();
    const extraMinutes = parseDuration(duration);
    const e: Partial<Record<Field, string>> = {};
    if (extraMinutes === null || extraMinutes < 1) e.extraMinutes = t('extensions.durationInvalid');
    else if (extraMinutes > MAX_EXTENSION_MINUTES) e.extraMinutes = t('extensions.durationTooLong', { duration: formatMinutes(MAX_EXTENSION_MINUTES) });
    if (!reason.trim()) e.reason = t('form.required');
    else if (hasBlockingPersonalData(reason)) e.reason = t('personalData.fieldError');
    if (!form.check(e) || extraMinutes === null) return;
    request.mutate(
      { extraMinutes, reason: reason.trim() },
      {
        onSuccess: (created) => {
          form.succeed(t('extensions.requested', { duration: formatMinutes(created.extraMinutes) }));
          setDuration('');
          setReason('');
        },
        onError: (error) => form.fail(error),
      },
    );
  };

  return (
    <FormFrame frame={form.frame} onSubmit={submit} submitLabel={t('extensions.submit')} pending={request.isPending} headingLevel={3}>
      <ShortField {...form.field('extraMinutes')} description={t('extensions.durationHint')} value={duration} onChange={setDuration} />
      <TextareaField
        {...form.field('reason')}
        description={t('extensions.reasonHint')}
        value={reason}
        onChange={setReason}
        rows={3}
        required
        maxLength={maxLengthOf(CreateExtensionBodySchema.shape.reason)}
        checkPersonalData
      />
    </FormFrame>
  );
}
