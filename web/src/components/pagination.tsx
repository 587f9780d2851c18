import { Button, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';

/** Previous/next paging for a `{page, pageSize, total}` list, announcing the current page. */
export function Pagination({
  page,
  pageSize,
  total,
  onPageChange,
  label,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPageChange: (page: number) => void;
  label: string;
}) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (total <= pageSize && page === 1) return null;
  return (
    <nav className="dsp-pagination" aria-label={label}>
      <Button appearance="secondary-action-button" disabled={page <= 1} onClick={() => onPageChange(page - 1)}>
        {t('pagination.previous')}
      </Button>
      <Paragraph aria-live="polite" className="dsp-pagination__status">
        {t('pagination.status', { page, pages, total })}
      </Paragraph>
      <Button appearance="secondary-action-button" disabled={page >= pages} onClick={() => onPageChange(page + 1)}>
        {t('pagination.next')}
      </Button>
    </nav>
  );
}
