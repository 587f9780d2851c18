import { FEEDBACK_ANSWERED, FEEDBACK_CHANGES, FEEDBACK_USEFULNESS, GiveFeedbackBodySchema } from '@duidingspool/shared';
import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormFrame } from '../../../components/form-frame.tsx';
import { ChoicesField, Field, RadioField } from '../../../components/schema-field.tsx';
import { useSchemaForm } from '../../../components/schema-form.tsx';
import { requiredChoice, textInput } from '../../../lib/form-inputs.ts';
import { useGiveFeedback } from '../api/give-feedback.ts';

const SCORES = Array.from({ length: FEEDBACK_USEFULNESS.max - FEEDBACK_USEFULNESS.min + 1 }, (_, i) => String(FEEDBACK_USEFULNESS.min + i));

/**
 * “Terugkoppeling”: after closing, the requester says whether the question was answered, how
 * useful the advice was (1–5), what it changed and, optionally, a comment (personal-data guard).
 * “Overslaan” hides the form for now; the server reminds once after 5 working days.
 */
export function FeedbackForm({ requestId, onDone }: { requestId: string; onDone: (given: boolean) => void }) {
  const { t } = useTranslation();
  const give = useGiveFeedback(requestId);
  const schema = useMemo(() => {
    const shape = GiveFeedbackBodySchema.shape;
    return z.object({
      answered: requiredChoice(t, t('form.required')).pipe(shape.answered),
      usefulness: requiredChoice(t, t('form.required')).transform(Number).pipe(shape.usefulness),
      changes: z
        .array(z.string())
        .refine((values) => values.length > 0, { params: { text: t('feedback.changesRequired') } })
        .pipe(shape.changes),
      comment: textInput(shape.comment.unwrap(), t, { personalData: true }).transform((v) => (v === '' ? undefined : v)),
    });
  }, [t]);
  const form = useSchemaForm({
    schema,
    defaultValues: { answered: '', usefulness: '', changes: [], comment: '' },
    ids: { answered: 'feedback-answered', usefulness: 'feedback-usefulness', changes: 'feedback-changes', comment: 'feedback-comment' },
    labels: {
      answered: t('feedback.answered'),
      usefulness: t('feedback.usefulness'),
      changes: t('feedback.changes'),
      comment: t('feedback.comment'),
    },
  });
  const submit = form.submit(({ comment, ...answers }) =>
    give.mutate({ ...answers, ...(comment ? { comment } : {}) }, { onSuccess: () => onDone(true), onError: (error) => form.fail(error) }),
  );

  return (
    <section aria-labelledby="feedback-heading" className="dsp-section">
      <Heading2 id="feedback-heading">{t('feedback.heading')}</Heading2>
      <Paragraph>{t('feedback.intro')}</Paragraph>
      <FormFrame
        frame={form.frame}
        onSubmit={submit}
        submitLabel={t('feedback.submit')}
        pending={give.isPending}
        labelledBy="feedback-heading"
        secondaryAction={
          <Button type="button" appearance="secondary-action-button" onClick={() => onDone(false)}>
            {t('feedback.skip')}
          </Button>
        }
      >
        <RadioField form={form} name="answered" options={FEEDBACK_ANSWERED.map((value) => ({ value, label: t(`feedback.answeredOptions.${value}`) }))} />
        <RadioField form={form} name="usefulness" hint={t('feedback.usefulnessHint')} options={SCORES.map((value) => ({ value, label: value }))} />
        <ChoicesField form={form} name="changes" options={FEEDBACK_CHANGES.map((value) => ({ value, label: t(`feedback.changeOptions.${value}`) }))} />
        <Field form={form} name="comment" kind="textarea" hint={t('feedback.commentHint')} rows={4} checkPersonalData />
      </FormFrame>
    </section>
  );
}
