import { CreateExtensionBodySchema } from '@duidingspool/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormFrame } from '../../../components/form-frame.tsx';
import { Field } from '../../../components/schema-field.tsx';
import { useSchemaForm } from '../../../components/schema-form.tsx';
import { durationInput, textInput } from '../../../lib/form-inputs.ts';
import { formatMinutes } from '../../../lib/format.ts';
import { useRequestExtension } from '../api/request-extension.ts';

/** “Meer uren aanvragen”: extra time (`4:30`, `4,5` or `4`, sent as minutes) and a reason; the coordinator decides. */
export function ExtensionRequestForm({ assignmentId }: { assignmentId: string }) {
  const { t } = useTranslation();
  const request = useRequestExtension(assignmentId);
  const schema = useMemo(
    () =>
      z.object({
        extraMinutes: durationInput(CreateExtensionBodySchema.shape.extraMinutes, t),
        reason: textInput(CreateExtensionBodySchema.shape.reason, t, { personalData: true }),
      }),
    [t],
  );
  const form = useSchemaForm({
    schema,
    defaultValues: { extraMinutes: '', reason: '' },
    ids: { extraMinutes: 'extension-duration', reason: 'extension-reason' },
    labels: { extraMinutes: t('extensions.duration'), reason: t('extensions.reason') },
  });

  const submit = form.submit((body) =>
    request.mutate(body, {
      onSuccess: (created) => {
        form.succeed(t('extensions.requested', { duration: formatMinutes(created.extraMinutes) }));
        form.rhf.reset();
      },
      onError: (error) => form.fail(error),
    }),
  );

  return (
    <FormFrame frame={form.frame} onSubmit={submit} submitLabel={t('extensions.submit')} pending={request.isPending} headingLevel={3}>
      <Field form={form} name="extraMinutes" kind="duration" required />
      <Field form={form} name="reason" kind="textarea" hint={t('extensions.reasonHint')} rows={3} required checkPersonalData />
    </FormFrame>
  );
}
