import { type BudgetLine, CreateAssignmentBodySchema, entryCostCents } from '@duidingspool/shared';
import { DataList, DataListItem, DataListKey, DataListValue, Paragraph } from '@utrecht/component-library-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormFrame } from '../../../components/form-frame.tsx';
import { Field } from '../../../components/schema-field.tsx';
import { useSchemaForm } from '../../../components/schema-form.tsx';
import { isProblem } from '../../../lib/api-client.ts';
import { isolate } from '../../../lib/bidi.ts';
import { durationInput, notSent, textInput } from '../../../lib/form-inputs.ts';
import { formatCents, parseDuration } from '../../../lib/format.ts';
import { useCreateAssignment } from '../api/create-assignment.ts';

/** The chosen specialist as the form needs them. */
export interface ChosenSpecialist {
  id: string;
  displayName: string;
  /** Rate valid today, cents per hour; null when none. */
  currentRateCents: number | null;
}

/**
 * Estimate (`4:30`, `4,5` or `4`, its range from `CreateAssignmentBodySchema`) and “Toewijzen” for the specialist chosen in the picker. Shows live the
 * reservation it makes (estimate × rate, rounded half-up, docs/design.md §5) next to the available
 * budget, and on 409 `budget-exceeded` the amount that is still available. When the choice is not
 * the top suggestion (`overrideNeeded`), it asks why; the reason is recorded (decision 100).
 * With the year's `lines`, the coordinator chooses the budget line to charge (the default line
 * first, decision 094); the available amount shown is that line's.
 */
export function AssignSpecialistForm({
  requestId,
  specialist,
  overrideNeeded = false,
  availableCents,
  budgetYear,
  lines = [],
  onMissingSpecialist,
  onAssigned,
}: {
  requestId: string;
  specialist: ChosenSpecialist | undefined;
  overrideNeeded?: boolean;
  availableCents: number | undefined;
  budgetYear: number;
  /** The budget lines of `budgetYear`, the default first; none when the budget is not known. */
  lines?: readonly BudgetLine[];
  onMissingSpecialist: () => void;
  onAssigned?: (message: string) => void;
}) {
  const { t } = useTranslation();
  const rateNow = specialist?.currentRateCents ?? null;
  const schema = useMemo(
    () =>
      z.object({
        estimatedMinutes: durationInput(CreateAssignmentBodySchema.shape.estimatedMinutes, t),
        budgetLineId: z.string().transform((v) => v || undefined),
        overrideReason: overrideNeeded
          ? z
              .string()
              .refine((v) => v.trim().length > 0, { params: { text: t('match.overrideRequired') } })
              .pipe(textInput(CreateAssignmentBodySchema.shape.overrideReason.unwrap(), t, { personalData: true }))
          : notSent(),
      }),
    [t, overrideNeeded],
  );
  const form = useSchemaForm({
    schema,
    defaultValues: { estimatedMinutes: '', budgetLineId: '', overrideReason: '' },
    ids: { estimatedMinutes: 'assign-estimate', budgetLineId: 'assign-budget-line', overrideReason: 'assign-override-reason' },
    labels: { estimatedMinutes: t('assign.estimate'), budgetLineId: t('assign.budgetLine'), overrideReason: t('match.overrideLabel') },
  });
  const create = useCreateAssignment(requestId, (a) => {
    const message = t('assign.done', {
      name: isolate(a.specialistName),
      amount: formatCents(a.reservedCents ?? (rateNow !== null ? entryCostCents(a.estimatedMinutes, rateNow) : 0)),
    });
    // The page announces it when it handles the result; otherwise the form does.
    if (onAssigned) onAssigned(message);
    else form.succeed(message);
  });
  const chosenLine = form.rhf.watch('budgetLineId');
  const line = lines.find((l) => l.id === chosenLine) ?? lines.find((l) => l.isDefault);
  const shownAvailable = line ? line.availableCents : availableCents;

  const minutes = parseDuration(form.rhf.watch('estimatedMinutes'));
  const rate = specialist?.currentRateCents ?? null;
  const reservation = minutes !== null && minutes > 0 && rate !== null ? entryCostCents(minutes, rate) : null;
  const exceeds = reservation !== null && shownAvailable !== undefined && reservation > shownAvailable;

  const check = form.submit(({ estimatedMinutes, overrideReason }) => {
    if (!specialist) return;
    create.mutate(
      {
        specialistId: specialist.id,
        estimatedMinutes,
        ...(overrideReason !== undefined ? { overrideReason } : {}),
        ...(line ? { budgetLineId: line.id } : {}),
      },
      {
        onSuccess: () => form.rhf.reset(),
        // Over budget: the server's message and what is still available.
        onError: (error) =>
          form.fail(error, (e, _fieldErrors, message) =>
            isProblem(e, 'budget-exceeded') && e.problem.availableCents !== undefined
              ? `${message} ${t('assign.budgetExceeded', { amount: formatCents(e.problem.availableCents) })}`
              : message,
          ),
      },
    );
  });
  const submit = () => {
    create.reset();
    if (!specialist) onMissingSpecialist();
    else check();
  };

  return (
    <FormFrame frame={form.frame} onSubmit={submit} submitLabel={t('assign.submit')} pending={create.isPending} className="dsp-form dsp-assign-form">
      <Field form={form} name="estimatedMinutes" kind="duration" describedByExtra="assign-preview" required />
      {lines.length > 1 ? (
        <Field
          form={form}
          name="budgetLineId"
          kind="select"
          hint={t('assign.budgetLineHint')}
          options={lines.map((l) => ({ value: l.id, label: `${l.name} (${t(`fundingSources.${l.fundingSource}`)})` }))}
        />
      ) : null}
      {overrideNeeded ? <Field form={form} name="overrideReason" kind="textarea" hint={t('match.overrideHint')} rows={2} required checkPersonalData /> : null}
      <div id="assign-preview" aria-live="polite" className="dsp-preview">
        <DataList className="dsp-facts dsp-facts--compact">
          <DataListItem>
            <DataListKey>{t('assign.selected')}</DataListKey>
            <DataListValue>{specialist ? <bdi>{specialist.displayName}</bdi> : t('assign.noneSelected')}</DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>{t('assign.reservation')}</DataListKey>
            <DataListValue>{reservation !== null ? formatCents(reservation) : t('common.none')}</DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>
              {line && lines.length > 1 ? t('assign.availableOnLine', { line: line.name, year: budgetYear }) : t('assign.available', { year: budgetYear })}
            </DataListKey>
            <DataListValue>{shownAvailable !== undefined ? formatCents(shownAvailable) : t('assign.noBudget')}</DataListValue>
          </DataListItem>
        </DataList>
        {exceeds ? <Paragraph className="dsp-warning-text">{t('assign.exceedsWarning')}</Paragraph> : null}
      </div>
    </FormFrame>
  );
}
