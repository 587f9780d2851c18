import { Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/loading.tsx';
import { Pagination } from '../../../components/pagination.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { useRequests } from '../api/get-requests.ts';
import { RequestTable } from './request-table.tsx';

const PAGE_SIZE = 20;

/** “Mijn verzoeken”: the paginated requests of the requester's casustafels, newest first. */
export function MyRequests() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const query = useRequests({ page, pageSize: PAGE_SIZE, sort: '-submittedAt' });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ProblemAlert error={query.error} />;
  const { items, total } = query.data;
  if (total === 0) return <Paragraph>{t('requests.empty')}</Paragraph>;
  return (
    <>
      <RequestTable items={items} caption={t('requests.myTitle')} />
      <Pagination page={page} pageSize={PAGE_SIZE} total={total} onPageChange={setPage} label={t('requests.paginationLabel')} />
    </>
  );
}
