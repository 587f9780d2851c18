import type { Feedback } from '@duidingspool/shared';
import { DataList, DataListItem, DataListKey, DataListValue, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../../lib/format.ts';

/** The requester's feedback on a closed request, as the casustafel, the specialist and the coordinator see it. */
export function FeedbackView({ feedback }: { feedback: Feedback }) {
  const { t } = useTranslation();
  const row = (key: string, value: string) => (
    <DataListItem>
      <DataListKey>{key}</DataListKey>
      <DataListValue>{value}</DataListValue>
    </DataListItem>
  );
  return (
    <section aria-labelledby="feedback-view-heading" className="dsp-section">
      <Heading2 id="feedback-view-heading">{t('feedback.viewHeading')}</Heading2>
      <Paragraph className="dsp-muted">{t('feedback.givenAt', { at: formatInstant(feedback.givenAt) })}</Paragraph>
      <DataList className="dsp-facts">
        {row(t('feedback.answered'), t(`feedback.answeredOptions.${feedback.answered}`))}
        {row(t('feedback.usefulness'), t('feedback.score', { score: feedback.usefulness, max: 5 }))}
        {row(t('feedback.changes'), feedback.changes.map((c) => t(`feedback.changeOptions.${c}`)).join(', '))}
        {feedback.comment ? row(t('feedback.comment'), feedback.comment) : null}
      </DataList>
    </section>
  );
}
