import { clockState, OPEN_REQUEST_STATUSES, REQUEST_STATUSES, REQUEST_TYPES, type RequestStatus, TRIAGE_STATUSES } from '@duidingspool/shared';
import { Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../../components/app-link.tsx';
import { type DataColumnSpec, DataTable } from '../../../components/data-table.tsx';
import { SelectField } from '../../../components/form-field.tsx';
import { PagedList } from '../../../components/query-view.tsx';
import { RequestStatusBadge } from '../../../components/status-badge.tsx';
import { UnreadBadge } from '../../../components/unread-badge.tsx';
import { formatDate, formatInstant } from '../../../lib/format.ts';
import { usePaging, useUrlState } from '../../../lib/page-query.ts';
import { useRequests } from '../api/get-requests.ts';
import { ReferenceSearch, useReferenceSearch } from './reference-search.tsx';
import { ClockLine } from './request-clocks.tsx';
import { UrgencyLabel } from './urgency-label.tsx';

const PAGE_SIZE = 25;

type SortField = 'reference' | 'urgency' | 'meetingDate' | 'submittedAt' | 'status' | 'triageDue';
/** Fields the API sorts both ways; `urgency` and `status` sort one way only. */
const TWO_WAY: readonly SortField[] = ['reference', 'meetingDate', 'submittedAt'];

function statusFilter(value: string): RequestStatus[] | undefined {
  if (value === 'triage') return [...TRIAGE_STATUSES];
  // A coordinator never sees drafts; the server leaves them out.
  if (value === 'open') return [...OPEN_REQUEST_STATUSES];
  if (value === 'all') return undefined;
  return [value as RequestStatus];
}

/** The triage clock of a waiting request in words; started at its first submission when the latest is not listed. */
function TriageDue({ dueAt, submittedAt }: { dueAt: string; submittedAt: string | null }) {
  const now = new Date();
  const due = new Date(dueAt);
  const state = clockState(new Date(submittedAt ?? dueAt), due, now);
  return <ClockLine clock={{ kind: 'triage', state, msLeft: due.getTime() - now.getTime(), dueAt }} />;
}

/**
 * The coordinator's triage queue: requests to triage (submitted / needs information) by default,
 * filterable by status, searchable by pool reference and sortable by column, also by what is due
 * first (the triage deadline, decision 102), all kept in the address; urgent requests are flagged.
 */
export function TriageQueue() {
  const { t } = useTranslation();
  const [filter, setFilter] = useUrlState('status', 'triage');
  const [sort, setSort] = useUrlState('sort', 'submittedAt');
  const [type, setType] = useUrlState('type', 'all');
  const paging = usePaging();
  const reference = useReferenceSearch();
  const query = useRequests({
    page: paging.page,
    pageSize: PAGE_SIZE,
    status: statusFilter(filter),
    sort,
    ...(reference ? { reference } : {}),
    ...(type !== 'all' ? { type: [type] } : {}),
  });

  const sortField = sort.replace(/^-/, '') as SortField;
  const descending = sort.startsWith('-');

  const toggleSort = (field: SortField) => {
    if (sortField === field && TWO_WAY.includes(field)) setSort(descending ? field : `-${field}`, ['page']);
    else setSort(field, ['page']);
  };

  const header = (field: SortField, label: string): DataColumnSpec => {
    const active = sortField === field;
    return {
      sort: active ? (descending ? 'descending' : 'ascending') : undefined,
      label: (
        <button type="button" className="dsp-sort-button" onClick={() => toggleSort(field)}>
          {label}
          <span aria-hidden="true" className="dsp-sort-indicator">
            {active ? (descending ? ' ▼' : ' ▲') : ' ↕'}
          </span>
        </button>
      ),
    };
  };

  const filterOptions = [
    { value: 'triage', label: t('triage.filter.triage') },
    { value: 'open', label: t('triage.filter.open') },
    { value: 'all', label: t('triage.filter.all') },
    ...REQUEST_STATUSES.map((s) => ({ value: s, label: t(`status.request.${s}`) })),
  ];

  return (
    <>
      <div className="dsp-toolbar">
        <SelectField
          id="triage-status"
          label={t('triage.filter.label')}
          value={filter}
          onChange={(v) => {
            setFilter(v, ['page']);
          }}
          options={filterOptions}
        />
        <SelectField
          id="triage-type"
          label={t('requestTypes.filter')}
          value={type}
          onChange={(v) => setType(v, ['page'])}
          options={[{ value: 'all', label: t('requestTypes.allTypes') }, ...REQUEST_TYPES.map((x) => ({ value: x, label: t(`requestTypes.types.${x}`) }))]}
        />
        <ReferenceSearch id="triage-reference" />
      </div>
      <PagedList query={query} {...paging} paginationLabel={t('triage.paginationLabel')} empty={t('triage.empty')} announceEmpty>
        {(items, data) => (
          <>
            <Paragraph role="status" className="dsp-muted">
              {t('triage.count', { count: data.total })}
            </Paragraph>
            <DataTable
              caption={t('triage.caption')}
              columns={[
                header('reference', t('requests.columns.reference')),
                t('requestTypes.legend'),
                t('requests.columns.caseTable'),
                t('requests.columns.municipality'),
                header('urgency', t('requests.columns.urgency')),
                header('meetingDate', t('requests.columns.meetingDate')),
                header('submittedAt', t('requests.columns.submittedAt')),
                header('status', t('requests.columns.status')),
                header('triageDue', t('clocks.triageDue')),
              ]}
            >
              {items.map((r) => (
                <TableRow key={r.id} className={r.urgency === 'urgent' ? 'dsp-row--urgent' : undefined}>
                  <TableHeaderCell scope="row">
                    <AppLink to={`/requests/${r.id}`}>{r.reference || t('requests.noReference')}</AppLink>
                    <UnreadBadge requestId={r.id} />
                  </TableHeaderCell>
                  <TableCell>{t(`requestTypes.types.${r.type}`)}</TableCell>
                  <TableCell>{r.caseTableName ?? t('common.none')}</TableCell>
                  <TableCell>{r.municipalityName}</TableCell>
                  <TableCell>
                    <UrgencyLabel urgency={r.urgency} />
                  </TableCell>
                  <TableCell className="dsp-nowrap">{formatDate(r.meetingDate) || t('common.none')}</TableCell>
                  <TableCell className="dsp-nowrap">{formatInstant(r.submittedAt) || t('common.none')}</TableCell>
                  <TableCell>
                    <RequestStatusBadge status={r.status} />
                  </TableCell>
                  <TableCell>
                    {r.status === 'submitted' && r.triageDueAt ? <TriageDue dueAt={r.triageDueAt} submittedAt={r.submittedAt} /> : t('clocks.noDue')}
                  </TableCell>
                </TableRow>
              ))}
            </DataTable>
          </>
        )}
      </PagedList>
    </>
  );
}
