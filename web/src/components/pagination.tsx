import { Button, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';

/**
 * Previous/next paging for a `{page, pageSize, total}` list, announcing the current page. With
 * `totalIsLowerBound` (the server stopped counting at its cap, decision 071) it says "more than
 * 1,000" instead of a number of pages, and next stays available.
 */
export function Pagination({
  page,
  pageSize,
  total,
  totalIsLowerBound = false,
  onPageChange,
  label,
}: {
  page: number;
  pageSize: number;
  total: number;
  totalIsLowerBound?: boolean | undefined;
  onPageChange: (page: number) => void;
  label: string;
}) {
  const { t, i18n } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (total <= pageSize && page === 1 && !totalIsLowerBound) return null;
  const status = totalIsLowerBound
    ? t('pagination.statusMore', { page, total: total.toLocaleString(i18n.language) })
    : t('pagination.status', { page, pages, total });
  return (
    <nav className="dsp-pagination" aria-label={label}>
      <Button appearance="secondary-action-button" disabled={page <= 1} onClick={() => onPageChange(page - 1)}>
        {t('pagination.previous')}
      </Button>
      <Paragraph aria-live="polite" className="dsp-pagination__status">
        {status}
      </Paragraph>
      <Button appearance="secondary-action-button" disabled={page >= pages && !totalIsLowerBound} onClick={() => onPageChange(page + 1)}>
        {t('pagination.next')}
      </Button>
    </nav>
  );
}
