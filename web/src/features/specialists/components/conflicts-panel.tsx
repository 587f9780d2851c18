import { type CaseTable, type ConflictKind, CreateConflictBodySchema } from '@duidingspool/shared';
import { Button, Paragraph, TableCell, TableRow } from '@utrecht/component-library-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { DataTable } from '../../../components/data-table.tsx';
import { FormFrame } from '../../../components/form-frame.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { QueryFallback } from '../../../components/query-view.tsx';
import { Field } from '../../../components/schema-field.tsx';
import { fieldsOrMessage, useSchemaForm } from '../../../components/schema-form.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { requiredChoice, textInput } from '../../../lib/form-inputs.ts';
import { useAddConflict, useConflicts, useDeleteConflict } from '../api/profile.ts';

const KINDS = ['municipality', 'case-table', 'safety-house'] as const satisfies readonly ConflictKind[];
const BODY_FIELD: Record<ConflictKind, 'municipalityId' | 'caseTableId' | 'safetyHouseId'> = {
  municipality: 'municipalityId',
  'case-table': 'caseTableId',
  'safety-house': 'safetyHouseId',
};

/** The municipalities, casustafels and Zorg- en Veiligheidshuizen of the structure, by name, without duplicates. */
function targetsOf(caseTables: readonly CaseTable[]): Record<ConflictKind, { value: string; label: string }[]> {
  const unique = (items: { value: string; label: string }[]) =>
    [...new Map(items.map((i) => [i.value, i])).values()].sort((a, b) => a.label.localeCompare(b.label, 'nl'));
  return {
    municipality: unique(caseTables.flatMap((c) => c.municipalities.map((m) => ({ value: m.id, label: m.name })))),
    'case-table': unique(caseTables.map((c) => ({ value: c.id, label: c.name }))),
    'safety-house': unique(caseTables.map((c) => ({ value: c.safetyHouseId, label: c.safetyHouseName }))),
  };
}

/**
 * A specialist's declared conflicts of interest (decision 100), with the note only they and the
 * coordinators see, and, when `editable`, the form to declare one for a municipality, casustafel or
 * organisation and a button to withdraw each. A declared conflict keeps them off that party's requests.
 */
export function ConflictsPanel({ specialistId, editable, caseTables }: { specialistId: string; editable: boolean; caseTables: readonly CaseTable[] }) {
  const { t } = useTranslation();
  const conflicts = useConflicts(specialistId);
  const remove = useDeleteConflict();
  const [done, setDone] = useState<string | null>(null);
  if (!conflicts.isSuccess) return <QueryFallback query={conflicts} />;
  const items = conflicts.data.items;
  return (
    <>
      <Paragraph role="status">{done}</Paragraph>
      {remove.isError ? <ProblemAlert error={remove.error} /> : null}
      {items.length === 0 ? (
        <Paragraph>{t('conflicts.empty')}</Paragraph>
      ) : (
        <DataTable
          caption={t('conflicts.caption')}
          columns={[t('conflicts.kind'), t('conflicts.target'), t('conflicts.note'), ...(editable ? [t('conflicts.actions')] : [])]}
        >
          {items.map((c) => (
            <TableRow key={c.id}>
              <TableCell>{t(`match.kinds.${c.kind}`)}</TableCell>
              <TableCell>
                <bdi>{c.targetName}</bdi>
              </TableCell>
              <TableCell>{c.note ? <bdi className="dsp-prewrap">{c.note}</bdi> : t('profile.none')}</TableCell>
              {editable ? (
                <TableCell>
                  <Button
                    appearance="secondary-action-button"
                    disabled={remove.isPending}
                    aria-label={t('conflicts.withdrawLabel', { name: c.targetName })}
                    onClick={() => remove.mutate(c.id, { onSuccess: () => setDone(t('conflicts.withdrawn', { name: c.targetName })) })}
                  >
                    {t('conflicts.withdraw')}
                  </Button>
                </TableCell>
              ) : null}
            </TableRow>
          ))}
        </DataTable>
      )}
      {editable ? <AddConflictForm specialistId={specialistId} caseTables={caseTables} /> : null}
    </>
  );
}

/** “Belangenverstrengeling melden”: a kind, one municipality, casustafel or organisation of that kind, and an optional note. */
function AddConflictForm({ specialistId, caseTables }: { specialistId: string; caseTables: readonly CaseTable[] }) {
  const { t } = useTranslation();
  const add = useAddConflict(specialistId);
  const schema = useMemo(
    () =>
      z
        .object({
          kind: z.enum(KINDS),
          target: requiredChoice(t, t('conflicts.chooseTarget')),
          note: textInput(CreateConflictBodySchema.shape.note.unwrap(), t, { personalData: true }),
        })
        .transform(({ kind, target, note }) => ({ [BODY_FIELD[kind]]: target, ...(note ? { note } : {}) })),
    [t],
  );
  const form = useSchemaForm({
    schema,
    defaultValues: { kind: 'municipality', target: '', note: '' },
    ids: { kind: 'conflict-kind', target: 'conflict-target', note: 'conflict-note' },
    labels: { kind: t('conflicts.kind'), target: t('conflicts.target'), note: t('conflicts.note') },
  });
  const targets = targetsOf(caseTables)[form.rhf.watch('kind') as ConflictKind];
  const submit = form.submit((body) =>
    add.mutate(body, {
      onSuccess: (c) => {
        form.rhf.reset({ ...form.rhf.getValues(), target: '', note: '' });
        form.succeed(t('conflicts.added', { name: c.targetName }));
      },
      onError: (error) =>
        form.fail(error, (e, fieldErrors, message) => {
          // The server names the body's field (`/municipalityId`…); the form shows it on its one target field.
          const onTarget = e instanceof ApiError ? (e.fieldErrors.municipalityId ?? e.fieldErrors.caseTableId ?? e.fieldErrors.safetyHouseId) : undefined;
          if (onTarget) fieldErrors.target = onTarget;
          return fieldsOrMessage(e, fieldErrors, message);
        }),
    }),
  );
  return (
    <FormFrame frame={form.frame} onSubmit={submit} submitLabel={t('conflicts.submit')} pending={add.isPending} headingLevel={3}>
      <Field
        form={form}
        name="kind"
        kind="select"
        onValueChange={() => form.rhf.setValue('target', '')}
        options={KINDS.map((k) => ({ value: k, label: t(`match.kinds.${k}`) }))}
        required
      />
      <Field form={form} name="target" kind="select" options={targets} placeholder={t('conflicts.chooseTarget')} required />
      <Field form={form} name="note" kind="textarea" hint={t('conflicts.noteHint')} rows={2} checkPersonalData />
    </FormFrame>
  );
}
