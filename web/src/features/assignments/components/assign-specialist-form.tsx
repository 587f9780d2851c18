import { type BudgetLine, entryCostCents, MAX_ESTIMATE_MINUTES, MAX_OVERRIDE_REASON_LENGTH } from '@duidingspool/shared';
import { Alert, Button, DataList, DataListItem, DataListKey, DataListValue, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextareaField, TextField } from '../../../components/form-field.tsx';
import { useErrorMessage } from '../../../components/problem-alert.tsx';
import { StatusMessage } from '../../../components/status-message.tsx';
import { ApiError, isProblem } from '../../../lib/api-client.ts';
import { isolate } from '../../../lib/bidi.ts';
import { formatCents, formatMinutes, parseDuration } from '../../../lib/format.ts';
import { useCreateAssignment } from '../api/create-assignment.ts';

/** The chosen specialist as the form needs them. */
export interface ChosenSpecialist {
  id: string;
  displayName: string;
  /** Rate valid today, cents per hour; null when none. */
  currentRateCents: number | null;
}

/**
 * Estimate (h:mm) and “Toewijzen” for the specialist chosen in the picker. Shows live the
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
  const [done, setDone] = useState<string | null>(null);
  const rateNow = specialist?.currentRateCents ?? null;
  const create = useCreateAssignment(requestId, (a) => {
    const message = t('assign.done', {
      name: isolate(a.specialistName),
      amount: formatCents(a.reservedCents ?? (rateNow !== null ? entryCostCents(a.estimatedMinutes, rateNow) : 0)),
    });
    // The page announces it when it handles the result; otherwise the form does.
    if (onAssigned) onAssigned(message);
    else setDone(message);
  });
  const errorMessage = useErrorMessage();
  const [estimate, setEstimate] = useState('');
  const [estimateError, setEstimateError] = useState<string | undefined>();
  const [overrideReason, setOverrideReason] = useState('');
  const [overrideError, setOverrideError] = useState<string | undefined>();
  const [chosenLine, setChosenLine] = useState('');
  const line = lines.find((l) => l.id === chosenLine) ?? lines.find((l) => l.isDefault);
  const shownAvailable = line ? line.availableCents : availableCents;

  const minutes = parseDuration(estimate);
  const rate = specialist?.currentRateCents ?? null;
  const reservation = minutes !== null && minutes > 0 && rate !== null ? entryCostCents(minutes, rate) : null;
  const exceeds = reservation !== null && shownAvailable !== undefined && reservation > shownAvailable;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    create.reset();
    if (!specialist) {
      onMissingSpecialist();
      return;
    }
    if (minutes === null || minutes < 1) {
      setEstimateError(t('assign.estimateInvalid'));
      return;
    }
    if (minutes > MAX_ESTIMATE_MINUTES) {
      setEstimateError(t('assign.estimateTooLong', { max: formatMinutes(MAX_ESTIMATE_MINUTES) }));
      return;
    }
    setEstimateError(undefined);
    if (overrideNeeded && overrideReason.trim() === '') {
      setOverrideError(t('match.overrideRequired'));
      document.getElementById('assign-override-reason')?.focus();
      return;
    }
    setOverrideError(undefined);
    create.mutate(
      {
        specialistId: specialist.id,
        estimatedMinutes: minutes,
        ...(overrideNeeded ? { overrideReason: overrideReason.trim() } : {}),
        ...(line ? { budgetLineId: line.id } : {}),
      },
      {
        onSuccess: () => {
          setEstimate('');
          setOverrideReason('');
        },
        onError: (error) => {
          if (error instanceof ApiError && error.fieldErrors.estimatedMinutes) setEstimateError(error.fieldErrors.estimatedMinutes);
          if (error instanceof ApiError && error.fieldErrors.overrideReason) setOverrideError(error.fieldErrors.overrideReason);
        },
      },
    );
  };

  const failure = create.error;
  return (
    <form onSubmit={submit} noValidate className="dsp-form dsp-assign-form">
      <TextField
        id="assign-estimate"
        label={t('assign.estimate')}
        description={t('assign.estimateHint')}
        value={estimate}
        onChange={setEstimate}
        error={estimateError}
        inputMode="text"
        size="small"
        autoComplete="off"
        describedByExtra="assign-preview"
      />
      {lines.length > 1 ? (
        <SelectField
          id="assign-budget-line"
          label={t('assign.budgetLine')}
          description={t('assign.budgetLineHint')}
          value={line?.id ?? ''}
          onChange={setChosenLine}
          options={lines.map((l) => ({ value: l.id, label: `${l.name} (${t(`fundingSources.${l.fundingSource}`)})` }))}
          error={failure instanceof ApiError ? failure.fieldErrors.budgetLineId : undefined}
        />
      ) : null}
      {overrideNeeded ? (
        <TextareaField
          id="assign-override-reason"
          label={t('match.overrideLabel')}
          description={t('match.overrideHint')}
          value={overrideReason}
          onChange={setOverrideReason}
          error={overrideError}
          required
          rows={2}
          maxLength={MAX_OVERRIDE_REASON_LENGTH}
          checkPersonalData
        />
      ) : null}
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
      {failure && !estimateError ? (
        <Alert type="error">
          <Paragraph>{errorMessage(failure)}</Paragraph>
          {isProblem(failure, 'budget-exceeded') && failure.problem.availableCents !== undefined ? (
            <Paragraph>{t('assign.budgetExceeded', { amount: formatCents(failure.problem.availableCents) })}</Paragraph>
          ) : null}
        </Alert>
      ) : null}
      <StatusMessage message={done} />
      <Paragraph>
        <Button type="submit" appearance="primary-action-button" disabled={create.isPending}>
          {t('assign.submit')}
        </Button>
      </Paragraph>
    </form>
  );
}
