import { type Budget, type BudgetLine, CreateBudgetLineBodySchema, FUNDING_SOURCES, FundingSourceSchema, type PatchBudgetLineBody } from '@duidingspool/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormFrame } from '../../../components/form-frame.tsx';
import { Field } from '../../../components/schema-field.tsx';
import { useSchemaForm } from '../../../components/schema-form.tsx';
import { amountInput, checkedBy, notSent, requiredChoice, requiredTextInput, textInput } from '../../../lib/form-inputs.ts';
import { formatCents } from '../../../lib/format.ts';
import { centsToInput } from '../../../lib/parse-input.ts';
import { useCreateBudgetLine, useUpdateBudgetLine } from '../api/budget-lines.ts';

const shape = CreateBudgetLineBodySchema.shape;

/** The form's values of a line as stored, or empty for a new line. */
const valuesOf = (line: BudgetLine | undefined, lineId: string) => ({
  lineId,
  code: '',
  name: line?.name ?? '',
  fundingSource: line?.fundingSource ?? 'national-nctv',
  allocatedCents: line ? centsToInput(line.allocatedCents) : '',
  note: line?.note ?? '',
});

/**
 * “Budgetregel toevoegen” or, with `editing`, “Budgetregel wijzigen” (decision 094): code (new lines
 * only), name, funding source, amount in euros (`1.234,56`) and an optional note, checked by
 * `CreateBudgetLineBodySchema`. The server refuses lines that together exceed the year and an amount
 * below what is committed on the line; those answers name the amount field.
 */
export function BudgetLineForm({ budget, editing = false }: { budget: Budget; editing?: boolean }) {
  const { t } = useTranslation();
  const prefix = `${editing ? 'edit' : 'new'}-line-${budget.year}`;
  const create = useCreateBudgetLine(budget.year);
  const update = useUpdateBudgetLine(budget.year);
  const first = budget.lines[0];
  const schema = useMemo(
    () =>
      z.object({
        lineId: editing ? requiredChoice(t) : notSent(),
        code: editing ? notSent() : checkedBy(shape.code, t('budgetLines.codeInvalid')),
        name: requiredTextInput(shape.name, t),
        fundingSource: requiredChoice(t).pipe(FundingSourceSchema),
        allocatedCents: amountInput(shape.allocatedCents, t),
        note: textInput(shape.note.unwrap(), t),
      }),
    [t, editing],
  );
  const form = useSchemaForm({
    schema,
    defaultValues: valuesOf(editing ? first : undefined, first?.id ?? ''),
    ids: {
      lineId: `${prefix}-line`,
      code: `${prefix}-code`,
      name: `${prefix}-name`,
      fundingSource: `${prefix}-funding`,
      allocatedCents: `${prefix}-amount`,
      note: `${prefix}-note`,
    },
    labels: {
      lineId: t('budgetLines.line'),
      code: t('budgetLines.code'),
      name: t('budgetLines.name'),
      fundingSource: t('budgetLines.fundingSource'),
      allocatedCents: t('budgetLines.amount'),
      note: t('budgetAdmin.note'),
    },
  });
  const line = budget.lines.find((l) => l.id === form.rhf.watch('lineId'));

  const submit = form.submit(({ lineId: _lineId, code, note, ...values }) => {
    if (!editing) {
      create.mutate(
        { ...values, code: code ?? '', ...(note ? { note } : {}) },
        {
          onSuccess: (saved) => {
            form.succeed(t('budgetLines.added', { line: saved.name, amount: formatCents(saved.allocatedCents) }));
            form.rhf.reset({ ...form.rhf.getValues(), code: '', name: '', allocatedCents: '', note: '' });
          },
          onError: (error) => form.fail(error),
        },
      );
      return;
    }
    if (!line) return;
    const body: PatchBudgetLineBody = {};
    if (values.name !== line.name) body.name = values.name;
    if (values.fundingSource !== line.fundingSource) body.fundingSource = values.fundingSource;
    if (values.allocatedCents !== line.allocatedCents) body.allocatedCents = values.allocatedCents;
    if ((note || null) !== line.note) body.note = note || null;
    if (Object.keys(body).length === 0) {
      form.succeed(t('budgetAdmin.nothingChanged'));
      return;
    }
    update.mutate(
      { id: line.id, body },
      { onSuccess: (saved) => form.succeed(t('budgetLines.saved', { line: saved.name })), onError: (error) => form.fail(error) },
    );
  });

  return (
    <>
      <h3 id={`${prefix}-heading`} className="utrecht-heading-3">
        {editing ? t('budgetLines.editHeading', { year: budget.year }) : t('budgetLines.addHeading', { year: budget.year })}
      </h3>
      <FormFrame
        frame={form.frame}
        onSubmit={submit}
        submitLabel={editing ? t('budgetLines.saveSubmit') : t('budgetLines.addSubmit')}
        pending={editing ? update.isPending : create.isPending}
        headingLevel={3}
        labelledBy={`${prefix}-heading`}
      >
        {editing ? (
          <Field
            form={form}
            name="lineId"
            kind="select"
            options={budget.lines.map((l) => ({ value: l.id, label: l.name }))}
            onValueChange={(id) => {
              const chosen = budget.lines.find((l) => l.id === id);
              if (chosen) form.rhf.reset(valuesOf(chosen, id));
            }}
            required
          />
        ) : (
          <Field form={form} name="code" hint={t('budgetLines.codeHint')} size="medium" required />
        )}
        <div className="dsp-form-row">
          <Field form={form} name="name" required />
          <Field
            form={form}
            name="fundingSource"
            kind="select"
            options={FUNDING_SOURCES.map((f) => ({ value: f, label: t(`fundingSources.${f}`) }))}
            required
          />
          <Field
            form={form}
            name="allocatedCents"
            kind="amount"
            hint={
              editing && line
                ? t('budgetLines.amountEditHint', { committed: formatCents(line.committedCents), free: formatCents(budget.unassignedCents) })
                : t('budgetLines.amountHint', { free: formatCents(budget.unassignedCents) })
            }
            required
          />
        </div>
        <Field form={form} name="note" kind="textarea" hint={t('form.optional')} rows={2} />
      </FormFrame>
    </>
  );
}
