import { multiLineText } from '@duidingspool/shared';
import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ApiError } from '../lib/api-client.ts';
import { focusWhenShown } from '../lib/focus.ts';
import { requiredTextInput } from '../lib/form-inputs.ts';
import { InlineForm } from './inline-form.tsx';
import { useErrorMessage } from './problem-alert.tsx';
import { Field } from './schema-field.tsx';
import { useSchemaForm } from './schema-form.tsx';

/** The texts of one two-way decision (approve/reject, grant/refuse). */
export interface DecisionLabels {
  accept: string;
  refuse: string;
  reason: string;
  confirmRefuse: string;
  reasonRequired: string;
}

/** What `DecisionControls` takes. */
export interface DecisionControlsProps {
  id: string;
  labels: DecisionLabels;
  context: ReactNode;
  pending: boolean;
  /** The last failed mutation's error, or null. */
  mutationError: unknown;
  onAccept: () => void;
  onRefuse: (reason: string) => void;
  /** The reason's limit, from the contract of the refusing call (`maxLengthOf(…shape.reason)`). */
  reasonMaxLength: number;
}

/**
 * A decision on one row: accept in one click, or refuse with a required reason (checked for personal
 * data while typing) in an inline form. The mutation's problem shows above the buttons, or at the
 * reason field when the problem points at `reason` (`errors[].pointer`). `context` (visually
 * hidden) tells screen-reader users which row each button acts on.
 */
export function DecisionControls({ id, labels, context, pending, mutationError, onAccept, onRefuse, reasonMaxLength }: DecisionControlsProps) {
  const errorMessage = useErrorMessage();
  const [refusing, setRefusing] = useState(false);
  const reasonRefused = mutationError instanceof ApiError && !!mutationError.fieldErrors.reason;

  return (
    <div className="dsp-review-controls">
      {mutationError && !reasonRefused ? (
        <Paragraph className="dsp-error-text" role="alert">
          {errorMessage(mutationError)}
        </Paragraph>
      ) : null}
      {!refusing ? (
        <ButtonGroup>
          <Button appearance="primary-action-button" onClick={onAccept} disabled={pending}>
            {labels.accept}
            {context}
          </Button>
          <Button
            appearance="secondary-action-button"
            onClick={() => {
              setRefusing(true);
              focusWhenShown(id);
            }}
            disabled={pending}
          >
            {labels.refuse}
            {context}
          </Button>
        </ButtonGroup>
      ) : (
        <RefuseForm
          id={id}
          labels={labels}
          context={context}
          pending={pending}
          mutationError={mutationError}
          onRefuse={onRefuse}
          onBack={() => setRefusing(false)}
          reasonMaxLength={reasonMaxLength}
        />
      )}
    </div>
  );
}

/**
 * The reason of a refusal in an inline form: required, within `reasonMaxLength` (as the shared
 * `multiLineText` of the refusing call's contract), refused when it holds personal data; the
 * server's refusal of `reason` lands on the field.
 */
function RefuseForm({
  id,
  labels,
  context,
  pending,
  mutationError,
  onRefuse,
  onBack,
  reasonMaxLength,
}: Omit<DecisionControlsProps, 'onAccept'> & { onBack: () => void }) {
  const { t } = useTranslation();
  const schema = useMemo(
    () => z.object({ reason: requiredTextInput(multiLineText(reasonMaxLength), t, { personalData: true, message: labels.reasonRequired }) }),
    [t, reasonMaxLength, labels.reasonRequired],
  );
  const form = useSchemaForm({ schema, defaultValues: { reason: '' }, ids: { reason: id }, labels: { reason: labels.reason }, focus: 'field' });
  const refused = mutationError instanceof ApiError ? mutationError.fieldErrors.reason : undefined;
  const { setError } = form.rhf;
  useEffect(() => {
    if (refused) setError('reason', { type: 'server', message: refused });
  }, [refused, setError]);
  return (
    <InlineForm
      onSubmit={form.submit(({ reason }) => onRefuse(reason))}
      submitLabel={
        <>
          {labels.confirmRefuse}
          {context}
        </>
      }
      pending={pending}
      onBack={onBack}
      danger
    >
      <Field form={form} name="reason" kind="textarea" rows={2} required checkPersonalData />
    </InlineForm>
  );
}
