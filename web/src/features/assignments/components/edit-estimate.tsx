import { type Assignment, ChangeEstimateBodySchema } from '@duidingspool/shared';
import { Button } from '@utrecht/component-library-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { InlineForm } from '../../../components/inline-form.tsx';
import { Field } from '../../../components/schema-field.tsx';
import { useSchemaForm } from '../../../components/schema-form.tsx';
import { VisuallyHidden } from '../../../components/visually-hidden.tsx';
import { isProblem } from '../../../lib/api-client.ts';
import { durationInput } from '../../../lib/form-inputs.ts';
import { formatCents, formatHoursMinutes } from '../../../lib/format.ts';
import { useUpdateAssignment } from '../api/update-assignment.ts';

/**
 * The coordinator's “Schatting wijzigen” for an open assignment (must still fit in the budget),
 * shown when the server allows it (`allowedActions`; never on the coordinator's own assignment).
 */
export function EditEstimate({ assignment }: { assignment: Assignment }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (!assignment.allowedActions.includes('change-estimate')) return null;
  if (!open) {
    return (
      <Button appearance="subtle-button" onClick={() => setOpen(true)}>
        {t('assignments.editEstimate')}
        <VisuallyHidden>
          {' '}
          <bdi>{assignment.specialistName}</bdi>
        </VisuallyHidden>
      </Button>
    );
  }
  return <EstimateForm assignment={assignment} onClose={() => setOpen(false)} />;
}

/**
 * The new estimate (`4:30`, `4,5` or `4`, sent as minutes; its range from `ChangeEstimateBodySchema`).
 * Every refusal stays at the field (an inline form has no summary); over budget it says how much is still available.
 */
function EstimateForm({ assignment, onClose }: { assignment: Assignment; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateAssignment();
  const schema = useMemo(() => z.object({ estimatedMinutes: durationInput(ChangeEstimateBodySchema.shape.estimatedMinutes, t) }), [t]);
  const form = useSchemaForm({
    schema,
    defaultValues: { estimatedMinutes: formatHoursMinutes(assignment.estimatedMinutes) },
    ids: { estimatedMinutes: `estimate-${assignment.id}` },
    labels: { estimatedMinutes: t('assignments.newEstimate') },
    focus: 'field',
  });
  const submit = form.submit((body) =>
    update.mutate(
      { id: assignment.id, body },
      {
        onSuccess: onClose,
        // The whole answer belongs to the one field: the server's field error, or its message (with what is still available).
        onError: (error) =>
          form.fail(error, (e, fieldErrors, message) => {
            const extra =
              isProblem(e, 'budget-exceeded') && e.problem.availableCents !== undefined
                ? ` ${t('assign.budgetExceeded', { amount: formatCents(e.problem.availableCents) })}`
                : '';
            fieldErrors.estimatedMinutes ??= `${message}${extra}`;
            return null;
          }),
      },
    ),
  );
  return (
    <InlineForm onSubmit={submit} submitLabel={t('assignments.saveEstimate')} pending={update.isPending} onBack={onClose}>
      <Field form={form} name="estimatedMinutes" kind="duration" required />
    </InlineForm>
  );
}
