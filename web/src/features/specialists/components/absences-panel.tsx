import { isIsoDate } from '@duidingspool/shared';
import { Button, Paragraph, TableCell, TableRow } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '../../../components/confirm-action.tsx';
import { DataTable } from '../../../components/data-table.tsx';
import { TextField } from '../../../components/form-field.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { FormFrame, fieldsOrMessage, useProblemForm } from '../../../components/problem-form.tsx';
import { QueryFallback } from '../../../components/query-view.tsx';
import { today } from '../../../lib/dates.ts';
import { formatDate } from '../../../lib/format.ts';
import { useAbsences, useAddAbsence, useDeleteAbsence } from '../api/profile.ts';

type Field = 'startsOn' | 'endsOn';
const FIELD_IDS: Record<Field, string> = { startsOn: 'absence-startsOn', endsOn: 'absence-endsOn' };

/**
 * A specialist's absence periods (both dates inclusive) and, when `editable`, the form to add one
 * and a delete button per period that asks for confirmation first.
 */
export function AbsencesPanel({ specialistId, editable }: { specialistId: string; editable: boolean }) {
  const { t } = useTranslation();
  const absences = useAbsences(specialistId);
  const remove = useDeleteAbsence();
  const [done, setDone] = useState<string | null>(null);
  if (!absences.isSuccess) return <QueryFallback query={absences} />;
  const items = absences.data.items;
  return (
    <>
      <Paragraph role="status">{done}</Paragraph>
      {remove.isError ? <ProblemAlert error={remove.error} /> : null}
      {items.length === 0 ? (
        <Paragraph>{t('absences.empty')}</Paragraph>
      ) : (
        <DataTable caption={t('absences.caption')} columns={[t('absences.startsOn'), t('absences.endsOn'), ...(editable ? [t('absences.actions')] : [])]}>
          {items.map((a) => {
            const period = { from: formatDate(a.startsOn), to: formatDate(a.endsOn) };
            return (
              <TableRow key={a.id}>
                <TableCell>{period.from}</TableCell>
                <TableCell>{period.to}</TableCell>
                {editable ? (
                  <TableCell>
                    <ConfirmAction
                      label={t('absences.delete')}
                      accessibleName={t('absences.deleteLabel', period)}
                      pending={remove.isPending}
                      text={{
                        question: t('absences.confirmQuestion', period),
                        consequences: [t('absences.consequence')],
                        confirmLabel: t('absences.confirmDelete'),
                      }}
                      onConfirm={() => {
                        remove.mutate(a.id, { onSuccess: () => setDone(t('absences.deleted', period)) });
                        return undefined;
                      }}
                    />
                  </TableCell>
                ) : null}
              </TableRow>
            );
          })}
        </DataTable>
      )}
      {editable ? <AddAbsenceForm specialistId={specialistId} /> : null}
    </>
  );
}

/** “Afwezigheid toevoegen”: from a date through a date (not before it). */
function AddAbsenceForm({ specialistId }: { specialistId: string }) {
  const { t } = useTranslation();
  const add = useAddAbsence(specialistId);
  const [startsOn, setStartsOn] = useState(today());
  const [endsOn, setEndsOn] = useState(today());
  const labels: Record<Field, string> = { startsOn: t('absences.startsOn'), endsOn: t('absences.endsOn') };
  const form = useProblemForm(FIELD_IDS, labels);
  const submit = () => {
    form.begin();
    const e: Partial<Record<Field, string>> = {};
    if (!isIsoDate(startsOn)) e.startsOn = t('form.invalidDate');
    if (!isIsoDate(endsOn)) e.endsOn = t('form.invalidDate');
    else if (isIsoDate(startsOn) && endsOn < startsOn) e.endsOn = t('absences.endsBeforeStart');
    if (!form.check(e)) return;
    add.mutate(
      { startsOn, endsOn },
      {
        onSuccess: (a) => form.succeed(t('absences.added', { from: formatDate(a.startsOn), to: formatDate(a.endsOn) })),
        onError: (error) => form.fail(error, fieldsOrMessage),
      },
    );
  };
  return (
    <FormFrame frame={form.frame} onSubmit={submit} submitLabel={t('absences.submit')} pending={add.isPending} headingLevel={3}>
      <div className="dsp-form-row">
        <TextField {...form.field('startsOn')} type="date" size="small" value={startsOn} onChange={setStartsOn} required />
        <TextField {...form.field('endsOn')} type="date" size="small" value={endsOn} onChange={setEndsOn} required />
      </div>
    </FormFrame>
  );
}
