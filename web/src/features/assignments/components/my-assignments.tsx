import { Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../../components/app-link.tsx';
import { Loading } from '../../../components/loading.tsx';
import { Pagination } from '../../../components/pagination.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { AssignmentStatusBadge, RequestStatusBadge } from '../../../components/status-badge.tsx';
import { StatusMessage } from '../../../components/status-message.tsx';
import { focusPageHeading } from '../../../lib/focus.ts';
import { formatInstant, formatMinutes } from '../../../lib/format.ts';
import { useAssignments } from '../api/get-assignments.ts';
import { AssignmentResponse } from './assignment-response.tsx';

const PAGE_SIZE = 20;

/**
 * “Mijn inzetten”: the specialist's assignments with their status and the request's status;
 * proposed ones can be accepted or declined in the row.
 */
export function MyAssignments() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [message, setMessage] = useState<string | null>(null);
  const query = useAssignments({ page, pageSize: PAGE_SIZE });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ProblemAlert error={query.error} />;
  const { items, total } = query.data;
  return (
    <>
      <StatusMessage message={message} />
      {total === 0 ? (
        <Paragraph>{t('assignments.empty')}</Paragraph>
      ) : (
        <>
          <div className="dsp-table-scroll">
            <Table>
              <TableCaption className="dsp-visually-hidden">{t('assignments.myTitle')}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('requests.columns.reference')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('assignments.columns.status')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('assignments.columns.requestStatus')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('assignments.columns.estimate')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('assignments.columns.logged')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('assignments.columns.proposedAt')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('common.actions')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {items.map((a) => {
                  return (
                    <TableRow key={a.id}>
                      <TableHeaderCell scope="row">
                        <AppLink to={`/assignments/${a.id}`}>{a.requestReference}</AppLink>
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
                            setMessage(t(status === 'accepted' ? 'assignments.accepted' : 'assignments.declined', { reference: a.requestReference }));
                            focusPageHeading();
                          }}
                        />
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </div>
          <Pagination page={page} pageSize={PAGE_SIZE} total={total} onPageChange={setPage} label={t('assignments.paginationLabel')} />
        </>
      )}
    </>
  );
}
