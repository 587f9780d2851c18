import type { InterpretationRequestSummary } from '@duidingspool/shared';
import { Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../../components/app-link.tsx';
import { RequestStatusBadge } from '../../../components/status-badge.tsx';
import { formatDate } from '../../../lib/format.ts';
import { UrgencyLabel } from './urgency-label.tsx';

/** The requester's table of requests: reference, case reference, table, status, urgency, meeting date. */
export function RequestTable({ items, caption }: { items: InterpretationRequestSummary[]; caption: string }) {
  const { t } = useTranslation();
  return (
    <div className="dsp-table-scroll">
      <Table>
        <TableCaption className="dsp-visually-hidden">{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('requests.columns.reference')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('requests.columns.caseReference')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('requests.columns.caseTable')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('requests.columns.status')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('requests.columns.urgency')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('requests.columns.meetingDate')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((r) => (
            <TableRow key={r.id}>
              <TableHeaderCell scope="row">
                <AppLink to={`/requests/${r.id}`}>{r.reference || t('requests.noReference')}</AppLink>
              </TableHeaderCell>
              <TableCell>
                <bdi>{r.caseReference}</bdi>
              </TableCell>
              <TableCell>{r.caseTableName}</TableCell>
              <TableCell>
                <RequestStatusBadge status={r.status} />
              </TableCell>
              <TableCell>
                <UrgencyLabel urgency={r.urgency} />
              </TableCell>
              <TableCell className="dsp-nowrap">{formatDate(r.meetingDate) || t('common.none')}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
