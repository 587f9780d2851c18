import { useTranslation } from 'react-i18next';

/** “Spoed” (flagged) or “Regulier”. */
export function UrgencyLabel({ urgency }: { urgency: 'regular' | 'urgent' }) {
  const { t } = useTranslation();
  if (urgency === 'urgent') {
    return (
      <span className="dsp-urgent">
        <span aria-hidden="true">⚑ </span>
        {t('urgency.urgent')}
      </span>
    );
  }
  return <>{t('urgency.regular')}</>;
}
