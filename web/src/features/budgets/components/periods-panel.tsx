import { PatchPeriodBodySchema } from '@duidingspool/shared';
import { Button, Heading2, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ConfirmAction } from '../../../components/confirm-action.tsx';
import { DataTable } from '../../../components/data-table.tsx';
import { FormFrame } from '../../../components/form-frame.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { QueryView } from '../../../components/query-view.tsx';
import { Field } from '../../../components/schema-field.tsx';
import { useSchemaForm } from '../../../components/schema-form.tsx';
import { StatusMessage } from '../../../components/status-message.tsx';
import { isolate } from '../../../lib/bidi.ts';
import { requiredTextInput } from '../../../lib/form-inputs.ts';
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
  const [done, setDone] = useState<string | null>(null);

  const close = (month: string) => {
    setDone(null);
    setPeriod.mutate({ month, body: { status: 'closed' } }, { onSuccess: () => setDone(t('budget.periods.closedDone', { month: monthName(month) })) });
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
        <ReopenForm
          key={reopening}
          month={reopening}
          onBack={() => setReopening(null)}
          onDone={() => {
            setDone(t('budget.periods.reopenedDone', { month: monthName(reopening) }));
            setReopening(null);
          }}
        />
      ) : null}
    </section>
  );
}

/** Reopening one closed month: the reason (required, within `PatchPeriodBodySchema`), then the call; a refusal of the reason lands on its field. */
export function ReopenForm({ month, onBack, onDone }: { month: string; onBack: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const setPeriod = useSetPeriod();
  const schema = useMemo(() => z.object({ reason: requiredTextInput(PatchPeriodBodySchema.shape.reason.unwrap(), t) }), [t]);
  const form = useSchemaForm({
    schema,
    defaultValues: { reason: '' },
    ids: { reason: 'reopen-reason' },
    labels: { reason: t('budget.periods.reason', { month: monthName(month) }) },
  });
  const submit = form.submit(({ reason }) =>
    setPeriod.mutate({ month, body: { status: 'open', reason } }, { onSuccess: onDone, onError: (error) => form.fail(error) }),
  );
  return (
    <FormFrame
      frame={form.frame}
      onSubmit={submit}
      submitLabel={t('budget.periods.reopen')}
      pending={setPeriod.isPending}
      headingLevel={3}
      className="dsp-form dsp-section"
      secondaryAction={
        <Button type="button" appearance="secondary-action-button" onClick={onBack}>
          {t('common.back')}
        </Button>
      }
    >
      <Field form={form} name="reason" required />
    </FormFrame>
  );
}
