import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, type ReactNode, useState } from 'react';
import { serverFieldErrors, summaryOf } from '../lib/form-errors.ts';
import { ErrorSummary, type SummaryError } from './error-summary.tsx';
import { useErrorMessage } from './problem-alert.tsx';
import { StatusMessage } from './status-message.tsx';

/** A form's error messages keyed by field (the name of the field in the request body). */
export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/**
 * What `fail` may change before the server's answer is shown: it may add field errors and returns
 * the general message to show (`null`: none).
 */
export type ProblemAdjust<F extends string> = (error: unknown, fieldErrors: FieldErrors<F>, message: string) => string | null;

/** A `ProblemAdjust` for forms that show the server's field errors alone, and the general message only when there are none. */
export const fieldsOrMessage = (_error: unknown, fieldErrors: FieldErrors<string>, message: string): string | null =>
  Object.keys(fieldErrors).length > 0 ? null : message;

/** The state of one form as `useProblemForm` keeps it; spread `frame` into `FormFrame`. */
export interface ProblemForm<F extends string> {
  /** The message of each field that has one. */
  errors: FieldErrors<F>;
  /** Id, label and error of one field, for `TextField` and its kin. */
  field: (name: F) => { id: string; label: string; error: string | undefined };
  /** Clears the success and general messages at the start of a submit. */
  begin: () => void;
  /**
   * Shows the form's own findings (an empty record clears them); returns `true` when there are
   * none, else moves focus to the error summary and returns `false`.
   */
  check: (found: FieldErrors<F>) => boolean;
  /**
   * Shows a failed call: the server's field errors (`errors[].pointer` of a problem) on the fields
   * this form has and the problem's message as the general message, then focuses the summary.
   * `adjust` may add field errors and returns the general message to show (`null`: none).
   */
  fail: (error: unknown, adjust?: ProblemAdjust<F>) => void;
  /** Shows a general message without a call (e.g. “nothing changed” or a next step), focusing the summary. */
  failWith: (message: string) => void;
  /** Sets the success message (`null` clears it). */
  succeed: (message: string | null) => void;
  /** Props of `FormFrame`: the summary's entries, the general message, the focus key and the success message. */
  frame: { summary: SummaryError[]; general: string | null; focusKey: number; done: string | null };
}

/**
 * The error state of one form without a form library (docs/decisions/046-forms-without-a-form-library.md):
 * field errors from the form's own checks or from the server's problem+json, a general message, a
 * success message, and the counter that moves focus to the error summary after each failed submit.
 * `ids` and `labels` are keyed by field and give the summary its order.
 */
export function useProblemForm<F extends string>(ids: Record<F, string>, labels: Record<F, string>): ProblemForm<F> {
  const errorMessage = useErrorMessage();
  const [errors, setErrors] = useState<FieldErrors<F>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [done, setDone] = useState<string | null>(null);
  const focusSummary = () => setAttempt((a) => a + 1);
  return {
    errors,
    field: (name) => ({ id: ids[name], label: labels[name], error: errors[name] }),
    begin: () => {
      setDone(null);
      setGeneral(null);
    },
    check: (found) => {
      setErrors(found);
      if (!Object.values(found).some(Boolean)) return true;
      focusSummary();
      return false;
    },
    fail: (error, adjust) => {
      const fieldErrors = serverFieldErrors(error, ids);
      const message = errorMessage(error, { except: Object.keys(ids) });
      setGeneral(adjust ? adjust(error, fieldErrors, message) : message);
      setErrors(fieldErrors);
      focusSummary();
    },
    failWith: (message) => {
      setGeneral(message);
      focusSummary();
    },
    succeed: setDone,
    frame: { summary: summaryOf(ids, labels, errors), general, focusKey: attempt, done },
  };
}

/**
 * The frame of a form: `<form noValidate>`, the error summary (focused after a failed submit), the
 * success message in its live region, the fields, and the submit button (disabled and busy while
 * the call runs). `submit` receives no event: the frame prevents the browser's own submit.
 */
export function FormFrame({
  frame,
  onSubmit,
  submitLabel,
  pending,
  children,
  headingLevel,
  className = 'dsp-form',
  appearance = 'primary-action-button',
  after,
  labelledBy,
  label,
  intro,
  submitDescribedBy,
  secondaryAction,
}: {
  frame: ProblemForm<string>['frame'];
  onSubmit: () => void;
  submitLabel: ReactNode;
  pending: boolean;
  children: ReactNode;
  /** 3 inside a section that already has an `<h2>`. */
  headingLevel?: 2 | 3;
  className?: string;
  appearance?: 'primary-action-button' | 'secondary-action-button';
  /** Shown below the submit button (e.g. a link to another screen). */
  after?: ReactNode;
  /** Shown at the top of the form, above the error summary (e.g. steps to follow). */
  intro?: ReactNode;
  /** Id of the heading that names the form. */
  labelledBy?: string;
  /** The form's name when no heading names it. */
  label?: string;
  /** Id of a warning the submit button refers to. */
  submitDescribedBy?: string | undefined;
  /** A second button beside the submit button (e.g. “Sluiten”); the two stand in one row. */
  secondaryAction?: ReactNode;
}) {
  const submitButton = (
    <Button type="submit" appearance={appearance} busy={pending} disabled={pending} aria-describedby={submitDescribedBy}>
      {submitLabel}
    </Button>
  );
  return (
    <form
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        onSubmit();
      }}
      noValidate
      className={className}
      aria-labelledby={labelledBy}
      aria-label={label}
    >
      {intro}
      <ErrorSummary errors={frame.summary} general={frame.general} focusKey={frame.focusKey} headingLevel={headingLevel} />
      <StatusMessage message={frame.done} />
      {children}
      {secondaryAction ? (
        <ButtonGroup>
          {submitButton}
          {secondaryAction}
        </ButtonGroup>
      ) : (
        <Paragraph>{submitButton}</Paragraph>
      )}
      {after}
    </form>
  );
}
