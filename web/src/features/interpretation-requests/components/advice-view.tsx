import type { Advice } from '@duidingspool/shared';
import { Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { isolate } from '../../../lib/bidi.ts';
import { formatInstant } from '../../../lib/format.ts';
import { MultilineText } from './request-details.tsx';

/** The delivered advice: summary and body, with who delivered it and when. */
export function AdviceView({ advice }: { advice: Advice }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="advice-heading" className="dsp-section dsp-advice">
      <Heading2 id="advice-heading">{t('advice.heading')}</Heading2>
      <Paragraph className="dsp-muted">{t('advice.deliveredBy', { name: isolate(advice.specialistName), at: formatInstant(advice.deliveredAt) })}</Paragraph>
      <Heading3>{t('advice.summary')}</Heading3>
      <MultilineText text={advice.summary} />
      <Heading3>{t('advice.bodyHeading')}</Heading3>
      <MultilineText text={advice.body} />
    </section>
  );
}
