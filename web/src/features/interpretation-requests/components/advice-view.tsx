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
 * not show them already. After a reopening (decision 113) or a correction by the specialist
 * (decision 114, shown as corrected, with when and why) the latest version is shown with its
 * number, and the `earlier` versions, newest first, can be opened below it.
 */
export function AdviceView({ advice, earlier = [], context = [] }: { advice: Advice; earlier?: readonly Advice[]; context?: string[] }) {
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
      {advice.correctionReason !== null ? (
        <Paragraph>
          <strong>{t('advice.correctedVersion', { version: advice.version })}</strong>{' '}
          {t('adviceCorrection.corrected', { at: formatInstant(advice.deliveredAt), reason: isolate(advice.correctionReason) })}
        </Paragraph>
      ) : advice.version > 1 ? (
        <Paragraph>{t('advice.version', { version: advice.version })}</Paragraph>
      ) : null}
      <Heading3>{t('advice.summary')}</Heading3>
      <MultilineText text={advice.summary} />
      <Heading3>{t('advice.bodyHeading')}</Heading3>
      <MultilineText text={advice.body} />
      {earlier.length > 0 ? (
        <details className="dsp-no-print">
          <summary>{t('advice.earlier', { count: earlier.length })}</summary>
          {earlier.map((e) => (
            <div key={e.id}>
              <Heading3>{t('advice.earlierVersion', { version: e.version, at: formatInstant(e.deliveredAt) })}</Heading3>
              {e.correctionReason !== null ? <Paragraph>{t('advice.correctionReason', { reason: isolate(e.correctionReason) })}</Paragraph> : null}
              <MultilineText text={e.summary} />
              <MultilineText text={e.body} />
            </div>
          ))}
        </details>
      ) : null}
      <Paragraph className="dsp-no-print">
        <Button appearance="secondary-action-button" onClick={printAdvice}>
          {t('advice.print')}
        </Button>
      </Paragraph>
    </section>
  );
}
