import { sumCents, type TimeEntry } from '@duidingspool/shared';
import { Table, TableBody, TableCaption, TableCell, TableFooter, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
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
    <div className="dsp-table-scroll">
      <Table>
        <TableCaption className="dsp-visually-hidden">{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('timeEntries.columns.date')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('timeEntries.columns.duration')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('timeEntries.columns.activity')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('timeEntries.columns.description')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('timeEntries.columns.rate')}</TableHeaderCell>
            <TableHeaderCell scope="col" className="dsp-num">
              {t('timeEntries.columns.amount')}
            </TableHeaderCell>
            <TableHeaderCell scope="col">{t('timeEntries.columns.status')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
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
        </TableBody>
        <TableFooter>
          <TableRow>
            <TableHeaderCell scope="row">{t('timeEntries.total')}</TableHeaderCell>
            <TableCell className="dsp-nowrap">{formatMinutes(totalMinutes)}</TableCell>
            <TableCell />
            <TableCell />
            <TableCell />
            <TableCell className="dsp-num dsp-nowrap">{formatCents(totalCents)}</TableCell>
            <TableCell>{t('timeEntries.totalNote')}</TableCell>
          </TableRow>
        </TableFooter>
      </Table>
    </div>
  );
}
