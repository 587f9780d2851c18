import type { ExtensionRequest } from '@duidingspool/shared';
import { StatusBadge } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';

const TONES: Record<ExtensionRequest['status'], string> = { requested: 'warning', granted: 'success', refused: 'danger' };

/** An extension request's status in words (aangevraagd, toegekend, geweigerd). */
export function ExtensionStatusBadge({ status }: { status: ExtensionRequest['status'] }) {
  const { t } = useTranslation();
  return <StatusBadge status={TONES[status]}>{t(`status.extension.${status}`)}</StatusBadge>;
}
