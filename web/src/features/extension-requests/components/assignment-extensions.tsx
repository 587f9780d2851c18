import { Paragraph, TableCell, TableRow } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/data-table.tsx';
import { QueryFallback } from '../../../components/query-view.tsx';
import { isolate } from '../../../lib/bidi.ts';
import { formatInstant, formatMinutes } from '../../../lib/format.ts';
import { useExtensionRequests } from '../api/get-extension-requests.ts';
import { ExtensionStatusBadge } from './extension-status-badge.tsx';

/**
 * The extension requests of one assignment with their status and decision. The API lists a
 * specialist's own requests (up to 100 per page) without an assignment filter, so this filters here.
 */
export function AssignmentExtensions({ assignmentId }: { assignmentId: string }) {
  const { t } = useTranslation();
  const query = useExtensionRequests({ page: 1, pageSize: 100 });
  if (!query.isSuccess) return <QueryFallback query={query} />;
  const items = query.data.items.filter((x) => x.assignmentId === assignmentId);
  if (items.length === 0) return <Paragraph>{t('extensions.none')}</Paragraph>;
  return (
    <DataTable
      caption={t('extensions.ownCaption')}
      columns={[t('extensions.columns.requestedAt'), t('extensions.columns.extra'), t('extensions.columns.reason'), t('extensions.columns.status')]}
    >
      {items.map((x) => (
        <TableRow key={x.id}>
          <TableCell className="dsp-nowrap">{formatInstant(x.requestedAt)}</TableCell>
          <TableCell className="dsp-nowrap">{formatMinutes(x.extraMinutes)}</TableCell>
          <TableCell>
            <bdi>{x.reason}</bdi>
          </TableCell>
          <TableCell>
            <ExtensionStatusBadge status={x.status} />
            {x.decidedAt ? <span className="dsp-cell-note">{t('extensions.decidedAt', { when: formatInstant(x.decidedAt) })}</span> : null}
            {x.decisionReasonCode ? (
              <span className="dsp-cell-note">{t('extensions.decisionReason', { reason: t(`closeCause.${x.decisionReasonCode}`) })}</span>
            ) : null}
            {x.decisionReason ? <span className="dsp-cell-note">{t('extensions.decisionReason', { reason: isolate(x.decisionReason) })}</span> : null}
          </TableCell>
        </TableRow>
      ))}
    </DataTable>
  );
}
