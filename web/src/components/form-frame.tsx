import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import type { FormEvent, ReactNode } from 'react';
import { ErrorSummary, type SummaryError } from './error-summary.tsx';
import { StatusMessage } from './status-message.tsx';

/**
 * What a form shows around its fields (`useSchemaForm` keeps it, docs/decisions/125-one-form-pattern.md):
 * the error summary's entries in field order, the general message, the key that moves focus to the
 * summary after each failed submit, and the success message.
 */
export interface FormFrameState {
  summary: SummaryError[];
  general: string | null;
  focusKey: number;
  done: string | null;
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
  frame: FormFrameState;
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
