import { type Assignment, EndAssignmentBodySchema } from '@duidingspool/shared';
import { Button, Paragraph } from '@utrecht/component-library-react';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { InlineForm } from '../../../components/inline-form.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { Field } from '../../../components/schema-field.tsx';
import { fieldsOrMessage, useSchemaForm } from '../../../components/schema-form.tsx';
import { VisuallyHidden } from '../../../components/visually-hidden.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { focusWhenShown } from '../../../lib/focus.ts';
import { textInput } from '../../../lib/form-inputs.ts';
import { formatMinutes } from '../../../lib/format.ts';
import { useEndAssignment } from '../api/end-assignment.ts';

/**
 * The coordinator's “Inzet beëindigen”, shown when the server offers it (`allowedActions`): a
 * confirmation that says what happens — the unused reservation is released, logged hours stay, the
 * request goes back to triage, and it cannot be undone — with a required reason (checked for
 * personal data while typing, its limit from `EndAssignmentBodySchema`) that the timeline shows.
 */
export function EndAssignment({ assignment, onEnded }: { assignment: Assignment; onEnded?: (message: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const id = `end-reason-${assignment.id}`;
  if (!assignment.allowedActions.includes('end')) return null;
  const who = <VisuallyHidden> {t('endAssignment.context', { name: assignment.specialistName, reference: assignment.requestReference })}</VisuallyHidden>;
  if (!open) {
    return (
      <Button
        appearance="secondary-action-button"
        hint="danger"
        onClick={() => {
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
    <EndForm
      assignment={assignment}
      id={id}
      who={who}
      onBack={() => setOpen(false)}
      onEnded={(message) => {
        setOpen(false);
        onEnded?.(message);
      }}
    />
  );
}

function EndForm({
  assignment,
  id,
  who,
  onBack,
  onEnded,
}: {
  assignment: Assignment;
  id: string;
  who: ReactNode;
  onBack: () => void;
  onEnded: (message: string) => void;
}) {
  const { t } = useTranslation();
  const end = useEndAssignment();
  const schema = useMemo(
    () =>
      z.object({
        reason: z
          .string()
          .refine((v) => v.trim().length > 0, { params: { text: t('endAssignment.reasonRequired') } })
          .pipe(textInput(EndAssignmentBodySchema.shape.reason, t, { personalData: true })),
      }),
    [t],
  );
  const form = useSchemaForm({
    schema,
    defaultValues: { reason: '' },
    ids: { reason: id },
    labels: { reason: t('endAssignment.reasonLabel') },
    focus: 'field',
  });
  const submit = form.submit((body) =>
    end.mutate(
      { id: assignment.id, body },
      {
        onSuccess: (a) => onEnded(t('endAssignment.done', { name: a.specialistName, reference: a.requestReference })),
        onError: (error) => form.fail(error, fieldsOrMessage),
      },
    ),
  );
  const fieldRefused = end.error instanceof ApiError && 'reason' in end.error.fieldErrors;
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
      onBack={onBack}
      danger
    >
      {end.isError && !fieldRefused ? <ProblemAlert error={end.error} /> : null}
      <Paragraph>{t('endAssignment.explain', { logged: formatMinutes(assignment.loggedMinutes) })}</Paragraph>
      <Field form={form} name="reason" kind="textarea" rows={3} required checkPersonalData />
    </InlineForm>
  );
}
