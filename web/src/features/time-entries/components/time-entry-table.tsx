import { sumCents, type TimeEntry } from '@duidingspool/shared';
import { Button, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/data-table.tsx';
import { InlineForm } from '../../../components/inline-form.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { TimeEntryStatusBadge } from '../../../components/status-badge.tsx';
import { isolate } from '../../../lib/bidi.ts';
import { formatCents, formatDate, formatMinutes } from '../../../lib/format.ts';
import { useReferenceLabels } from '../../../lib/reference-data.ts';
import { useWithdrawTimeEntry } from '../api/withdraw-time-entry.ts';

/**
 * “Intrekken” of an undecided entry, offered when the server allows it (`allowedActions`): a
 * confirmation that says which hours go and that it cannot be undone, then the call.
 */
export function WithdrawEntry({ entry, onWithdrawn }: { entry: TimeEntry; onWithdrawn: (message: string) => void }) {
  const { t } = useTranslation();
  const withdraw = useWithdrawTimeEntry();
  const [open, setOpen] = useState(false);
  const what = t('timeEntries.withdraw.what', { duration: formatMinutes(entry.minutes), date: formatDate(entry.workedOn) });
  if (!entry.allowedActions.includes('withdraw')) return null;
  if (!open) {
    return (
      <Button
        appearance="secondary-action-button"
        onClick={() => {
          withdraw.reset();
          setOpen(true);
        }}
        aria-label={t('timeEntries.withdraw.actionFor', { what })}
      >
        {t('timeEntries.withdraw.action')}
      </Button>
    );
  }
  return (
    <InlineForm
      onSubmit={() => withdraw.mutate(entry.id, { onSuccess: () => onWithdrawn(t('timeEntries.withdraw.done', { what })) })}
      submitLabel={t('timeEntries.withdraw.confirm')}
      pending={withdraw.isPending}
      onBack={() => setOpen(false)}
      danger
    >
      {withdraw.isError ? <ProblemAlert error={withdraw.error} /> : null}
      <Paragraph>{t(entry.correctsEntryId === null ? 'timeEntries.withdraw.question' : 'timeEntries.withdraw.questionCorrection', { what })}</Paragraph>
    </InlineForm>
  );
}

/**
 * A specialist's entries on one assignment: date, duration, activity, description, rate, amount,
 * status; with totals. When any entry may be withdrawn, an actions column offers it; `onWithdrawn`
 * receives the message to announce.
 */
export function TimeEntryTable({ entries, caption, onWithdrawn }: { entries: TimeEntry[]; caption: string; onWithdrawn?: (message: string) => void }) {
  const { t } = useTranslation();
  const labels = useReferenceLabels();
  const withActions = !!onWithdrawn && entries.some((e) => e.allowedActions.includes('withdraw'));
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
        ...(withActions ? [t('common.actions')] : []),
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
          {withActions ? <TableCell /> : null}
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
          {withActions && onWithdrawn ? (
            <TableCell>
              <WithdrawEntry entry={e} onWithdrawn={onWithdrawn} />
            </TableCell>
          ) : null}
        </TableRow>
      ))}
    </DataTable>
  );
}
