import type { Assignability } from '@duidingspool/shared';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format.ts';

/**
 * Whether a specialist can be assigned on the date the server answered for, and if not, each
 * reason in words (`assignability.reasons.*`): the server decides, the UI only names it.
 */
export function AssignabilityNote({ assignability }: { assignability: Assignability }) {
  const { t } = useTranslation();
  const date = formatDate(assignability.date);
  if (assignability.assignable) return <span>{t('assignability.assignable', { date })}</span>;
  return (
    <span className="dsp-warning-text">
      {t('assignability.notAssignable', { date })} {assignability.reasons.map((r) => t(`assignability.reasons.${r}`)).join('; ')}
    </span>
  );
}
