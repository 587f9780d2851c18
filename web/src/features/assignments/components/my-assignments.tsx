import { TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../../components/app-link.tsx';
import { DataTable } from '../../../components/data-table.tsx';
import { PagedList } from '../../../components/query-view.tsx';
import { AssignmentStatusBadge, RequestStatusBadge } from '../../../components/status-badge.tsx';
import { UnreadBadge } from '../../../components/unread-badge.tsx';
import { focusPageHeading } from '../../../lib/focus.ts';
import { formatInstant, formatMinutes } from '../../../lib/format.ts';
import { usePaging } from '../../../lib/page-query.ts';
import { useAssignments } from '../api/get-assignments.ts';
import { AssignmentResponse } from './assignment-response.tsx';

const PAGE_SIZE = 20;

/**
 * “Mijn inzetten”: the specialist's assignments with their status and the request's status;
 * proposed ones can be accepted or declined in the row.
 */
export function MyAssignments() {
  const { t } = useTranslation();
  const paging = usePaging();
  const [message, setMessage] = useState<string | null>(null);
  const query = useAssignments({ page: paging.page, pageSize: PAGE_SIZE });
  return (
    <PagedList status={message} query={query} {...paging} paginationLabel={t('assignments.paginationLabel')} empty={t('assignments.empty')}>
      {(items) => (
        <DataTable
          caption={t('assignments.myTitle')}
          columns={[
            t('requests.columns.reference'),
            t('assignments.columns.status'),
            t('assignments.columns.requestStatus'),
            t('assignments.columns.estimate'),
            t('assignments.columns.logged'),
            t('assignments.columns.proposedAt'),
            t('common.actions'),
          ]}
        >
          {items.map((a) => {
            return (
              <TableRow key={a.id}>
                <TableHeaderCell scope="row">
                  <AppLink to={`/assignments/${a.id}`}>{a.requestReference}</AppLink>
                  <UnreadBadge requestId={a.requestId} />
                </TableHeaderCell>
                <TableCell>
                  <AssignmentStatusBadge status={a.status} closedAt={a.closedAt} />
                </TableCell>
                <TableCell>
                  <RequestStatusBadge status={a.requestStatus} />
                </TableCell>
                <TableCell className="dsp-nowrap">{formatMinutes(a.estimatedMinutes)}</TableCell>
                <TableCell className="dsp-nowrap">{formatMinutes(a.loggedMinutes)}</TableCell>
                <TableCell className="dsp-nowrap">{formatInstant(a.proposedAt)}</TableCell>
                <TableCell>
                  <AssignmentResponse
                    assignment={a}
                    onDone={(status) => {
                      const key =
                        status === 'confirmed' ? 'assignments.confirmedInList' : status === 'accepted' ? 'assignments.accepted' : 'assignments.declined';
                      setMessage(t(key, { reference: a.requestReference }));
                      focusPageHeading();
                    }}
                  />
                </TableCell>
              </TableRow>
            );
          })}
        </DataTable>
      )}
    </PagedList>
  );
}
