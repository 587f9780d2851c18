import { CreateAbsenceBodySchema, isoDateToInput } from '@duidingspool/shared';
import { Paragraph, TableCell, TableRow } from '@utrecht/component-library-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ConfirmAction } from '../../../components/confirm-action.tsx';
import { DataTable } from '../../../components/data-table.tsx';
import { FormFrame } from '../../../components/form-frame.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { QueryFallback } from '../../../components/query-view.tsx';
import { Field } from '../../../components/schema-field.tsx';
import { fieldsOrMessage, useSchemaForm } from '../../../components/schema-form.tsx';
import { today } from '../../../lib/dates.ts';
import { dateInput } from '../../../lib/form-inputs.ts';
import { formatDate } from '../../../lib/format.ts';
import { useAbsences, useAddAbsence, useDeleteAbsence } from '../api/profile.ts';

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

/** “Afwezigheid toevoegen”: from a date through a date (`dd-mm-jjjj`, not before the first). */
function AddAbsenceForm({ specialistId }: { specialistId: string }) {
  const { t } = useTranslation();
  const add = useAddAbsence(specialistId);
  const schema = useMemo(
    () =>
      z
        .object({ startsOn: dateInput(CreateAbsenceBodySchema.shape.startsOn, t), endsOn: dateInput(CreateAbsenceBodySchema.shape.endsOn, t) })
        .refine((v) => v.endsOn >= v.startsOn, { path: ['endsOn'], params: { text: t('absences.endsBeforeStart') } }),
    [t],
  );
  const form = useSchemaForm({
    schema,
    defaultValues: { startsOn: isoDateToInput(today()), endsOn: isoDateToInput(today()) },
    ids: { startsOn: 'absence-startsOn', endsOn: 'absence-endsOn' },
    labels: { startsOn: t('absences.startsOn'), endsOn: t('absences.endsOn') },
  });
  const submit = form.submit((body) =>
    add.mutate(body, {
      onSuccess: (a) => form.succeed(t('absences.added', { from: formatDate(a.startsOn), to: formatDate(a.endsOn) })),
      onError: (error) => form.fail(error, fieldsOrMessage),
    }),
  );
  return (
    <FormFrame frame={form.frame} onSubmit={submit} submitLabel={t('absences.submit')} pending={add.isPending} headingLevel={3}>
      <div className="dsp-form-row">
        <Field form={form} name="startsOn" kind="date" required />
        <Field form={form} name="endsOn" kind="date" required />
      </div>
    </FormFrame>
  );
}
