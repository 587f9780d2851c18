import type { ExclusionReasonDto, MatchReasonDto } from '@duidingspool/shared';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatHoursMinutes } from '../../../lib/format.ts';
import { useReferenceLabels } from '../../../lib/reference-data.ts';

/**
 * Words for the reason codes the server answers (decision 100): `match.reasons.*` and
 * `match.excluded.*` in the UI language, with names of areas, languages and regions filled in.
 */
export function useMatchReasonText() {
  const { t, i18n } = useTranslation();
  const labels = useReferenceLabels();
  const language = useCallback(
    (code: string) => {
      if (code === 'ber') return t('languages.ber');
      try {
        return new Intl.DisplayNames([i18n.language], { type: 'language' }).of(code) ?? code;
      } catch {
        return code;
      }
    },
    [i18n.language, t],
  );
  return useCallback(
    (reason: MatchReasonDto | ExclusionReasonDto, group: 'reasons' | 'excluded') => {
      const p = reason.params;
      const codes = p.codes ?? [];
      const list = reason.code.startsWith('language') ? codes.map(language).join(', ') : codes.map(labels.expertiseArea).join(', ');
      return t(`match.${group}.${reason.code}`, {
        list,
        region: p.regionCode ? labels.safetyRegion(p.regionCode) : '',
        duration: p.minutes !== undefined ? formatHoursMinutes(Math.abs(p.minutes)) : '',
        date: p.date ? formatDate(p.date) : '',
        name: p.name ?? '',
        kind: p.kind ? t(`match.kinds.${p.kind}`) : '',
      });
    },
    [labels, language, t],
  );
}

/** The reasons of one suggestion or exclusion as a list of short phrases. */
export function MatchReasonList({ reasons, group }: { reasons: readonly (MatchReasonDto | ExclusionReasonDto)[]; group: 'reasons' | 'excluded' }) {
  const text = useMatchReasonText();
  return (
    <ul className="dsp-reason-list">
      {reasons.map((r, i) => (
        // Reasons have no id; their order is fixed by the server.
        // biome-ignore lint/suspicious/noArrayIndexKey: fixed order, never reordered
        <li key={i}>{text(r, group)}</li>
      ))}
    </ul>
  );
}
