import { AnswerAssignmentBodySchema, type Assignment, type AssignmentAnswer, type DeclineConflictTarget, maxLengthOf } from '@duidingspool/shared';
import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextareaField } from '../../../components/form-field.tsx';
import { InlineForm } from '../../../components/inline-form.tsx';
import { hasBlockingPersonalData } from '../../../components/personal-data-warning.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { VisuallyHidden } from '../../../components/visually-hidden.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { focusWhenShown } from '../../../lib/focus.ts';
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
  const [conflict, setConflict] = useState<'' | DeclineConflictTarget>('');
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const reasonId = `decline-reason-${assignment.id}`;

  const respond = (status: AssignmentAnswer, text?: string) => {
    update.mutate(
      {
        id: assignment.id,
        body: { status, ...(text?.trim() ? { reason: text.trim() } : {}), ...(status === 'declined' && conflict ? { conflictOfInterest: conflict } : {}) },
      },
      {
        onSuccess: () => onDone?.(status),
        onError: (e) => {
          if (e instanceof ApiError && e.fieldErrors.reason) setReasonError(e.fieldErrors.reason);
        },
      },
    );
  };

  const confirmDecline = () => {
    if (hasBlockingPersonalData(reason)) {
      setReasonError(t('personalData.fieldError'));
      return;
    }
    setReasonError(undefined);
    respond('declined', reason);
  };

  const mustConfirm = assignment.allowedActions.includes('confirm-no-conflict');
  if (!mustConfirm && !assignment.allowedActions.includes('accept')) return null;
  const ref = <VisuallyHidden> {assignment.requestReference}</VisuallyHidden>;
  const pending = update.isPending || confirm.isPending;

  return (
    <div className="dsp-assignment-response">
      {update.isError ? <ProblemAlert error={update.error} /> : null}
      {confirm.isError ? <ProblemAlert error={confirm.error} /> : null}
      {!declining ? (
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
            <Button appearance="primary-action-button" onClick={() => respond('accepted')} disabled={pending}>
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
      ) : (
        <InlineForm
          onSubmit={confirmDecline}
          submitLabel={
            <>
              {t('assignments.confirmDecline')}
              {ref}
            </>
          }
          pending={update.isPending}
          onBack={() => setDeclining(false)}
          danger
        >
          <Paragraph>{t('assignments.declineConsequences', { reference: assignment.requestReference })}</Paragraph>
          <SelectField
            id={`decline-conflict-${assignment.id}`}
            label={t('assignments.declineConflictLabel')}
            description={t('assignments.declineConflictHint')}
            value={conflict}
            onChange={(v) => setConflict(v === 'municipality' || v === 'case-table' ? v : '')}
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
          <TextareaField
            id={reasonId}
            label={t('assignments.declineReasonLabel')}
            description={t('form.optional')}
            value={reason}
            onChange={setReason}
            error={reasonError}
            rows={3}
            maxLength={maxLengthOf(AnswerAssignmentBodySchema.shape.reason)}
            checkPersonalData
          />
        </InlineForm>
      )}
    </div>
  );
}
