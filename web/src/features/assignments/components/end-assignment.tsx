import { type Assignment, EndAssignmentBodySchema, maxLengthOf } from '@duidingspool/shared';
import { Button, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextareaField } from '../../../components/form-field.tsx';
import { InlineForm } from '../../../components/inline-form.tsx';
import { hasBlockingPersonalData } from '../../../components/personal-data-warning.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { VisuallyHidden } from '../../../components/visually-hidden.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { focusWhenShown } from '../../../lib/focus.ts';
import { formatMinutes } from '../../../lib/format.ts';
import { useEndAssignment } from '../api/end-assignment.ts';

/**
 * The coordinator's “Inzet beëindigen”, shown when the server offers it (`allowedActions`): a
 * confirmation that says what happens — the unused reservation is released, logged hours stay, the
 * request goes back to triage, and it cannot be undone — with a required reason (checked for
 * personal data while typing) that the timeline shows.
 */
export function EndAssignment({ assignment, onEnded }: { assignment: Assignment; onEnded?: (message: string) => void }) {
  const { t } = useTranslation();
  const end = useEndAssignment();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const id = `end-reason-${assignment.id}`;

  if (!assignment.allowedActions.includes('end')) return null;
  const who = <VisuallyHidden> {t('endAssignment.context', { name: assignment.specialistName, reference: assignment.requestReference })}</VisuallyHidden>;

  const submit = () => {
    if (!reason.trim()) return setError(t('endAssignment.reasonRequired'));
    if (hasBlockingPersonalData(reason)) return setError(t('personalData.fieldError'));
    setError(undefined);
    end.mutate(
      { id: assignment.id, body: { reason: reason.trim() } },
      {
        onSuccess: (a) => {
          setOpen(false);
          setReason('');
          onEnded?.(t('endAssignment.done', { name: a.specialistName, reference: a.requestReference }));
        },
        onError: (e) => {
          if (e instanceof ApiError && e.fieldErrors.reason) setError(e.fieldErrors.reason);
        },
      },
    );
  };

  if (!open) {
    return (
      <Button
        appearance="secondary-action-button"
        hint="danger"
        onClick={() => {
          end.reset();
          setOpen(true);
          focusWhenShown(id);
        }}
      >
        {t('endAssignment.action')}
        {who}
      </Button>
    );
  }
  return (
    <InlineForm
      onSubmit={submit}
      submitLabel={
        <>
          {t('endAssignment.confirm')}
          {who}
        </>
      }
      pending={end.isPending}
      onBack={() => setOpen(false)}
      danger
    >
      {end.isError && !error ? <ProblemAlert error={end.error} /> : null}
      <Paragraph>{t('endAssignment.explain', { logged: formatMinutes(assignment.loggedMinutes) })}</Paragraph>
      <TextareaField
        id={id}
        label={t('endAssignment.reasonLabel')}
        value={reason}
        onChange={setReason}
        error={error}
        rows={3}
        required
        maxLength={maxLengthOf(EndAssignmentBodySchema.shape.reason)}
        checkPersonalData
      />
    </InlineForm>
  );
}
