import { AnswerAssignmentBodySchema, type Assignment, type AssignmentAnswer, maxLengthOf } from '@duidingspool/shared';
import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextareaField } from '../../../components/form-field.tsx';
import { InlineForm } from '../../../components/inline-form.tsx';
import { hasBlockingPersonalData } from '../../../components/personal-data-warning.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { VisuallyHidden } from '../../../components/visually-hidden.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { focusWhenShown } from '../../../lib/focus.ts';
import { useUpdateAssignment } from '../api/update-assignment.ts';

/**
 * “Accepteren” / “Afwijzen” for a proposed assignment, when the server offers them
 * (`allowedActions`). Declining opens an optional reason field (checked for personal data, shown on
 * the timeline) and “Afwijzing bevestigen”. Button names carry the request reference for screen readers.
 */
export function AssignmentResponse({ assignment, onDone }: { assignment: Assignment; onDone?: (status: AssignmentAnswer) => void }) {
  const { t } = useTranslation();
  const update = useUpdateAssignment();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const reasonId = `decline-reason-${assignment.id}`;

  const respond = (status: AssignmentAnswer, text?: string) => {
    update.mutate(
      { id: assignment.id, body: { status, ...(text?.trim() ? { reason: text.trim() } : {}) } },
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

  if (!assignment.allowedActions.includes('accept')) return null;
  const ref = <VisuallyHidden> {assignment.requestReference}</VisuallyHidden>;

  return (
    <div className="dsp-assignment-response">
      {update.isError ? <ProblemAlert error={update.error} /> : null}
      {!declining ? (
        <ButtonGroup>
          <Button appearance="primary-action-button" onClick={() => respond('accepted')} disabled={update.isPending}>
            {t('assignments.accept')}
            {ref}
          </Button>
          <Button
            appearance="secondary-action-button"
            onClick={() => {
              setDeclining(true);
              focusWhenShown(reasonId);
            }}
            disabled={update.isPending}
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
