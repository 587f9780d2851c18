import type { InterpretationRequestSummary } from '@duidingspool/shared';
import { TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../../components/app-link.tsx';
import { DataTable } from '../../../components/data-table.tsx';
import { RequestStatusBadge } from '../../../components/status-badge.tsx';
import { UnreadBadge } from '../../../components/unread-badge.tsx';
import { formatDate } from '../../../lib/format.ts';
import { UrgencyLabel } from './urgency-label.tsx';

/** The requester's table of requests: reference, type, case reference, who asked, status, urgency, date. */
export function RequestTable({ items, caption }: { items: InterpretationRequestSummary[]; caption: string }) {
  const { t } = useTranslation();
  return (
    <DataTable
      caption={caption}
      columns={[
        t('requests.columns.reference'),
        t('requestTypes.legend'),
        t('requests.columns.caseReference'),
        t('requestTypes.requestedBy'),
        t('requests.columns.status'),
        t('requests.columns.urgency'),
        t('requests.columns.meetingDate'),
      ]}
    >
      {items.map((r) => (
        <TableRow key={r.id}>
          <TableHeaderCell scope="row">
            <AppLink to={`/requests/${r.id}`}>{r.reference || t('requests.noReference')}</AppLink>
            <UnreadBadge requestId={r.id} />
          </TableHeaderCell>
          <TableCell>{t(`requestTypes.types.${r.type}`)}</TableCell>
          <TableCell>{r.caseReference ? <bdi>{r.caseReference}</bdi> : t('common.none')}</TableCell>
          <TableCell>{r.caseTableName ?? r.municipalityName}</TableCell>
          <TableCell>
            <RequestStatusBadge status={r.status} />
          </TableCell>
          <TableCell>
            <UrgencyLabel urgency={r.urgency} />
          </TableCell>
          <TableCell className="dsp-nowrap">{formatDate(r.meetingDate) || t('common.none')}</TableCell>
        </TableRow>
      ))}
    </DataTable>
  );
}
