import { AUDIENCES, MAX_KNOWLEDGE_FILE_BYTES, PublishKnowledgeFieldsSchema } from '@duidingspool/shared';
import { Heading } from '@utrecht/component-library-react';
import { type ChangeEvent, useMemo, useRef } from 'react';
import { useController } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { describedBy, FieldShell } from '../../../components/form-field.tsx';
import { FormFrame } from '../../../components/form-frame.tsx';
import { ChoicesField, Field } from '../../../components/schema-field.tsx';
import { fieldsOrMessage, useSchemaForm } from '../../../components/schema-form.tsx';
import { requiredChoices, textInput } from '../../../lib/form-inputs.ts';
import { useReferenceData, useReferenceLabels } from '../../../lib/reference-data.ts';
import { usePublishKnowledge } from '../api/knowledge.ts';

const FIELD_IDS = {
  title: 'knowledge-title',
  summary: 'knowledge-summary',
  audiences: 'knowledge-audiences',
  expertiseAreaCodes: 'knowledge-expertise',
  file: 'knowledge-file',
};
const shape = PublishKnowledgeFieldsSchema.shape;
/** What the file chooser offers; the server reads the real type from the bytes. */
const ACCEPT =
  '.pdf,.docx,.odt,.pptx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text,application/vnd.openxmlformats-officedocument.presentationml.presentation';

/** “Kennisproduct publiceren”: title, summary, audiences, expertise areas (checked by `PublishKnowledgeFieldsSchema`) and one file of at most `MAX_KNOWLEDGE_FILE_BYTES` (coordinators and specialists). */
export function PublishKnowledgeForm() {
  const { t } = useTranslation();
  const publish = usePublishKnowledge();
  const reference = useReferenceData();
  const labels = useReferenceLabels();
  const fileInput = useRef<HTMLInputElement>(null);
  const maxMb = MAX_KNOWLEDGE_FILE_BYTES / 1024 / 1024;
  const schema = useMemo(
    () =>
      z.object({
        title: textInput(shape.title, t, { personalData: true }),
        summary: textInput(shape.summary, t, { personalData: true }),
        audiences: requiredChoices(t('knowledge.form.audiencesRequired')).pipe(shape.audiences),
        expertiseAreaCodes: z.array(z.string()).pipe(shape.expertiseAreaCodes.unwrap()),
        file: z
          .custom<File>((value) => value instanceof File, { params: { text: t('knowledge.form.fileRequired') } })
          .refine((file) => file.size <= MAX_KNOWLEDGE_FILE_BYTES, { params: { text: t('knowledge.form.fileTooLarge', { max: maxMb }) } }),
      }),
    [t, maxMb],
  );
  const form = useSchemaForm({
    schema,
    defaultValues: { title: '', summary: '', audiences: [], expertiseAreaCodes: [], file: undefined },
    ids: FIELD_IDS,
    labels: {
      title: t('knowledge.form.title'),
      summary: t('knowledge.form.summary'),
      audiences: t('knowledge.form.audiences'),
      expertiseAreaCodes: t('knowledge.form.expertise'),
      file: t('knowledge.form.file'),
    },
  });
  const file = useController({ control: form.rhf.control, name: 'file' });
  const fileError = file.fieldState.error?.message;

  const submit = form.submit((body) =>
    publish.mutate(body, {
      onSuccess: (made) => {
        form.succeed(t('knowledge.form.published', { title: made.title }));
        form.rhf.reset();
        if (fileInput.current) fileInput.current.value = '';
      },
      onError: (error) => form.fail(error, fieldsOrMessage),
    }),
  );

  return (
    <section aria-labelledby="knowledge-publish-heading">
      <Heading level={2} id="knowledge-publish-heading">
        {t('knowledge.form.heading')}
      </Heading>
      <FormFrame
        frame={form.frame}
        onSubmit={submit}
        submitLabel={t('knowledge.form.submit')}
        pending={publish.isPending}
        headingLevel={3}
        labelledBy="knowledge-publish-heading"
      >
        <Field form={form} name="title" required checkPersonalData />
        <Field form={form} name="summary" kind="textarea" hint={t('knowledge.form.summaryHint')} rows={4} required checkPersonalData />
        <ChoicesField form={form} name="audiences" options={AUDIENCES.map((a) => ({ value: a, label: t(`knowledge.audiences.${a}`) }))} />
        <ChoicesField
          form={form}
          name="expertiseAreaCodes"
          options={(reference.data?.expertiseAreas ?? []).map((a) => ({ value: a.code, label: labels.expertiseArea(a.code) }))}
        />
        <FieldShell id={FIELD_IDS.file} label={form.labels.file} description={t('knowledge.form.fileHint', { max: maxMb })} error={fileError} required>
          <input
            ref={(element) => {
              fileInput.current = element;
              file.field.ref(element);
            }}
            id={FIELD_IDS.file}
            name="file"
            type="file"
            accept={ACCEPT}
            required
            className="dsp-file-input"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={describedBy(FIELD_IDS.file, { description: true, error: !!fileError })}
            onBlur={file.field.onBlur}
            onChange={(event: ChangeEvent<HTMLInputElement>) => file.field.onChange(event.target.files?.[0] ?? undefined)}
          />
        </FieldShell>
      </FormFrame>
    </section>
  );
}
