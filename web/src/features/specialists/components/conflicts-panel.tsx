import { type CaseTable, type ConflictKind, MAX_CONFLICT_NOTE_LENGTH } from '@duidingspool/shared';
import { Button, Paragraph, TableCell, TableRow } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/data-table.tsx';
import { SelectField, TextareaField } from '../../../components/form-field.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { FormFrame, fieldsOrMessage, useProblemForm } from '../../../components/problem-form.tsx';
import { QueryFallback } from '../../../components/query-view.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { useAddConflict, useConflicts, useDeleteConflict } from '../api/profile.ts';

type Field = 'kind' | 'target' | 'note';
const FIELD_IDS: Record<Field, string> = { kind: 'conflict-kind', target: 'conflict-target', note: 'conflict-note' };
const KINDS: ConflictKind[] = ['municipality', 'case-table', 'safety-house'];
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
  const [kind, setKind] = useState<ConflictKind>('municipality');
  const [target, setTarget] = useState('');
  const [note, setNote] = useState('');
  const labels: Record<Field, string> = { kind: t('conflicts.kind'), target: t('conflicts.target'), note: t('conflicts.note') };
  const form = useProblemForm(FIELD_IDS, labels);
  const targets = targetsOf(caseTables)[kind];
  const submit = () => {
    form.begin();
    if (!form.check(target ? {} : { target: t('conflicts.chooseTarget') })) return;
    add.mutate(
      { [BODY_FIELD[kind]]: target, ...(note.trim() ? { note: note.trim() } : {}) },
      {
        onSuccess: (c) => {
          setTarget('');
          setNote('');
          form.succeed(t('conflicts.added', { name: c.targetName }));
        },
        onError: (error) =>
          form.fail(error, (e, fieldErrors, message) => {
            // The server names the body's field (`/municipalityId`…); the form shows it on its one target field.
            const onTarget = e instanceof ApiError ? (e.fieldErrors.municipalityId ?? e.fieldErrors.caseTableId ?? e.fieldErrors.safetyHouseId) : undefined;
            if (onTarget) fieldErrors.target = onTarget;
            return fieldsOrMessage(e, fieldErrors, message);
          }),
      },
    );
  };
  return (
    <FormFrame frame={form.frame} onSubmit={submit} submitLabel={t('conflicts.submit')} pending={add.isPending} headingLevel={3}>
      <SelectField
        {...form.field('kind')}
        value={kind}
        onChange={(v) => {
          setKind(v as ConflictKind);
          setTarget('');
        }}
        options={KINDS.map((k) => ({ value: k, label: t(`match.kinds.${k}`) }))}
        required
      />
      <SelectField {...form.field('target')} value={target} onChange={setTarget} options={targets} placeholder={t('conflicts.chooseTarget')} required />
      <TextareaField
        {...form.field('note')}
        description={t('conflicts.noteHint')}
        value={note}
        onChange={setNote}
        rows={2}
        maxLength={MAX_CONFLICT_NOTE_LENGTH}
        checkPersonalData
      />
    </FormFrame>
  );
}
