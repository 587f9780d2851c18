import { useTranslation } from 'react-i18next';
import { useReferenceLabels } from '../lib/reference-data.ts';

/** Expertise-area codes as a comma-separated list of their names. */
export function ExpertiseList({ codes }: { codes: readonly string[] }) {
  const labels = useReferenceLabels();
  return <>{codes.map((c) => labels.expertiseArea(c)).join(', ')}</>;
}

/** Language codes as a list of language names in the UI language. */
export function LanguageList({ codes }: { codes: readonly string[] }) {
  const { t, i18n } = useTranslation();
  const names = new Intl.DisplayNames([i18n.language], { type: 'language' });
  return (
    <>
      {codes
        .map((c) => {
          if (c === 'ber') return t('languages.ber');
          try {
            return names.of(c) ?? c;
          } catch {
            return c;
          }
        })
        .join(', ')}
    </>
  );
}
