import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';

/** A polite “Laden…” status message. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div role="status" className="dsp-loading">
      <Paragraph>{label ?? t('common.loading')}</Paragraph>
    </div>
  );
}
