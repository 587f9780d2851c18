import { useReferenceLabels } from '../lib/reference-data.ts';

/** Expertise-area codes as a comma-separated list of their names. */
export function ExpertiseList({ codes }: { codes: readonly string[] }) {
  const labels = useReferenceLabels();
  return <>{codes.map((c) => labels.expertiseArea(c)).join(', ')}</>;
}

/** Language codes as a list of language names in Dutch. */
export function LanguageList({ codes }: { codes: readonly string[] }) {
  const names = new Intl.DisplayNames(['nl'], { type: 'language' });
  return (
    <>
      {codes
        .map((c) => {
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
