import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api-client.ts';
import { focusWhenShown } from '../lib/focus.ts';
import { TextareaField } from './form-field.tsx';
import { InlineForm } from './inline-form.tsx';
import { hasBlockingPersonalData } from './personal-data-warning.tsx';
import { useErrorMessage } from './problem-alert.tsx';

/** The texts of one two-way decision (approve/reject, grant/refuse). */
export interface DecisionLabels {
  accept: string;
  refuse: string;
  reason: string;
  confirmRefuse: string;
  reasonRequired: string;
}

/**
 * A decision on one row: accept in one click, or refuse with a required reason (checked for personal
 * data while typing) in an inline form. The mutation's problem shows above the buttons, or at the
 * reason field when the problem points at `reason` (`errors[].pointer`). `context` (visually
 * hidden) tells screen-reader users which row each button acts on.
 */
export function DecisionControls({
  id,
  labels,
  context,
  pending,
  mutationError,
  onAccept,
  onRefuse,
  reasonMaxLength,
}: {
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
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [refusing, setRefusing] = useState(false);
  const [reason, setReason] = useState('');
  const [ownError, setError] = useState<string | undefined>();
  const error = ownError ?? (mutationError instanceof ApiError ? mutationError.fieldErrors.reason : undefined);

  const refuse = () => {
    if (!reason.trim()) return setError(labels.reasonRequired);
    if (hasBlockingPersonalData(reason)) return setError(t('personalData.fieldError'));
    setError(undefined);
    onRefuse(reason.trim());
  };

  return (
    <div className="dsp-review-controls">
      {mutationError && !error ? (
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
        <InlineForm
          onSubmit={refuse}
          submitLabel={
            <>
              {labels.confirmRefuse}
              {context}
            </>
          }
          pending={pending}
          onBack={() => setRefusing(false)}
          danger
        >
          <TextareaField
            id={id}
            label={labels.reason}
            value={reason}
            onChange={setReason}
            error={error}
            rows={2}
            required
            maxLength={reasonMaxLength}
            checkPersonalData
          />
        </InlineForm>
      )}
    </div>
  );
}
