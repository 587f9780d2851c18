import type { Advice } from '@duidingspool/shared';
import { Button, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { isolate } from '../../../lib/bidi.ts';
import { formatInstant } from '../../../lib/format.ts';
import { MultilineText } from './request-details.tsx';

/** The body class under which the print stylesheet prints only the page heading and the advice. */
const PRINT_ADVICE = 'dsp-print-advice';

/**
 * Prints the advice alone: the page's heading (the pool reference) and the advice section, without
 * navigation, actions or the rest of the request (the print stylesheet in app.css).
 */
export function printAdvice(): void {
  document.body.classList.add(PRINT_ADVICE);
  window.addEventListener('afterprint', () => document.body.classList.remove(PRINT_ADVICE), { once: true });
  window.print();
}

/**
 * The delivered advice: summary and body, with who delivered it and when, and "Advies afdrukken"
 * (a clean document: the print stylesheet leaves out everything but the advice). `context` lines
 * (casustafel, case reference) are printed with it and shown on screen only where the page does
 * not show them already.
 */
export function AdviceView({ advice, context = [] }: { advice: Advice; context?: string[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="advice-heading" className="dsp-section dsp-advice">
      <Heading2 id="advice-heading">{t('advice.heading')}</Heading2>
      {context.map((line) => (
        <Paragraph key={line} className="dsp-print-only">
          {line}
        </Paragraph>
      ))}
      <Paragraph className="dsp-muted">{t('advice.deliveredBy', { name: isolate(advice.specialistName), at: formatInstant(advice.deliveredAt) })}</Paragraph>
      <Heading3>{t('advice.summary')}</Heading3>
      <MultilineText text={advice.summary} />
      <Heading3>{t('advice.bodyHeading')}</Heading3>
      <MultilineText text={advice.body} />
      <Paragraph className="dsp-no-print">
        <Button appearance="secondary-action-button" onClick={printAdvice}>
          {t('advice.print')}
        </Button>
      </Paragraph>
    </section>
  );
}
