import type { ServiceClock } from '@duidingspool/shared';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { formatInstant, formatTimeLeft } from '../../../lib/format.ts';
import { useClocks } from '../api/get-clocks.ts';

/** One clock in words: which one, how it stands, the time left or passed, and the deadline. */
export function ClockLine({ clock }: { clock: Pick<ServiceClock, 'kind' | 'state' | 'msLeft' | 'dueAt'> }) {
  const { t, i18n } = useTranslation();
  return (
    <span className={`dsp-clock dsp-clock--${clock.state}`}>
      {t(`clocks.state.${clock.state}`, {
        kind: t(`clocks.kind.${clock.kind}`),
        left: formatTimeLeft(clock.msLeft, i18n.language),
        due: formatInstant(clock.dueAt),
      })}
    </span>
  );
}

/**
 * “Termijnen”: the request's running service-level clocks (decision 102) — triage, the specialist's
 * answer, the advice — each on time, due soon or overdue with the time left in words. Nothing when none runs.
 */
export function RequestClocks({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const clocks = useClocks(requestId);
  const items = clocks.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="clocks-heading" className="dsp-section">
      <Heading2 id="clocks-heading">{t('clocks.heading')}</Heading2>
      {items.map((c) => (
        <Paragraph key={c.kind}>
          <ClockLine clock={c} />
        </Paragraph>
      ))}
    </section>
  );
}
