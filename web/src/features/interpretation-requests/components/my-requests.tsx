import { useTranslation } from 'react-i18next';
import { PagedList } from '../../../components/query-view.tsx';
import { usePaging } from '../../../lib/page-query.ts';
import { useRequests } from '../api/get-requests.ts';
import { ReferenceSearch, useReferenceSearch } from './reference-search.tsx';
import { RequestTable } from './request-table.tsx';

const PAGE_SIZE = 20;

/** “Mijn verzoeken”: the paginated requests of the requester's casustafels, newest first, searchable by pool reference. */
export function MyRequests() {
  const { t } = useTranslation();
  const paging = usePaging();
  const reference = useReferenceSearch();
  const query = useRequests({ page: paging.page, pageSize: PAGE_SIZE, sort: '-submittedAt', ...(reference ? { reference } : {}) });
  return (
    <>
      <ReferenceSearch id="my-requests-reference" />
      <PagedList query={query} {...paging} paginationLabel={t('requests.paginationLabel')} empty={t(reference ? 'requests.noneFound' : 'requests.empty')}>
        {(items) => <RequestTable items={items} caption={t('requests.myTitle')} />}
      </PagedList>
    </>
  );
}
