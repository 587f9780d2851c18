import { sumCents, type TimeEntry } from '@duidingspool/shared';
import { TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/data-table.tsx';
import { TimeEntryStatusBadge } from '../../../components/status-badge.tsx';
import { isolate } from '../../../lib/bidi.ts';
import { formatCents, formatDate, formatMinutes } from '../../../lib/format.ts';
import { useReferenceLabels } from '../../../lib/reference-data.ts';

/** A specialist's entries on one assignment: date, duration, activity, description, rate, amount, status; with totals. */
export function TimeEntryTable({ entries, caption }: { entries: TimeEntry[]; caption: string }) {
  const { t } = useTranslation();
  const labels = useReferenceLabels();
  const countable = entries.filter((e) => e.status !== 'rejected');
  const totalMinutes = countable.reduce((s, e) => s + e.minutes, 0);
  const totalCents = sumCents(countable.map((e) => e.amountCents));
  return (
    <DataTable
      caption={caption}
      columns={[
        t('timeEntries.columns.date'),
        t('timeEntries.columns.duration'),
        t('timeEntries.columns.activity'),
        t('timeEntries.columns.description'),
        t('timeEntries.columns.rate'),
        { label: t('timeEntries.columns.amount'), className: 'dsp-num' },
        t('timeEntries.columns.status'),
      ]}
      footer={
        <>
          <TableHeaderCell scope="row">{t('timeEntries.total')}</TableHeaderCell>
          <TableCell className="dsp-nowrap">{formatMinutes(totalMinutes)}</TableCell>
          <TableCell />
          <TableCell />
          <TableCell />
          <TableCell className="dsp-num dsp-nowrap">{formatCents(totalCents)}</TableCell>
          <TableCell>{t('timeEntries.totalNote')}</TableCell>
        </>
      }
    >
      {entries.map((e) => (
        <TableRow key={e.id}>
          <TableCell className="dsp-nowrap">{formatDate(e.workedOn)}</TableCell>
          <TableCell className="dsp-nowrap">{formatMinutes(e.minutes)}</TableCell>
          <TableCell>{labels.activity(e.activity)}</TableCell>
          <TableCell>
            <bdi>{e.description}</bdi>
          </TableCell>
          <TableCell className="dsp-nowrap">{t('format.perHour', { amount: formatCents(e.rateCents) })}</TableCell>
          <TableCell className="dsp-num dsp-nowrap">{formatCents(e.amountCents)}</TableCell>
          <TableCell>
            <TimeEntryStatusBadge status={e.status} />
            {e.rejectReason ? <span className="dsp-cell-note">{t('timeEntries.rejectReason', { reason: isolate(e.rejectReason) })}</span> : null}
          </TableCell>
        </TableRow>
      ))}
    </DataTable>
  );
}
