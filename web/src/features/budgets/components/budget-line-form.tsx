import { type Budget, CreateBudgetLineBodySchema, FUNDING_SOURCES, type FundingSource, maxLengthOf, type PatchBudgetLineBody } from '@duidingspool/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AmountField, SelectField, ShortField, TextareaField, TextField } from '../../../components/form-field.tsx';
import { FormFrame, useProblemForm } from '../../../components/problem-form.tsx';
import { formatCents } from '../../../lib/format.ts';
import { centsToInput, parseEuros } from '../../../lib/parse-input.ts';
import { useCreateBudgetLine, useUpdateBudgetLine } from '../api/budget-lines.ts';

type Field = 'lineId' | 'code' | 'name' | 'fundingSource' | 'allocatedCents' | 'note';

/**
 * “Budgetregel toevoegen” or, with `editing`, “Budgetregel wijzigen” (decision 094): code (new lines
 * only), name, funding source, amount in euros and an optional note. The server refuses lines that
 * together exceed the year and an amount below what is committed on the line; those answers name
 * the amount field.
 */
export function BudgetLineForm({ budget, editing = false }: { budget: Budget; editing?: boolean }) {
  const { t } = useTranslation();
  const prefix = `${editing ? 'edit' : 'new'}-line-${budget.year}`;
  const ids: Record<Field, string> = {
    lineId: `${prefix}-line`,
    code: `${prefix}-code`,
    name: `${prefix}-name`,
    fundingSource: `${prefix}-funding`,
    allocatedCents: `${prefix}-amount`,
    note: `${prefix}-note`,
  };
  const labels: Record<Field, string> = {
    lineId: t('budgetLines.line'),
    code: t('budgetLines.code'),
    name: t('budgetLines.name'),
    fundingSource: t('budgetLines.fundingSource'),
    allocatedCents: t('budgetLines.amount'),
    note: t('budgetAdmin.note'),
  };
  const form = useProblemForm(ids, labels);
  const create = useCreateBudgetLine(budget.year);
  const update = useUpdateBudgetLine(budget.year);
  const first = budget.lines[0];
  const [lineId, setLineId] = useState(first?.id ?? '');
  const line = budget.lines.find((l) => l.id === lineId);
  const initial = editing && line ? line : null;
  const [code, setCode] = useState('');
  const [name, setName] = useState(initial?.name ?? '');
  const [fundingSource, setFundingSource] = useState<FundingSource>(initial?.fundingSource ?? 'national-nctv');
  const [amount, setAmount] = useState(initial ? centsToInput(initial.allocatedCents) : '');
  const [note, setNote] = useState(initial?.note ?? '');

  const choose = (id: string) => {
    setLineId(id);
    const l = budget.lines.find((x) => x.id === id);
    if (!l) return;
    setName(l.name);
    setFundingSource(l.fundingSource);
    setAmount(centsToInput(l.allocatedCents));
    setNote(l.note ?? '');
  };

  const submit = () => {
    form.begin();
    const allocatedCents = parseEuros(amount);
    const e: Partial<Record<Field, string>> = {};
    if (!editing && !CreateBudgetLineBodySchema.shape.code.safeParse(code.trim()).success) e.code = t('budgetLines.codeInvalid');
    if (!name.trim()) e.name = t('form.required');
    if (!amount.trim()) e.allocatedCents = t('form.required');
    else if (allocatedCents === null || allocatedCents < 0) e.allocatedCents = t('budgetAdmin.amountInvalid');
    if (!form.check(e) || allocatedCents === null) return;
    if (!editing) {
      create.mutate(
        { code: code.trim(), name: name.trim(), fundingSource, allocatedCents, ...(note.trim() ? { note: note.trim() } : {}) },
        {
          onSuccess: (saved) => {
            form.succeed(t('budgetLines.added', { line: saved.name, amount: formatCents(saved.allocatedCents) }));
            setCode('');
            setName('');
            setAmount('');
            setNote('');
          },
          onError: (error) => form.fail(error),
        },
      );
      return;
    }
    if (!line) return;
    const body: PatchBudgetLineBody = {};
    if (name.trim() !== line.name) body.name = name.trim();
    if (fundingSource !== line.fundingSource) body.fundingSource = fundingSource;
    if (allocatedCents !== line.allocatedCents) body.allocatedCents = allocatedCents;
    if ((note.trim() || null) !== line.note) body.note = note.trim() || null;
    if (Object.keys(body).length === 0) {
      form.succeed(t('budgetAdmin.nothingChanged'));
      return;
    }
    update.mutate(
      { id: line.id, body },
      { onSuccess: (saved) => form.succeed(t('budgetLines.saved', { line: saved.name })), onError: (error) => form.fail(error) },
    );
  };

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
          <SelectField
            {...form.field('lineId')}
            value={lineId}
            onChange={choose}
            options={budget.lines.map((l) => ({ value: l.id, label: l.name }))}
            required
          />
        ) : (
          <ShortField {...form.field('code')} description={t('budgetLines.codeHint')} value={code} onChange={setCode} maxLength={40} />
        )}
        <div className="dsp-form-row">
          <TextField {...form.field('name')} value={name} onChange={setName} maxLength={maxLengthOf(CreateBudgetLineBodySchema.shape.name)} required />
          <SelectField
            {...form.field('fundingSource')}
            value={fundingSource}
            onChange={(v) => setFundingSource(v as FundingSource)}
            options={FUNDING_SOURCES.map((f) => ({ value: f, label: t(`fundingSources.${f}`) }))}
            required
          />
          <AmountField
            {...form.field('allocatedCents')}
            description={
              editing && line
                ? t('budgetLines.amountEditHint', { committed: formatCents(line.committedCents), free: formatCents(budget.unassignedCents) })
                : t('budgetLines.amountHint', { free: formatCents(budget.unassignedCents) })
            }
            value={amount}
            onChange={setAmount}
          />
        </div>
        <TextareaField
          {...form.field('note')}
          description={t('form.optional')}
          rows={2}
          value={note}
          onChange={setNote}
          maxLength={maxLengthOf(CreateBudgetLineBodySchema.shape.note)}
        />
      </FormFrame>
    </>
  );
}
