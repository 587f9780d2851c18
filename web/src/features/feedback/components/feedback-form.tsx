import {
  FEEDBACK_ANSWERED,
  FEEDBACK_CHANGES,
  FEEDBACK_USEFULNESS,
  type FeedbackAnswered,
  type FeedbackChange,
  GiveFeedbackBodySchema,
  maxLengthOf,
} from '@duidingspool/shared';
import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxGroup, RadioGroup } from '../../../components/choice-group.tsx';
import { TextareaField } from '../../../components/form-field.tsx';
import { hasBlockingPersonalData } from '../../../components/personal-data-warning.tsx';
import { FormFrame, useProblemForm } from '../../../components/problem-form.tsx';
import { useGiveFeedback } from '../api/give-feedback.ts';

type Field = 'answered' | 'usefulness' | 'changes' | 'comment';
const IDS: Record<Field, string> = {
  answered: 'feedback-answered',
  usefulness: 'feedback-usefulness',
  changes: 'feedback-changes',
  comment: 'feedback-comment',
};
const COMMENT_MAX = maxLengthOf(GiveFeedbackBodySchema.shape.comment);
const SCORES = Array.from({ length: FEEDBACK_USEFULNESS.max - FEEDBACK_USEFULNESS.min + 1 }, (_, i) => String(FEEDBACK_USEFULNESS.min + i));

/**
 * “Terugkoppeling”: after closing, the requester says whether the question was answered, how
 * useful the advice was (1–5), what it changed and, optionally, a comment (personal-data guard).
 * “Overslaan” hides the form for now; the server reminds once after 5 working days.
 */
export function FeedbackForm({ requestId, onDone }: { requestId: string; onDone: (given: boolean) => void }) {
  const { t } = useTranslation();
  const give = useGiveFeedback(requestId);
  const [answered, setAnswered] = useState('');
  const [usefulness, setUsefulness] = useState('');
  const [changes, setChanges] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const labels: Record<Field, string> = {
    answered: t('feedback.answered'),
    usefulness: t('feedback.usefulness'),
    changes: t('feedback.changes'),
    comment: t('feedback.comment'),
  };
  const form = useProblemForm(IDS, labels);

  const submit = () => {
    form.begin();
    const e: Partial<Record<Field, string>> = {};
    if (!answered) e.answered = t('form.required');
    if (!usefulness) e.usefulness = t('form.required');
    if (changes.length === 0) e.changes = t('feedback.changesRequired');
    if (comment.length > COMMENT_MAX) e.comment = t('form.maxLength', { max: COMMENT_MAX });
    else if (hasBlockingPersonalData(comment)) e.comment = t('personalData.fieldError');
    if (!form.check(e)) return;
    give.mutate(
      {
        answered: answered as FeedbackAnswered,
        usefulness: Number(usefulness),
        changes: changes as FeedbackChange[],
        ...(comment.trim() ? { comment } : {}),
      },
      { onSuccess: () => onDone(true), onError: (error) => form.fail(error) },
    );
  };

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
        <RadioGroup
          id={IDS.answered}
          legend={labels.answered}
          options={FEEDBACK_ANSWERED.map((value) => ({ value, label: t(`feedback.answeredOptions.${value}`) }))}
          value={answered}
          onChange={setAnswered}
          error={form.errors.answered}
        />
        <RadioGroup
          id={IDS.usefulness}
          legend={labels.usefulness}
          description={t('feedback.usefulnessHint')}
          options={SCORES.map((value) => ({ value, label: value }))}
          value={usefulness}
          onChange={setUsefulness}
          error={form.errors.usefulness}
        />
        <CheckboxGroup
          id={IDS.changes}
          legend={labels.changes}
          options={FEEDBACK_CHANGES.map((value) => ({ value, label: t(`feedback.changeOptions.${value}`) }))}
          value={changes}
          onChange={setChanges}
          error={form.errors.changes}
        />
        <TextareaField {...form.field('comment')} description={t('feedback.commentHint')} value={comment} onChange={setComment} rows={4} checkPersonalData />
      </FormFrame>
    </section>
  );
}
