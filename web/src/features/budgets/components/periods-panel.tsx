import { Button, Heading2, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '../../../components/confirm-action.tsx';
import { DataTable } from '../../../components/data-table.tsx';
import { TextField } from '../../../components/form-field.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { QueryView } from '../../../components/query-view.tsx';
import { StatusMessage } from '../../../components/status-message.tsx';
import { isolate } from '../../../lib/bidi.ts';
import { formatInstant, formatMonth } from '../../../lib/format.ts';
import { usePeriods, useSetPeriod } from '../api/accounting-periods.ts';
import { ledgerExportHref } from '../api/get-ledger-entries.ts';

const monthName = formatMonth;

/** “Boekmaanden en export”: close or reopen (with a reason) each month, and download the ledger. */
export function PeriodsPanel({ year }: { year: number }) {
  const { t } = useTranslation();
  const periods = usePeriods(year);
  const setPeriod = useSetPeriod();
  const [reopening, setReopening] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [done, setDone] = useState<string | null>(null);

  const close = (month: string) => {
    setDone(null);
    setPeriod.mutate({ month, body: { status: 'closed' } }, { onSuccess: () => setDone(t('budget.periods.closedDone', { month: monthName(month) })) });
  };
  const reopen = (event: FormEvent) => {
    event.preventDefault();
    if (!reopening) return;
    if (!reason.trim()) {
      setReasonError(t('form.required'));
      return;
    }
    setReasonError(undefined);
    const month = reopening;
    setPeriod.mutate(
      { month, body: { status: 'open', reason: reason.trim() } },
      {
        onSuccess: () => {
          setDone(t('budget.periods.reopenedDone', { month: monthName(month) }));
          setReopening(null);
          setReason('');
        },
      },
    );
  };

  return (
    <section aria-labelledby="periods-heading" className="dsp-section">
      <Heading2 id="periods-heading">{t('budget.periods.heading')}</Heading2>
      <Paragraph>{t('budget.periods.intro')}</Paragraph>
      <Paragraph>
        <a className="utrecht-link" href={ledgerExportHref(year, 'csv')} download>
          {t('budget.export.csv', { year })}
        </a>
        {' · '}
        <a className="utrecht-link" href={ledgerExportHref(year, 'xlsx')} download>
          {t('budget.export.xlsx', { year })}
        </a>
      </Paragraph>
      {setPeriod.isError ? <ProblemAlert error={setPeriod.error} /> : null}
      <StatusMessage message={done} />
      <QueryView query={periods}>
        {(months) => (
          <DataTable
            caption={t('budget.periods.caption', { year })}
            columns={[t('budget.periods.month'), t('budget.periods.state'), t('budget.periods.export'), t('common.actions')]}
            showCaption
          >
            {months.items.map((p) => (
              <TableRow key={p.month}>
                <TableHeaderCell scope="row">{monthName(p.month)}</TableHeaderCell>
                <TableCell>
                  {p.status === 'closed'
                    ? t('budget.periods.closedBy', { when: formatInstant(p.closedAt), who: isolate(p.closedByName) })
                    : p.undecidedEntryCount > 0
                      ? t('budget.periods.undecided', { count: p.undecidedEntryCount })
                      : t('budget.periods.open')}
                </TableCell>
                <TableCell className="dsp-nowrap">
                  <a className="utrecht-link" href={ledgerExportHref(year, 'csv', p.month)} download>
                    CSV<span className="dsp-visually-hidden"> {monthName(p.month)}</span>
                  </a>
                  {' · '}
                  <a className="utrecht-link" href={ledgerExportHref(year, 'xlsx', p.month)} download>
                    XLSX<span className="dsp-visually-hidden"> {monthName(p.month)}</span>
                  </a>
                </TableCell>
                <TableCell>
                  {p.allowedActions.includes('close') ? (
                    <ConfirmAction
                      label={t('budget.periods.closeShort')}
                      accessibleName={t('budget.periods.closeName', { month: monthName(p.month) })}
                      pending={setPeriod.isPending}
                      text={{
                        question: t('budget.periods.closeConfirm.question', { month: monthName(p.month) }),
                        consequences: [
                          t('budget.periods.closeConfirm.noHours', { month: monthName(p.month) }),
                          t('budget.periods.closeConfirm.noChanges'),
                          t('budget.periods.closeConfirm.reopen'),
                        ],
                        confirmLabel: t('budget.periods.closeName', { month: monthName(p.month) }),
                      }}
                      onConfirm={() => {
                        close(p.month);
                        return true;
                      }}
                    />
                  ) : null}
                  {p.allowedActions.includes('reopen') ? (
                    <Button appearance="secondary-action-button" onClick={() => setReopening(p.month)} aria-expanded={reopening === p.month}>
                      {t('budget.periods.reopen')}
                      <span className="dsp-visually-hidden"> {monthName(p.month)}</span>
                    </Button>
                  ) : null}
                </TableCell>
              </TableRow>
            ))}
          </DataTable>
        )}
      </QueryView>
      {reopening ? (
        <form onSubmit={reopen} className="dsp-section" noValidate>
          <TextField
            id="reopen-reason"
            label={t('budget.periods.reason', { month: monthName(reopening) })}
            value={reason}
            onChange={setReason}
            error={reasonError}
            required
          />
          <Button type="submit" appearance="primary-action-button" disabled={setPeriod.isPending}>
            {t('budget.periods.reopen')}
          </Button>{' '}
          <Button appearance="secondary-action-button" onClick={() => setReopening(null)}>
            {t('common.back')}
          </Button>
        </form>
      ) : null}
    </section>
  );
}
