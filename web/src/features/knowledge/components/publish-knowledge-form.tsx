import { AUDIENCES, MAX_KNOWLEDGE_FILE_BYTES, MAX_KNOWLEDGE_SUMMARY, MAX_KNOWLEDGE_TITLE } from '@duidingspool/shared';
import { Heading } from '@utrecht/component-library-react';
import { type ChangeEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxGroup } from '../../../components/choice-group.tsx';
import { describedBy, FieldShell, TextareaField, TextField } from '../../../components/form-field.tsx';
import { FormFrame, fieldsOrMessage, useProblemForm } from '../../../components/problem-form.tsx';
import { useReferenceData, useReferenceLabels } from '../../../lib/reference-data.ts';
import { usePublishKnowledge } from '../api/knowledge.ts';

type Field = 'title' | 'summary' | 'audiences' | 'expertiseAreaCodes' | 'file';
const FIELD_IDS: Record<Field, string> = {
  title: 'knowledge-title',
  summary: 'knowledge-summary',
  audiences: 'knowledge-audiences',
  expertiseAreaCodes: 'knowledge-expertise',
  file: 'knowledge-file',
};
/** What the file chooser offers; the server reads the real type from the bytes. */
const ACCEPT =
  '.pdf,.docx,.odt,.pptx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text,application/vnd.openxmlformats-officedocument.presentationml.presentation';

/** “Kennisproduct publiceren”: title, summary, audiences, expertise areas and one file (coordinators and specialists). */
export function PublishKnowledgeForm() {
  const { t } = useTranslation();
  const publish = usePublishKnowledge();
  const reference = useReferenceData();
  const labels = useReferenceLabels();
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [audiences, setAudiences] = useState<string[]>([]);
  const [expertise, setExpertise] = useState<string[]>([]);
  const [file, setFile] = useState<File | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const fieldLabels: Record<Field, string> = {
    title: t('knowledge.form.title'),
    summary: t('knowledge.form.summary'),
    audiences: t('knowledge.form.audiences'),
    expertiseAreaCodes: t('knowledge.form.expertise'),
    file: t('knowledge.form.file'),
  };
  const form = useProblemForm(FIELD_IDS, fieldLabels);
  const maxMb = MAX_KNOWLEDGE_FILE_BYTES / 1024 / 1024;

  const submit = () => {
    form.begin();
    const e: Partial<Record<Field, string>> = {};
    if (title.trim() === '') e.title = t('form.required');
    if (summary.trim() === '') e.summary = t('form.required');
    if (audiences.length === 0) e.audiences = t('knowledge.form.audiencesRequired');
    if (!file) e.file = t('knowledge.form.fileRequired');
    else if (file.size > MAX_KNOWLEDGE_FILE_BYTES) e.file = t('knowledge.form.fileTooLarge', { max: maxMb });
    if (!form.check(e) || !file) return;
    publish.mutate(
      { title, summary, audiences, expertiseAreaCodes: expertise, file },
      {
        onSuccess: (made) => {
          form.succeed(t('knowledge.form.published', { title: made.title }));
          setTitle('');
          setSummary('');
          setAudiences([]);
          setExpertise([]);
          setFile(null);
          if (fileInput.current) fileInput.current.value = '';
        },
        onError: (error) => form.fail(error, fieldsOrMessage),
      },
    );
  };

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
        <TextField {...form.field('title')} value={title} onChange={setTitle} maxLength={MAX_KNOWLEDGE_TITLE} required checkPersonalData />
        <TextareaField
          {...form.field('summary')}
          value={summary}
          onChange={setSummary}
          maxLength={MAX_KNOWLEDGE_SUMMARY}
          description={t('knowledge.form.summaryHint', { max: MAX_KNOWLEDGE_SUMMARY })}
          rows={4}
          required
          checkPersonalData
        />
        <CheckboxGroup
          id={FIELD_IDS.audiences}
          legend={fieldLabels.audiences}
          error={form.errors.audiences}
          options={AUDIENCES.map((a) => ({ value: a, label: t(`knowledge.audiences.${a}`) }))}
          value={audiences}
          onChange={setAudiences}
        />
        <CheckboxGroup
          id={FIELD_IDS.expertiseAreaCodes}
          legend={fieldLabels.expertiseAreaCodes}
          error={form.errors.expertiseAreaCodes}
          options={(reference.data?.expertiseAreas ?? []).map((a) => ({ value: a.code, label: labels.expertiseArea(a.code) }))}
          value={expertise}
          onChange={setExpertise}
        />
        <FieldShell id={FIELD_IDS.file} label={fieldLabels.file} description={t('knowledge.form.fileHint', { max: maxMb })} error={form.errors.file} required>
          <input
            ref={fileInput}
            id={FIELD_IDS.file}
            name="file"
            type="file"
            accept={ACCEPT}
            required
            className="dsp-file-input"
            aria-invalid={form.errors.file ? true : undefined}
            aria-describedby={describedBy(FIELD_IDS.file, { description: true, error: !!form.errors.file })}
            onChange={(event: ChangeEvent<HTMLInputElement>) => setFile(event.target.files?.[0] ?? null)}
          />
        </FieldShell>
      </FormFrame>
    </section>
  );
}
