import { type Assignment, MAX_ESTIMATE_MINUTES } from '@duidingspool/shared';
import { Button } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/form-field.tsx';
import { InlineForm } from '../../../components/inline-form.tsx';
import { useErrorMessage } from '../../../components/problem-alert.tsx';
import { VisuallyHidden } from '../../../components/visually-hidden.tsx';
import { ApiError, isProblem } from '../../../lib/api-client.ts';
import { formatCents, formatHoursMinutes, parseDuration } from '../../../lib/format.ts';
import { useUpdateAssignment } from '../api/update-assignment.ts';

/**
 * The coordinator's “Schatting wijzigen” for an open assignment (must still fit in the budget),
 * shown when the server allows it (`allowedActions`; never on the coordinator's own assignment).
 */
export function EditEstimate({ assignment }: { assignment: Assignment }) {
  const { t } = useTranslation();
  const update = useUpdateAssignment();
  const errorMessage = useErrorMessage();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState(formatHoursMinutes(assignment.estimatedMinutes));
  const [error, setError] = useState<string | undefined>();
  const id = `estimate-${assignment.id}`;

  if (!assignment.allowedActions.includes('change-estimate')) return null;

  const submit = () => {
    const minutes = parseDuration(value);
    if (minutes === null || minutes < 1 || minutes > MAX_ESTIMATE_MINUTES) {
      setError(t('assign.estimateInvalid'));
      return;
    }
    setError(undefined);
    update.mutate(
      { id: assignment.id, body: { estimatedMinutes: minutes } },
      {
        onSuccess: () => setOpen(false),
        onError: (e) => {
          if (isProblem(e, 'budget-exceeded') && e.problem.availableCents !== undefined) {
            setError(`${errorMessage(e)} ${t('assign.budgetExceeded', { amount: formatCents(e.problem.availableCents) })}`);
          } else if (e instanceof ApiError) setError(e.fieldErrors.estimatedMinutes ?? errorMessage(e));
          else setError(errorMessage(e));
        },
      },
    );
  };

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
  return (
    <InlineForm onSubmit={submit} submitLabel={t('assignments.saveEstimate')} pending={update.isPending} onBack={() => setOpen(false)}>
      <TextField id={id} label={t('assignments.newEstimate')} value={value} onChange={setValue} error={error} size="small" />
    </InlineForm>
  );
}
