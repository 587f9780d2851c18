import { AnswerAssignmentBodySchema, type Assignment, type AssignmentAnswer, DECLINE_CONFLICT_TARGETS } from '@duidingspool/shared';
import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { InlineForm } from '../../../components/inline-form.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { Field } from '../../../components/schema-field.tsx';
import { fieldsOrMessage, useSchemaForm } from '../../../components/schema-form.tsx';
import { VisuallyHidden } from '../../../components/visually-hidden.tsx';
import { focusWhenShown } from '../../../lib/focus.ts';
import { textInput } from '../../../lib/form-inputs.ts';
import { useConfirmNoConflict, useUpdateAssignment } from '../api/update-assignment.ts';

/**
 * The specialist's answer to a proposal, as the server offers it (`allowedActions`): first “Geen
 * belangenverstrengeling” (`confirm-no-conflict`, decision 103: only then does the request's content
 * show), then “Accepteren”; “Afwijzen” at either step. Declining opens an optional reason field
 * (checked for personal data, shown on the timeline), a choice to decline because of a conflict of
 * interest with the municipality or the casustafel (recorded as a declaration), and “Afwijzing
 * bevestigen”. Button names carry the request reference for screen readers.
 */
export function AssignmentResponse({
  assignment,
  party,
  onDone,
}: {
  assignment: Assignment;
  /** The requesting municipality and casustafel, named in the conflict choice when known. */
  party?: { municipalityName: string | null; caseTableName: string | null };
  onDone?: (status: AssignmentAnswer | 'confirmed') => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateAssignment();
  const confirm = useConfirmNoConflict();
  const [declining, setDeclining] = useState(false);
  const reasonId = `decline-reason-${assignment.id}`;

  const mustConfirm = assignment.allowedActions.includes('confirm-no-conflict');
  if (!mustConfirm && !assignment.allowedActions.includes('accept')) return null;
  const ref = <VisuallyHidden> {assignment.requestReference}</VisuallyHidden>;
  const pending = update.isPending || confirm.isPending;

  if (declining) return <DeclineForm assignment={assignment} party={party} reference={ref} onBack={() => setDeclining(false)} onDone={onDone} />;
  return (
    <div className="dsp-assignment-response">
      {update.isError ? <ProblemAlert error={update.error} /> : null}
      {confirm.isError ? <ProblemAlert error={confirm.error} /> : null}
      <ButtonGroup>
        {mustConfirm ? (
          <Button
            appearance="primary-action-button"
            onClick={() => confirm.mutate(assignment.id, { onSuccess: () => onDone?.('confirmed') })}
            disabled={pending}
          >
            {t('assignments.confirmNoConflict')}
            {ref}
          </Button>
        ) : (
          <Button
            appearance="primary-action-button"
            onClick={() => update.mutate({ id: assignment.id, body: { status: 'accepted' } }, { onSuccess: () => onDone?.('accepted') })}
            disabled={pending}
          >
            {t('assignments.accept')}
            {ref}
          </Button>
        )}
        <Button
          appearance="secondary-action-button"
          onClick={() => {
            setDeclining(true);
            focusWhenShown(reasonId);
          }}
          disabled={pending}
        >
          {t('assignments.decline')}
          {ref}
        </Button>
      </ButtonGroup>
    </div>
  );
}

/**
 * “Afwijzen”: an optional conflict of interest (with the municipality or the casustafel) and an
 * optional reason (its limit from `AnswerAssignmentBodySchema`, refused with personal data), then
 * “Afwijzing bevestigen”. The server's refusal of the reason lands on the field.
 */
function DeclineForm({
  assignment,
  party,
  reference,
  onBack,
  onDone,
}: {
  assignment: Assignment;
  party?: { municipalityName: string | null; caseTableName: string | null } | undefined;
  reference: ReactNode;
  onBack: () => void;
  onDone?: ((status: AssignmentAnswer) => void) | undefined;
}) {
  const { t } = useTranslation();
  const update = useUpdateAssignment();
  const schema = useMemo(
    () =>
      z.object({
        conflictOfInterest: z.enum(['', ...DECLINE_CONFLICT_TARGETS]).transform((v) => (v === '' ? undefined : v)),
        reason: textInput(AnswerAssignmentBodySchema.shape.reason.unwrap(), t, { personalData: true }).transform((v) => (v === '' ? undefined : v)),
      }),
    [t],
  );
  const form = useSchemaForm({
    schema,
    defaultValues: { conflictOfInterest: '', reason: '' },
    ids: { conflictOfInterest: `decline-conflict-${assignment.id}`, reason: `decline-reason-${assignment.id}` },
    labels: { conflictOfInterest: t('assignments.declineConflictLabel'), reason: t('assignments.declineReasonLabel') },
    focus: 'field',
  });
  const submit = form.submit(({ conflictOfInterest, reason }) =>
    update.mutate(
      { id: assignment.id, body: { status: 'declined', ...(reason ? { reason } : {}), ...(conflictOfInterest ? { conflictOfInterest } : {}) } },
      { onSuccess: () => onDone?.('declined'), onError: (error) => form.fail(error, fieldsOrMessage) },
    ),
  );
  const refusedOnField = Object.keys(form.rhf.formState.errors).length > 0;
  return (
    <div className="dsp-assignment-response">
      {update.isError && !refusedOnField ? <ProblemAlert error={update.error} /> : null}
      <InlineForm
        onSubmit={submit}
        submitLabel={
          <>
            {t('assignments.confirmDecline')}
            {reference}
          </>
        }
        pending={update.isPending}
        onBack={onBack}
        danger
      >
        <Paragraph>{t('assignments.declineConsequences', { reference: assignment.requestReference })}</Paragraph>
        <Field
          form={form}
          name="conflictOfInterest"
          kind="select"
          hint={t('assignments.declineConflictHint')}
          placeholder={t('assignments.declineConflictNone')}
          options={[
            {
              value: 'municipality',
              label: t('assignments.declineConflictMunicipality', { name: party?.municipalityName ?? t('assignments.theMunicipality') }),
            },
            // A municipality's own request has no casustafel to declare a conflict with (decision 095).
            ...(party && party.caseTableName === null
              ? []
              : [{ value: 'case-table', label: t('assignments.declineConflictCaseTable', { name: party?.caseTableName ?? t('assignments.theCaseTable') }) }]),
          ]}
        />
        <Field form={form} name="reason" kind="textarea" hint={t('form.optional')} rows={3} checkPersonalData />
      </InlineForm>
    </div>
  );
}
