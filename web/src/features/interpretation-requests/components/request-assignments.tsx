import type { Assignment } from '@duidingspool/shared';
import { Heading2, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/data-table.tsx';
import { AssignmentStatusBadge } from '../../../components/status-badge.tsx';
import { isolate } from '../../../lib/bidi.ts';
import { formatCents, formatInstant, formatMinutes } from '../../../lib/format.ts';

/**
 * The assignments on a request: specialist, status, estimate, logged time and remaining
 * reservation. `showMoney` hides rates and amounts from roles that may not see them;
 * `renderActions` adds per-row controls (e.g. the coordinator's estimate change).
 */
export function RequestAssignments({
  assignments,
  showMoney,
  renderActions,
}: {
  assignments: Assignment[];
  showMoney: boolean;
  renderActions?: (assignment: Assignment) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="assignments-heading" className="dsp-section">
      <Heading2 id="assignments-heading">{t('requestDetail.assignmentsHeading')}</Heading2>
      {assignments.length === 0 ? (
        <Paragraph>{t('requestDetail.noAssignments')}</Paragraph>
      ) : (
        <DataTable
          caption={t('requestDetail.assignmentsHeading')}
          columns={[
            t('assignments.columns.specialist'),
            t('assignments.columns.status'),
            t('assignments.columns.estimate'),
            t('assignments.columns.logged'),
            t('assignments.columns.rate'),
            t('assignments.columns.reserved'),
            t('assignments.columns.proposedAt'),
            t('common.actions'),
          ]}
        >
          {assignments.map((a) => (
            <TableRow key={a.id}>
              <TableHeaderCell scope="row">
                <bdi>{a.specialistName}</bdi>
              </TableHeaderCell>
              <TableCell>
                <AssignmentStatusBadge status={a.status} closedAt={a.closedAt} />
                {a.declineReason ? <span className="dsp-cell-note">{t('assignments.declineReason', { reason: isolate(a.declineReason) })}</span> : null}
                {a.endReason ? <span className="dsp-cell-note">{t('assignments.endReason', { reason: isolate(a.endReason) })}</span> : null}
                {!a.specialistActive && a.status !== 'declined' && !a.closedAt ? (
                  <span className="dsp-cell-note dsp-warning-text">{t('assignments.specialistInactive')}</span>
                ) : null}
              </TableCell>
              <TableCell className="dsp-nowrap">{formatMinutes(a.estimatedMinutes)}</TableCell>
              <TableCell className="dsp-nowrap">{formatMinutes(a.loggedMinutes)}</TableCell>
              {showMoney ? <TableCell>{a.rateCents !== null ? t('format.perHour', { amount: formatCents(a.rateCents) }) : t('common.none')}</TableCell> : null}
              {showMoney ? <TableCell>{a.reservedCents !== null ? formatCents(a.reservedCents) : t('common.none')}</TableCell> : null}
              <TableCell className="dsp-nowrap">{formatInstant(a.proposedAt)}</TableCell>
              {renderActions ? <TableCell>{renderActions(a)}</TableCell> : null}
            </TableRow>
          ))}
        </DataTable>
      )}
    </section>
  );
}
